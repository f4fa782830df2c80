package cn.uniondesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptPdfTest {
    @TempDir
    Path dir;

    @Test
    void receiptShowsNumberAmountInFiguresAndCapitalsWithEmbeddedCjkFont() throws Exception {
        Path pdf = dir.resolve("r.pdf");
        ReceiptPdf.write(new ReceiptPdf.Data("苏州恒达精密机械有限公司工会委员会", "2026-000001", LocalDate.of(2026, 11, 3),
                "张三", "GH001", "2026-10~2026-11", 2835, "王干事", false, null), pdf);
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("WenQuanYi").contains("FontFile2");
        PdfReader reader = new PdfReader(bytes);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("2026-000001").contains("28.35").contains("贰拾捌元叁角伍分")
                    .contains("工会会费收据").contains("张三").doesNotContain("作废");
        } finally {
            reader.close();
        }
        assertThat(Files.size(pdf)).isLessThan(300_000);
    }

    @Test
    void voidedReceiptIsMarkedVoid() throws Exception {
        Path pdf = dir.resolve("v.pdf");
        ReceiptPdf.write(new ReceiptPdf.Data("工会", "2026-000002", LocalDate.of(2026, 11, 3), "李四", null, "2026-11",
                2500, "王干事", true, "金额开错"), pdf);
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("作废").contains("金额开错");
        } finally {
            reader.close();
        }
    }
}
