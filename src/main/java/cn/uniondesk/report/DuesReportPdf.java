package cn.uniondesk.report;

import cn.uniondesk.domain.Money;
import cn.uniondesk.service.DuesService;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** 会费收缴月报 as PDF: totals by department, then every member, signature lines at the end. */
public final class DuesReportPdf {
    private DuesReportPdf() {
    }

    public static void write(DuesService.MonthlyReport r, String unionName, Path out) {
        String period = r.month().getYear() + "年" + r.month().getMonthValue() + "月";
        PdfReport.write(out, PageSize.A4.rotate(), unionName, "统计期：" + period, doc -> {
            try {
                Paragraph title = new Paragraph("会费收缴月报", PdfFonts.bold(16));
                title.setAlignment(Element.ALIGN_CENTER);
                doc.add(title);
                PdfPTable t = PdfReport.table(List.of("部门/车间", "应缴人数", "应缴金额（元）", "实缴人数", "实缴金额（元）",
                        "累计欠缴（元）", "收缴率"), new float[] {3, 1.2f, 2, 1.2f, 2, 2, 1.2f});
                for (DuesService.DepartmentTotals d : r.departments()) {
                    PdfReport.cell(t, d.department().isEmpty() ? "（未分部门）" : d.department(), false);
                    PdfReport.cell(t, Integer.toString(d.dueMembers()), true);
                    PdfReport.cell(t, yuan(d.dueFen()), true);
                    PdfReport.cell(t, Integer.toString(d.paidMembers()), true);
                    PdfReport.cell(t, yuan(d.paidFen()), true);
                    PdfReport.cell(t, yuan(d.outstandingFen()), true);
                    PdfReport.cell(t, percent(d.rateBp()), true);
                }
                DuesService.Collection c = r.totals();
                PdfReport.boldCell(t, "合计", false);
                PdfReport.boldCell(t, Integer.toString(c.members()), true);
                PdfReport.boldCell(t, yuan(c.dueFen()), true);
                PdfReport.boldCell(t, Integer.toString(c.paidMembers()), true);
                PdfReport.boldCell(t, yuan(c.paidFen()), true);
                PdfReport.boldCell(t, yuan(c.outstandingFen()), true);
                PdfReport.boldCell(t, percent(c.rateBp()), true);
                doc.add(t);
                doc.add(PdfReport.signatures("填报人", "审核人", "单位盖章", "日期"));

                doc.newPage();
                Paragraph t2 = new Paragraph("会费收缴明细", PdfFonts.bold(14));
                t2.setAlignment(Element.ALIGN_CENTER);
                doc.add(t2);
                PdfPTable m = PdfReport.table(List.of("会员证号", "姓名", "部门/车间", "计缴基数（元）", "应缴（元）",
                        "本月实缴（元）", "累计欠缴（元）", "减免"), new float[] {2, 1.4f, 2, 1.6f, 1.3f, 1.5f, 1.5f, 2});
                for (DuesService.ReportLine l : r.lines()) {
                    PdfReport.cell(m, l.cardNo(), false);
                    PdfReport.cell(m, l.name(), false);
                    PdfReport.cell(m, l.department(), false);
                    PdfReport.cell(m, yuan(l.baseFen()), true);
                    PdfReport.cell(m, yuan(l.dueFen()), true);
                    PdfReport.cell(m, yuan(l.paidFen()), true);
                    PdfReport.cell(m, yuan(l.outstandingFen()), true);
                    PdfReport.cell(m, l.exemption() == null ? "" : cn.uniondesk.domain.dues.ExemptionLabels.label(
                            l.exemption()), false);
                }
                doc.add(m);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    static String percent(long bp) {
        return BigDecimal.valueOf(bp, 2).toPlainString() + "%";
    }
}
