package cn.uniondesk.report;

import cn.uniondesk.domain.Money;
import cn.uniondesk.service.report.Percent;
import cn.uniondesk.service.report.ReportSheet;
import cn.uniondesk.service.report.ReportSheet.Block;
import cn.uniondesk.service.report.ReportSheet.Check;
import cn.uniondesk.service.report.ReportSheet.Checks;
import cn.uniondesk.service.report.ReportSheet.Column;
import cn.uniondesk.service.report.ReportSheet.Fields;
import cn.uniondesk.service.report.ReportSheet.Note;
import cn.uniondesk.service.report.ReportSheet.Table;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A set of reports as ONE PDF: a cover page (union, period, the reports inside, the logic checks'
 * outcome, signature lines), then each report on its own pages (landscape where wide) with the
 * shared frame of {@link PdfReport}: union and period in the header, 第 X 页 共 Y 页, table headers
 * repeated on every page, 填报人 / 审核人 / 单位盖章 / 日期 lines. Long names wrap in their cells.
 */
public final class ReportBookPdf {
    private static final Color FAIL = new Color(200, 30, 30);

    private ReportBookPdf() {
    }

    /** The cover page: what the set is, and whether its checks hold. */
    public record Cover(String unionName, String title, String period, LocalDate made, List<String> contents,
            List<Check> failedChecks) {
    }

    public static void write(Cover cover, List<ReportSheet> sheets, Path out) {
        PdfReport.write(out, PageSize.A4, cover.unionName(), cover.period(), doc -> body(doc, cover, sheets));
    }

    public static void write(Cover cover, List<ReportSheet> sheets, OutputStream out) {
        PdfReport.write(out, PageSize.A4, cover.unionName(), cover.period(), doc -> body(doc, cover, sheets));
    }

    private static void body(Document doc, Cover cover, List<ReportSheet> sheets) {
        try {
            coverPage(doc, cover);
            for (ReportSheet s : sheets) {
                doc.setPageSize(s.landscape() ? PageSize.A4.rotate() : PageSize.A4);
                doc.newPage();
                sheet(doc, s);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void coverPage(Document doc, Cover c) throws DocumentException {
        Paragraph gap = new Paragraph(" ", PdfFonts.font(40));
        doc.add(gap);
        Paragraph union = new Paragraph(c.unionName(), PdfFonts.bold(20));
        union.setAlignment(Element.ALIGN_CENTER);
        doc.add(union);
        Paragraph title = new Paragraph(c.title(), PdfFonts.bold(26));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(18);
        doc.add(title);
        Paragraph period = new Paragraph(c.period(), PdfFonts.font(14));
        period.setAlignment(Element.ALIGN_CENTER);
        period.setSpacingBefore(12);
        doc.add(period);

        Paragraph contents = new Paragraph("本册内容", PdfFonts.bold(13));
        contents.setSpacingBefore(48);
        contents.setIndentationLeft(90);
        doc.add(contents);
        int n = 1;
        for (String s : c.contents()) {
            Paragraph p = new Paragraph(n++ + ". " + s, PdfFonts.font(12));
            p.setIndentationLeft(110);
            p.setSpacingBefore(4);
            doc.add(p);
        }
        Paragraph checks = new Paragraph(c.failedChecks().isEmpty() ? "逻辑校验：全部相符"
                : "逻辑校验：有 " + c.failedChecks().size() + " 项不相符，请核对后再上报", c.failedChecks().isEmpty()
                        ? PdfFonts.bold(12) : coloured(PdfFonts.bold(12)));
        checks.setSpacingBefore(24);
        checks.setIndentationLeft(90);
        doc.add(checks);
        for (Check f : c.failedChecks()) {
            Paragraph p = new Paragraph("不相符：" + f.rule() + "（" + f.figures() + "）", coloured(PdfFonts.font(10)));
            p.setIndentationLeft(110);
            doc.add(p);
        }
        Paragraph made = new Paragraph("编制日期：" + c.made(), PdfFonts.font(11));
        made.setSpacingBefore(36);
        made.setIndentationLeft(90);
        doc.add(made);
        PdfPTable sign = PdfReport.signatures("单位负责人", "填报人", "审核人", "单位盖章");
        sign.setSpacingBefore(60);
        doc.add(sign);
    }

    private static com.lowagie.text.Font coloured(com.lowagie.text.Font f) {
        f.setColor(FAIL);
        return f;
    }

    private static void sheet(Document doc, ReportSheet s) throws DocumentException {
        Paragraph title = new Paragraph(s.title(), PdfFonts.bold(16));
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        Paragraph sub = new Paragraph((s.unionName() == null ? "" : s.unionName()) + "    " + s.period(),
                PdfFonts.font(10));
        sub.setAlignment(Element.ALIGN_CENTER);
        sub.setSpacingAfter(4);
        doc.add(sub);
        for (Block b : s.blocks()) {
            if (b instanceof Fields f) {
                PdfPTable t = new PdfPTable(new float[] {1.2f, 4});
                t.setWidthPercentage(70);
                t.setHorizontalAlignment(Element.ALIGN_LEFT);
                t.setSpacingBefore(6);
                for (String[] p : f.pairs()) {
                    PdfPCell a = new PdfPCell(new Phrase(p[0] + "：", PdfFonts.bold(10)));
                    a.setBorder(Rectangle.NO_BORDER);
                    PdfPCell v = new PdfPCell(new Phrase(p[1], PdfFonts.font(10)));
                    v.setBorder(Rectangle.BOTTOM);
                    t.addCell(a);
                    t.addCell(v);
                }
                doc.add(t);
            } else if (b instanceof Table tb) {
                table(doc, tb);
            } else if (b instanceof Checks ch) {
                checks(doc, ch);
            } else if (b instanceof Note n) {
                Paragraph p = new Paragraph(n.text(), PdfFonts.font(9));
                p.setSpacingBefore(6);
                doc.add(p);
            }
        }
        if (s.signatures()) {
            doc.add(PdfReport.signatures("填报人", "审核人", "单位盖章", "日期"));
        }
    }

    private static void table(Document doc, Table tb) throws DocumentException {
        if (tb.caption() != null) {
            doc.add(new Paragraph(tb.caption(), PdfFonts.bold(11)));
        }
        float[] widths = new float[tb.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = tb.columns().get(i).width();
        }
        PdfPTable t = PdfReport.table(tb.columns().stream().map(Column::header).toList(), widths);
        for (List<Object> row : tb.rows()) {
            for (Object v : row) {
                PdfReport.cell(t, text(v), isNumber(v));
            }
        }
        if (tb.totals() != null) {
            for (Object v : tb.totals()) {
                PdfReport.boldCell(t, text(v), isNumber(v));
            }
        }
        doc.add(t);
    }

    private static void checks(Document doc, Checks ch) throws DocumentException {
        PdfPTable t = PdfReport.table(List.of("逻辑校验", "数据", "结果"), new float[] {5, 5, 1.2f});
        t.setSpacingBefore(10);
        for (Check c : ch.checks()) {
            PdfReport.cell(t, c.rule(), false);
            PdfReport.cell(t, c.figures(), false);
            PdfPCell r = new PdfPCell(new Phrase(c.ok() ? "相符" : "不相符",
                    c.ok() ? PdfFonts.font(9) : coloured(PdfFonts.bold(9))));
            r.setHorizontalAlignment(Element.ALIGN_CENTER);
            r.setPadding(3);
            if (!c.ok()) {
                r.setBackgroundColor(new Color(255, 225, 225));
            }
            t.addCell(r);
        }
        doc.add(t);
    }

    private static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Money || v instanceof Percent;
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Money m) {
            return String.format(java.util.Locale.ROOT, "%,.2f", m.yuan());
        }
        return v.toString();
    }
}
