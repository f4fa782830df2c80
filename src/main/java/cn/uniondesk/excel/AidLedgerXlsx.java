package cn.uniondesk.excel;

import static cn.uniondesk.excel.XlsxStyles.formula;
import static cn.uniondesk.excel.XlsxStyles.headerRow;
import static cn.uniondesk.excel.XlsxStyles.number;
import static cn.uniondesk.excel.XlsxStyles.printA4;
import static cn.uniondesk.excel.XlsxStyles.text;
import static cn.uniondesk.excel.XlsxStyles.titleRows;

import cn.uniondesk.domain.Money;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.report.AidLedgerColumns;
import cn.uniondesk.service.CaseDocumentService.AidLedger;
import cn.uniondesk.service.CaseDocumentService.LedgerLine;
import cn.uniondesk.service.CaseDocumentService.Notice;
import cn.uniondesk.service.CaseDocumentService.NoticeLine;
import cn.uniondesk.service.CaseDocumentService.Subtotal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 帮扶救助台账 as .xlsx: a sheet with every case paid in the period (title, union, period, frozen
 * header, amounts in yuan, totals as formulas) and a sheet of subtotals by type and by department
 * (COUNTIF / SUMIF over the first sheet, so a corrected amount updates them). A4 landscape, header
 * rows repeated when printed, 填报人 / 审核人 lines. Text that looks like a formula is written as
 * text. The formulas' values are computed before saving, so viewers that do not recalculate show
 * them too. Also the 公示 list as a workbook.
 */
public final class AidLedgerXlsx {
    /** First data row (0-based) of the ledger and notice sheets: title, subtitle, blank, header. */
    public static final int FIRST_ROW = 4;

    private AidLedgerXlsx() {
    }

    public static void write(AidLedger l, Messages m, Path out) {
        WorkbookFiles.writeAtomically(out, os -> write(l, m, os));
    }

    public static void writeNotice(Notice n, Messages m, Path out) {
        WorkbookFiles.writeAtomically(out, os -> writeNotice(n, m, os));
    }

    public static void write(AidLedger l, Messages m, OutputStream os) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            String period = m.get("casedoc.period", l.from().toString(), l.to().toString());
            String sub = l.unionName() + "    " + period;

            // --- the cases
            String ledgerName = m.get("casedoc.ledger.sheet");
            Sheet s = wb.createSheet(ledgerName);
            List<String> head = AidLedgerColumns.headers(m);
            int[] widths = {6, 14, 16, 10, 10, 16, 16, 14, 14, 12, 12, 10, 10};
            titleRows(s, st, m.get("casedoc.ledger.title"), sub, head.size());
            headerRow(s, st, FIRST_ROW - 1, 30, head.toArray(String[]::new), widths);
            int row = FIRST_ROW;
            for (LedgerLine x : l.lines()) {
                Row r = s.createRow(row++);
                number(r, 0, x.no(), st.integer);
                text(r, 1, x.caseNo(), st.text);
                text(r, 2, x.type(), st.text);
                text(r, 3, x.subkind(), st.text);
                text(r, 4, x.memberName(), st.text);
                text(r, 5, x.cardNo(), st.text);
                text(r, 6, x.department(), st.text);
                money(r, 7, x.approved(), st.money);
                money(r, 8, x.paid(), st.money);
                date(r, 9, x.paidOn(), st.date);
                text(r, 10, x.paymentMethod(), st.text);
                text(r, 11, x.registeredBy(), st.text);
                text(r, 12, x.paidBy(), st.text);
            }
            int last = row; // 1-based number of the last data row
            Row total = s.createRow(row);
            text(total, 0, m.get("casedoc.ledger.total", l.lines().size()), st.totalText);
            for (int c = 1; c < 7; c++) {
                total.createCell(c).setCellStyle(st.totalText);
            }
            s.addMergedRegion(new CellRangeAddress(row, row, 0, 6));
            for (int c : new int[] {7, 8}) {
                String col = col(c);
                formula(total, c, l.lines().isEmpty() ? "0" : "SUM(" + col + (FIRST_ROW + 1) + ":" + col + last + ")",
                        st.totalMoney);
            }
            for (int c = 9; c < head.size(); c++) {
                total.createCell(c).setCellStyle(st.totalText);
            }
            signatures(s.createRow(row + 2), st, m);
            printA4(s, true, FIRST_ROW - 1, head.size() - 1, row + 2);

            // --- subtotals by type and by department, as formulas over the cases
            Sheet sum = wb.createSheet(m.get("casedoc.ledger.summarySheet"));
            titleRows(sum, st, m.get("casedoc.ledger.summaryTitle"), sub, 4);
            sum.setColumnWidth(0, 26 * 256);
            sum.setColumnWidth(1, 10 * 256);
            sum.setColumnWidth(2, 10 * 256);
            sum.setColumnWidth(3, 16 * 256);
            String ref = "'" + ledgerName.replace("'", "''") + "'!";
            int r = 3;
            r = block(sum, st, r, m.get("casedoc.ledger.byType"), m.get("casedoc.ledger.col.type"), l.byType(), ref,
                    "C", last, l, m);
            r = block(sum, st, r + 1, m.get("casedoc.ledger.byDepartment"), m.get("casedoc.ledger.col.department"),
                    l.byDepartment(), ref, "G", last, l, m);
            signatures(sum.createRow(r + 1), st, m);
            printA4(sum, false, -1, 3, r + 1);

            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.setForceFormulaRecalculation(true);
            wb.write(os);
        }
    }

    /** One subtotal block; returns the next free row. */
    private static int block(Sheet s, Styles st, int r, String heading, String nameHeader, List<Subtotal> rows,
            String ref, String keyCol, int last, AidLedger l, Messages m) {
        Row h = s.createRow(r++);
        text(h, 0, heading, st.section);
        Row head = s.createRow(r++);
        String[] cols = {nameHeader, m.get("casedoc.ledger.col.cases"), m.get("casedoc.ledger.col.people"),
            m.get("casedoc.ledger.col.paid")};
        for (int i = 0; i < cols.length; i++) {
            text(head, i, cols[i], st.header);
        }
        int first = r;
        String keys = ref + "$" + keyCol + "$" + (FIRST_ROW + 1) + ":$" + keyCol + "$" + last;
        String paid = ref + "$I$" + (FIRST_ROW + 1) + ":$I$" + last;
        for (Subtotal x : rows) {
            Row row = s.createRow(r);
            text(row, 0, x.name(), st.text);
            formula(row, 1, "COUNTIF(" + keys + ",A" + (r + 1) + ")", st.integer);
            number(row, 2, x.people(), st.integer);
            formula(row, 3, "SUMIF(" + keys + ",A" + (r + 1) + "," + paid + ")", st.money);
            r++;
        }
        Row total = s.createRow(r);
        text(total, 0, m.get("casedoc.total"), st.totalText);
        formula(total, 1, rows.isEmpty() ? "0" : "SUM(B" + (first + 1) + ":B" + r + ")", st.totalInteger);
        total.createCell(2).setCellStyle(st.totalInteger);
        formula(total, 3, rows.isEmpty() ? "0" : "SUM(D" + (first + 1) + ":D" + r + ")", st.totalMoney);
        return r + 2;
    }

    public static void writeNotice(Notice n, Messages m, OutputStream os) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            String period = m.get("casedoc.period", n.from().toString(), n.to().toString());
            Sheet s = wb.createSheet(m.get("casedoc.notice.sheet"));
            List<String> head = AidLedgerColumns.noticeHeaders(m);
            titleRows(s, st, m.get("casedoc.notice.title"), n.unionName() + "    " + period, head.size());
            headerRow(s, st, FIRST_ROW - 1, 30, head.toArray(String[]::new), new int[] {6, 12, 20, 18, 14, 12});
            int row = FIRST_ROW;
            for (NoticeLine x : n.lines()) {
                Row r = s.createRow(row++);
                number(r, 0, x.no(), st.integer);
                text(r, 1, x.name(), st.text);
                text(r, 2, x.department(), st.text);
                text(r, 3, x.type(), st.text);
                money(r, 4, x.amount(), st.money);
                date(r, 5, x.paidOn(), st.date);
            }
            Row total = s.createRow(row);
            text(total, 0, m.get("casedoc.ledger.total", n.lines().size()), st.totalText);
            for (int c = 1; c < 4; c++) {
                total.createCell(c).setCellStyle(st.totalText);
            }
            s.addMergedRegion(new CellRangeAddress(row, row, 0, 3));
            formula(total, 4, n.lines().isEmpty() ? "0" : "SUM(E" + (FIRST_ROW + 1) + ":E" + row + ")", st.totalMoney);
            total.createCell(5).setCellStyle(st.totalText);
            Row obj = s.createRow(row + 2);
            text(obj, 0, m.get("casedoc.notice.objection", n.days()), st.plain);
            s.addMergedRegion(new CellRangeAddress(row + 2, row + 2, 0, head.size() - 1));
            Row seal = s.createRow(row + 4);
            text(seal, 3, n.unionName() + m.get("casedoc.notice.seal"), st.plain);
            Row posted = s.createRow(row + 5);
            text(posted, 3, m.get("casedoc.notice.posted", n.postedOn().getYear(),
                    n.postedOn().getMonthValue(), n.postedOn().getDayOfMonth()), st.plain);
            printA4(s, false, FIRST_ROW - 1, head.size() - 1, row + 5);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.setForceFormulaRecalculation(true);
            wb.write(os);
        }
    }

    // --- cells --------------------------------------------------------------------------------

    private static void money(Row r, int col, Money m, CellStyle style) {
        if (m == null) {
            r.createCell(col).setCellStyle(style);
        } else {
            XlsxStyles.money(r, col, m.fen(), style);
        }
    }

    private static void date(Row r, int col, LocalDate d, CellStyle style) {
        Cell c = r.createCell(col);
        if (d != null) {
            c.setCellValue(d);
        }
        c.setCellStyle(style);
    }

    private static void signatures(Row r, Styles st, Messages m) {
        text(r, 0, m.get("casedoc.sign.preparer") + "：", st.plain);
        text(r, 2, m.get("casedoc.sign.checker") + "：", st.plain);
        text(r, 4, m.get("casedoc.sign.seal") + "：", st.plain);
        text(r, 7, m.get("casedoc.sign.date") + "：", st.plain);
    }

    /** A (0) … Z (25): the ledger has 13 columns. */
    private static String col(int c) {
        return String.valueOf((char) ('A' + c));
    }

    /** The shared report styles and a bold section heading without borders. */
    private static final class Styles extends XlsxStyles {
        final CellStyle section;

        Styles(Workbook wb) {
            super(wb);
            section = wb.createCellStyle();
            section.setFont(bold);
        }
    }
}
