package cn.uniondesk.excel;

import static cn.uniondesk.excel.XlsxStyles.headerRow;
import static cn.uniondesk.excel.XlsxStyles.money;
import static cn.uniondesk.excel.XlsxStyles.printA4;
import static cn.uniondesk.excel.XlsxStyles.text;
import static cn.uniondesk.excel.XlsxStyles.titleRows;

import cn.uniondesk.service.DuesService;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 年度会费对账单 as .xlsx: one sheet, every member in turn — the balance brought forward, the twelve
 * months (due, paid, balance, receipts) and a 小计 row — then a 合计 row. Subtotals and totals are
 * formulas (SUBTOTAL, so the grand total skips the subtotals) with their values cached, so a
 * viewer that does not recalculate shows them too. Frozen header, yuan format, A4 portrait,
 * header row repeated when printed; text that looks like a formula is written as text.
 */
public final class DuesStatementXlsx {
    static final String[] HEAD = {"会员证号", "姓名", "部门/车间", "月份", "应缴（元）", "实缴（元）", "欠缴余额（元）", "收据号"};
    private static final int[] WIDTHS = {17, 10, 16, 10, 12, 12, 14, 28};
    /** Row index (0-based) of the header. */
    static final int HEADER = 3;

    private DuesStatementXlsx() {
    }

    public static void write(DuesService.YearlyStatement s, String unionName, Path out) {
        WorkbookFiles.writeAtomically(out, os -> write(s, unionName, os));
    }

    public static void write(DuesService.YearlyStatement s, String unionName, OutputStream os) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(500);
        try {
            Styles st = new Styles(wb);
            SXSSFSheet sh = wb.createSheet("年度会费对账单");
            titleRows(sh, st, "年度会费对账单",
                    unionName + "    年度：" + s.year() + "年    会员 " + s.members().size() + " 人", HEAD.length);
            headerRow(sh, st, HEADER, 20, HEAD, WIDTHS);

            int row = HEADER + 1;
            int firstData = row + 1; // 1-based
            for (DuesService.MemberStatement m : s.members()) {
                int openingRow = row + 1; // 1-based
                Row o = sh.createRow(row++);
                who(o, m, st);
                text(o, 3, "上年结转", st.text);
                blank(o, 4, st.money);
                blank(o, 5, st.money);
                money(o, 6, m.openingFen(), st.money);
                blank(o, 7, st.text);
                for (DuesService.StatementMonth x : m.months()) {
                    Row r = sh.createRow(row++);
                    who(r, m, st);
                    text(r, 3, x.month().toString(), st.text);
                    money(r, 4, x.dueFen(), st.money);
                    money(r, 5, x.paidFen(), st.money);
                    money(r, 6, x.balanceFen(), st.money);
                    text(r, 7, String.join("、", x.receipts()), st.text);
                }
                int last = row; // 1-based row of December
                Row sub = sh.createRow(row++);
                who(sub, m, st);
                text(sub, 3, "小计", st.totalText);
                formula(sub, 4, "SUBTOTAL(9,E" + (openingRow + 1) + ":E" + last + ")", m.dueFen(), st.totalMoney);
                formula(sub, 5, "SUBTOTAL(9,F" + (openingRow + 1) + ":F" + last + ")", m.paidFen(), st.totalMoney);
                formula(sub, 6, "G" + openingRow + "+E" + (last + 1) + "-F" + (last + 1), m.closingFen(),
                        st.totalMoney);
                blank(sub, 7, st.totalText);
            }
            int lastData = row; // 1-based
            Row total = sh.createRow(row++);
            text(total, 0, "合计", st.totalText);
            for (int c = 1; c <= 3; c++) {
                blank(total, c, st.totalText);
            }
            boolean none = s.members().isEmpty();
            formula(total, 4, none ? "0" : "SUBTOTAL(9,E" + firstData + ":E" + lastData + ")", s.dueFen(),
                    st.totalMoney);
            formula(total, 5, none ? "0" : "SUBTOTAL(9,F" + firstData + ":F" + lastData + ")", s.paidFen(),
                    st.totalMoney);
            formula(total, 6, none ? "0" : "SUMIF(D" + firstData + ":D" + lastData + ",\"小计\",G" + firstData + ":G"
                    + lastData + ")", s.closingFen(), st.totalMoney);
            blank(total, 7, st.totalText);
            row++;
            Row note = sh.createRow(row++);
            text(note, 0, "欠缴余额 = 上年结转 + 应缴 − 实缴；负数为预缴。", st.plain);
            row++;
            Row sign = sh.createRow(row);
            text(sign, 0, "制表人：", st.plain);
            text(sign, 3, "审核人：", st.plain);
            text(sign, 6, "日期：", st.plain);

            printA4(sh, false, HEADER, HEAD.length - 1, -1);
            wb.write(os);
        } finally {
            wb.close();
        }
    }

    private static void who(Row r, DuesService.MemberStatement m, Styles st) {
        text(r, 0, m.cardNo(), st.text);
        text(r, 1, m.name(), st.text);
        text(r, 2, m.department(), st.text);
    }

    private static void blank(Row r, int col, CellStyle style) {
        r.createCell(col).setCellStyle(style);
    }

    /** A formula with its value cached (the value computed here, in 分, exactly). */
    private static void formula(Row r, int col, String f, long fen, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellFormula(f);
        c.setCellValue(BigDecimal.valueOf(fen, 2).doubleValue());
        c.setCellStyle(style);
    }

    /** The shared report styles, totals shaded yellow. */
    private static final class Styles extends XlsxStyles {
        Styles(SXSSFWorkbook wb) {
            super(wb);
            shadeTotals(IndexedColors.LIGHT_YELLOW);
        }
    }
}
