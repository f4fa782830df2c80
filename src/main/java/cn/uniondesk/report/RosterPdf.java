package cn.uniondesk.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * 会员花名册 as PDF: every member in the register on one line, A4 landscape, the header row
 * repeated on every page, union and date in the page header, 第 X 页 共 Y 页. Written in chunks of
 * rows (a large table is flushed as it grows), so 100,000 members do not sit in memory as cells.
 */
public final class RosterPdf {
    private static final int CHUNK = 500;

    private RosterPdf() {
    }

    /** One printed line; the ID number is already masked unless the reader may see it. */
    public record Line(String cardNo, String name, String gender, String department, String idNumber,
            LocalDate joinDate, String status) {
    }

    /** {@code source} hands every line to the consumer it is given, in order. */
    public static void write(String unionName, LocalDate asOf, Consumer<Consumer<Line>> source, Path out) {
        PdfReport.write(out, PageSize.A4.rotate(), unionName, "截至 " + asOf, doc -> {
            try {
                Paragraph title = new Paragraph("会员花名册", PdfFonts.bold(16));
                title.setAlignment(Element.ALIGN_CENTER);
                doc.add(title);
                List<String> head = List.of("序号", "会员证号", "姓名", "性别", "部门/车间", "公民身份号码", "入会日期", "状态");
                float[] widths = {1, 2.2f, 1.6f, 0.8f, 2.6f, 2.8f, 1.6f, 1.6f};
                PdfPTable[] t = {PdfReport.table(head, widths)};
                t[0].setComplete(false);
                int[] n = {0};
                source.accept(l -> {
                    n[0]++;
                    PdfReport.cell(t[0], Integer.toString(n[0]), true);
                    PdfReport.cell(t[0], l.cardNo(), false);
                    PdfReport.cell(t[0], l.name(), false);
                    PdfReport.cell(t[0], l.gender(), false);
                    PdfReport.cell(t[0], l.department(), false);
                    PdfReport.cell(t[0], l.idNumber(), false);
                    PdfReport.cell(t[0], l.joinDate() == null ? "" : l.joinDate().toString(), false);
                    PdfReport.cell(t[0], l.status(), false);
                    if (n[0] % CHUNK == 0) {
                        try {
                            doc.add(t[0]);
                        } catch (DocumentException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                t[0].setComplete(true);
                doc.add(t[0]);
                Paragraph total = new Paragraph("合计 " + n[0] + " 人", PdfFonts.bold(10));
                total.setSpacingBefore(6);
                doc.add(total);
                doc.add(PdfReport.signatures("填报人", "审核人", "单位盖章", "日期"));
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
