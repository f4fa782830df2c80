package cn.uniondesk.report;

import cn.uniondesk.domain.ChineseAmount;
import cn.uniondesk.domain.Money;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/** 工会会费收据 as a PDF (A5 landscape): numbered, amount in figures and in capitals, void marked. */
public final class ReceiptPdf {
    /** What a receipt shows. */
    public record Data(String unionName, String receiptNo, LocalDate issuedOn, String memberName, String cardNo,
            String months, long amountFen, String issuedBy, boolean voided, String voidReason) {
    }

    private ReceiptPdf() {
    }

    /** Writes the receipt to {@code out} (through a temporary file, so a half-written PDF never exists). */
    public static void write(Data d, Path out) {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            write(d, os);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Data d, OutputStream os) {
        Document doc = new Document(PageSize.A5.rotate(), 36, 36, 30, 30);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, os);
            doc.addTitle("工会会费收据 " + d.receiptNo());
            doc.addCreator("UnionDesk 基层工会工作台");
            doc.open();
            Paragraph title = new Paragraph("工会会费收据", PdfFonts.bold(20));
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            Paragraph union = new Paragraph(d.unionName(), PdfFonts.font(11));
            union.setAlignment(Element.ALIGN_CENTER);
            union.setSpacingAfter(8);
            doc.add(union);

            PdfPTable head = new PdfPTable(2);
            head.setWidthPercentage(100);
            head.addCell(plain("收据号：" + d.receiptNo(), Element.ALIGN_LEFT));
            head.addCell(plain("开具日期：" + d.issuedOn(), Element.ALIGN_RIGHT));
            doc.add(head);

            PdfPTable t = new PdfPTable(new float[] {1.6f, 3f, 1.3f, 3f});
            t.setWidthPercentage(100);
            t.setSpacingBefore(6);
            label(t, "交款人");
            value(t, d.memberName(), 1);
            label(t, "会员证号");
            value(t, d.cardNo() == null ? "" : d.cardNo(), 1);
            label(t, "所属月份");
            value(t, d.months(), 3);
            label(t, "金额（小写）");
            value(t, "¥" + Money.ofFen(d.amountFen()).toYuanString(), 3);
            label(t, "金额（大写）");
            value(t, ChineseAmount.of(d.amountFen()), 3);
            label(t, "收款事由");
            value(t, "工会会员会费", 3);
            doc.add(t);

            PdfPTable sign = new PdfPTable(3);
            sign.setWidthPercentage(100);
            sign.setSpacingBefore(18);
            sign.addCell(plain("收款单位（盖章）：", Element.ALIGN_LEFT));
            sign.addCell(plain("经办人：" + d.issuedBy(), Element.ALIGN_CENTER));
            sign.addCell(plain("交款人签字：", Element.ALIGN_RIGHT));
            doc.add(sign);

            if (d.voided()) {
                PdfContentByte over = writer.getDirectContent();
                over.saveState();
                over.beginText();
                over.setColorFill(new Color(200, 30, 30));
                over.setFontAndSize(PdfFonts.base(), 72);
                over.showTextAligned(Element.ALIGN_CENTER, "作废", doc.getPageSize().getWidth() / 2,
                        doc.getPageSize().getHeight() / 2 - 20, 20);
                over.endText();
                over.restoreState();
                Paragraph why = new Paragraph("作废原因：" + (d.voidReason() == null ? "" : d.voidReason()),
                        PdfFonts.font(10));
                why.setSpacingBefore(10);
                doc.add(why);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            doc.close();
        }
    }

    private static PdfPCell plain(String text, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, PdfFonts.font(10)));
        c.setBorder(PdfPCell.NO_BORDER);
        c.setHorizontalAlignment(align);
        return c;
    }

    private static void label(PdfPTable t, String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, PdfFonts.bold(11)));
        c.setPadding(7);
        c.setBackgroundColor(new Color(240, 240, 240));
        t.addCell(c);
    }

    private static void value(PdfPTable t, String text, int colspan) {
        PdfPCell c = new PdfPCell(new Phrase(text, PdfFonts.font(12)));
        c.setPadding(7);
        c.setColspan(colspan);
        t.addCell(c);
    }
}
