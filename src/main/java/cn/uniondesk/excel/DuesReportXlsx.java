package cn.uniondesk.excel;

import static cn.uniondesk.excel.XlsxStyles.headerRow;
import static cn.uniondesk.excel.XlsxStyles.money;
import static cn.uniondesk.excel.XlsxStyles.number;
import static cn.uniondesk.excel.XlsxStyles.printA4;
import static cn.uniondesk.excel.XlsxStyles.text;
import static cn.uniondesk.excel.XlsxStyles.titleRows;

import cn.uniondesk.service.DuesService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 会费收缴月报 as .xlsx: a sheet by department (totals as formulas, collection rate as a
 * percentage) and a sheet per member. Title, union and period on top, frozen header, A4 landscape,
 * header rows repeated when printed. Text cells that look like formulas are written as text.
 */
public final class DuesReportXlsx {
    private DuesReportXlsx() {
    }

    public static void write(DuesService.MonthlyReport r, String unionName, Path out) {
        WorkbookFiles.writeAtomically(out, os -> write(r, unionName, os));
    }

    public static void write(DuesService.MonthlyReport r, String unionName, OutputStream os) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(500);
        try {
            XlsxStyles st = new XlsxStyles(wb);
            String period = r.month().getYear() + "年" + r.month().getMonthValue() + "月";
            // --- by department
            SXSSFSheet s = wb.createSheet("会费收缴月报");
            String[] head = {"部门/车间", "应缴人数", "应缴金额（元）", "实缴人数", "实缴金额（元）", "累计欠缴（元）", "收缴率"};
            int[] widths = {22, 10, 16, 10, 16, 16, 10};
            titleRows(s, st, "会费收缴月报", unionName + "    统计期：" + period, head.length);
            headerRow(s, st, 3, 20, head, widths);
            int row = 4;
            for (DuesService.DepartmentTotals d : r.departments()) {
                Row x = s.createRow(row);
                text(x, 0, d.department().isEmpty() ? "（未分部门）" : d.department(), st.text);
                number(x, 1, d.dueMembers(), st.integer);
                money(x, 2, d.dueFen(), st.money);
                number(x, 3, d.paidMembers(), st.integer);
                money(x, 4, d.paidFen(), st.money);
                money(x, 5, d.outstandingFen(), st.money);
                Cell rate = x.createCell(6);
                rate.setCellFormula("IF(C" + (row + 1) + "=0,0,E" + (row + 1) + "/C" + (row + 1) + ")");
                rate.setCellStyle(st.percent);
                row++;
            }
            Row total = s.createRow(row);
            text(total, 0, "合计", st.totalText);
            for (int c = 1; c <= 5; c++) {
                String col = String.valueOf((char) ('A' + c));
                Cell cell = total.createCell(c);
                cell.setCellFormula(r.departments().isEmpty() ? "0" : "SUM(" + col + "5:" + col + row + ")");
                cell.setCellStyle(c == 1 || c == 3 ? st.totalInteger : st.totalMoney);
            }
            Cell rate = total.createCell(6);
            rate.setCellFormula("IF(C" + (row + 1) + "=0,0,E" + (row + 1) + "/C" + (row + 1) + ")");
            rate.setCellStyle(st.totalPercent);
            row += 2;
            Row sign = s.createRow(row);
            text(sign, 0, "填报人：", st.text);
            text(sign, 2, "审核人：", st.text);
            text(sign, 4, "单位盖章：", st.text);
            printA4(s, true, 3, head.length - 1, Math.max(3, s.getLastRowNum()));

            // --- per member
            SXSSFSheet m = wb.createSheet("会员明细");
            String[] mh = {"会员证号", "姓名", "部门/车间", "计缴基数（元）", "应缴（元）", "本月实缴（元）", "累计欠缴（元）", "减免"};
            int[] mw = {16, 10, 18, 14, 12, 14, 14, 18};
            titleRows(m, st, "会费收缴明细", unionName + "    统计期：" + period, mh.length);
            headerRow(m, st, 3, 20, mh, mw);
            int mr = 4;
            for (DuesService.ReportLine l : r.lines()) {
                Row x = m.createRow(mr++);
                text(x, 0, l.cardNo(), st.text);
                text(x, 1, l.name(), st.text);
                text(x, 2, l.department(), st.text);
                money(x, 3, l.baseFen(), st.money);
                money(x, 4, l.dueFen(), st.money);
                money(x, 5, l.paidFen(), st.money);
                money(x, 6, l.outstandingFen(), st.money);
                text(x, 7, l.exemption() == null ? "" : cn.uniondesk.domain.dues.ExemptionLabels.label(l.exemption()), st.text);
            }
            printA4(m, true, 3, mh.length - 1, Math.max(3, m.getLastRowNum()));
            wb.write(os);
        } finally {
            wb.close();
        }
    }
}
