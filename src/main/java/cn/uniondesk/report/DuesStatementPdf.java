package cn.uniondesk.report;

import cn.uniondesk.domain.ChineseAmount;
import cn.uniondesk.domain.Money;
import cn.uniondesk.service.DuesService;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import java.nio.file.Path;
import java.util.List;

/**
 * 年度会费对账单 as PDF: one member per page — union, member, the balance brought forward, twelve
 * months (due, paid, balance, receipts), the year's totals in figures and in capitals (大写), and
 * signature lines.
 */
public final class DuesStatementPdf {
    private DuesStatementPdf() {
    }

    public static void write(DuesService.YearlyStatement s, String unionName, Path out) {
        PdfReport.write(out, PageSize.A4, unionName, s.year() + "年度会费对账单", doc -> {
            try {
                if (s.members().isEmpty()) {
                    doc.add(new Paragraph("本年度没有会费记录。", PdfFonts.font(11)));
                }
                boolean first = true;
                for (DuesService.MemberStatement m : s.members()) {
                    if (!first) {
                        doc.newPage();
                    }
                    first = false;
                    Paragraph title = new Paragraph(s.year() + "年度会费对账单", PdfFonts.bold(16));
                    title.setAlignment(Element.ALIGN_CENTER);
                    doc.add(title);
                    Paragraph union = new Paragraph(unionName, PdfFonts.font(11));
                    union.setAlignment(Element.ALIGN_CENTER);
                    union.setSpacingAfter(8);
                    doc.add(union);
                    doc.add(new Paragraph("会员：" + m.name() + "        会员证号：" + nz(m.cardNo()) + "        部门/车间："
                            + nz(m.department()), PdfFonts.font(10.5f)));
                    PdfPTable t = PdfReport.table(List.of("月份", "应缴（元）", "实缴（元）", "欠缴余额（元）", "收据号"),
                            new float[] {1.3f, 1.3f, 1.3f, 1.5f, 3.2f});
                    PdfReport.cell(t, "上年结转", false);
                    PdfReport.cell(t, "", true);
                    PdfReport.cell(t, "", true);
                    PdfReport.cell(t, yuan(m.openingFen()), true);
                    PdfReport.cell(t, "", false);
                    for (DuesService.StatementMonth x : m.months()) {
                        PdfReport.cell(t, x.month().getYear() + "年" + x.month().getMonthValue() + "月", false);
                        PdfReport.cell(t, yuan(x.dueFen()), true);
                        PdfReport.cell(t, yuan(x.paidFen()), true);
                        PdfReport.cell(t, yuan(x.balanceFen()), true);
                        PdfReport.cell(t, String.join("、", x.receipts()), false);
                    }
                    PdfReport.boldCell(t, "合计", false);
                    PdfReport.boldCell(t, yuan(m.dueFen()), true);
                    PdfReport.boldCell(t, yuan(m.paidFen()), true);
                    PdfReport.boldCell(t, yuan(m.closingFen()), true);
                    PdfReport.boldCell(t, "", false);
                    doc.add(t);
                    Paragraph sums = new Paragraph(14);
                    sums.setSpacingBefore(10);
                    sums.add(line("本年应缴合计", m.dueFen()));
                    sums.add(line("本年实缴合计", m.paidFen()));
                    long closing = m.closingFen();
                    sums.add(closing < 0 ? line("年末预缴", -closing) : line("年末欠缴", closing));
                    doc.add(sums);
                    Paragraph note = new Paragraph("欠缴余额 = 上年结转 + 应缴 − 实缴；负数为预缴。如有疑问，请与工会联系核对。",
                            PdfFonts.font(8.5f));
                    note.setSpacingBefore(4);
                    doc.add(note);
                    doc.add(PdfReport.signatures("会员签字", "经办人", "日期"));
                }
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Paragraph line(String label, long fen) {
        return new Paragraph(label + "：" + yuan(fen) + " 元（大写：" + ChineseAmount.of(fen) + "）", PdfFonts.font(10.5f));
    }

    static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
