package cn.uniondesk.excel;

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
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
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
        atomically(out, os -> write(l, m, os));
    }

    public static void writeNotice(Notice n, Messages m, Path out) {
        atomically(out, os -> writeNotice(n, m, os));
    }

    private interface Body {
        void write(OutputStream os) throws IOException;
    }

    private static void atomically(Path out, Body body) {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            body.write(os);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure matters
            }
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            title(s, st, m.get("casedoc.ledger.title"), sub, head.size());
            header(s, st, head, widths);
            int row = FIRST_ROW;
            for (LedgerLine x : l.lines()) {
                Row r = s.createRow(row++);
                number(r, 0, x.no(), st.integer);
                DuesReportXlsx.text(r, 1, x.caseNo(), st.text);
                DuesReportXlsx.text(r, 2, x.type(), st.text);
                DuesReportXlsx.text(r, 3, x.subkind(), st.text);
                DuesReportXlsx.text(r, 4, x.memberName(), st.text);
                DuesReportXlsx.text(r, 5, x.cardNo(), st.text);
                DuesReportXlsx.text(r, 6, x.department(), st.text);
                money(r, 7, x.approved(), st.money);
                money(r, 8, x.paid(), st.money);
                date(r, 9, x.paidOn(), st.date);
                DuesReportXlsx.text(r, 10, x.paymentMethod(), st.text);
                DuesReportXlsx.text(r, 11, x.registeredBy(), st.text);
                DuesReportXlsx.text(r, 12, x.paidBy(), st.text);
            }
            int last = row; // 1-based number of the last data row
            Row total = s.createRow(row);
            DuesReportXlsx.text(total, 0, m.get("casedoc.ledger.total", l.lines().size()), st.totalText);
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
            print(wb, s, head.size(), row + 2);

            // --- subtotals by type and by department, as formulas over the cases
            Sheet sum = wb.createSheet(m.get("casedoc.ledger.summarySheet"));
            title(sum, st, m.get("casedoc.ledger.summaryTitle"), sub, 4);
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
            print(wb, sum, 4, r + 1);
            sum.setRepeatingRows(null);
            sum.getPrintSetup().setLandscape(false);

            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.setForceFormulaRecalculation(true);
            wb.write(os);
        }
    }

    /** One subtotal block; returns the next free row. */
    private static int block(Sheet s, Styles st, int r, String heading, String nameHeader, List<Subtotal> rows,
            String ref, String keyCol, int last, AidLedger l, Messages m) {
        Row h = s.createRow(r++);
        DuesReportXlsx.text(h, 0, heading, st.section);
        Row head = s.createRow(r++);
        String[] cols = {nameHeader, m.get("casedoc.ledger.col.cases"), m.get("casedoc.ledger.col.people"),
            m.get("casedoc.ledger.col.paid")};
        for (int i = 0; i < cols.length; i++) {
            DuesReportXlsx.text(head, i, cols[i], st.header);
        }
        int first = r;
        String keys = ref + "$" + keyCol + "$" + (FIRST_ROW + 1) + ":$" + keyCol + "$" + last;
        String paid = ref + "$I$" + (FIRST_ROW + 1) + ":$I$" + last;
        for (Subtotal x : rows) {
            Row row = s.createRow(r);
            DuesReportXlsx.text(row, 0, x.name(), st.text);
            formula(row, 1, "COUNTIF(" + keys + ",A" + (r + 1) + ")", st.integer);
            number(row, 2, x.people(), st.integer);
            formula(row, 3, "SUMIF(" + keys + ",A" + (r + 1) + "," + paid + ")", st.money);
            r++;
        }
        Row total = s.createRow(r);
        DuesReportXlsx.text(total, 0, m.get("casedoc.total"), st.totalText);
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
            title(s, st, m.get("casedoc.notice.title"), n.unionName() + "    " + period, head.size());
            header(s, st, head, new int[] {6, 12, 20, 18, 14, 12});
            int row = FIRST_ROW;
            for (NoticeLine x : n.lines()) {
                Row r = s.createRow(row++);
                number(r, 0, x.no(), st.integer);
                DuesReportXlsx.text(r, 1, x.name(), st.text);
                DuesReportXlsx.text(r, 2, x.department(), st.text);
                DuesReportXlsx.text(r, 3, x.type(), st.text);
                money(r, 4, x.amount(), st.money);
                date(r, 5, x.paidOn(), st.date);
            }
            Row total = s.createRow(row);
            DuesReportXlsx.text(total, 0, m.get("casedoc.ledger.total", n.lines().size()), st.totalText);
            for (int c = 1; c < 4; c++) {
                total.createCell(c).setCellStyle(st.totalText);
            }
            s.addMergedRegion(new CellRangeAddress(row, row, 0, 3));
            formula(total, 4, n.lines().isEmpty() ? "0" : "SUM(E" + (FIRST_ROW + 1) + ":E" + row + ")", st.totalMoney);
            total.createCell(5).setCellStyle(st.totalText);
            Row obj = s.createRow(row + 2);
            DuesReportXlsx.text(obj, 0, m.get("casedoc.notice.objection", n.days()), st.plain);
            s.addMergedRegion(new CellRangeAddress(row + 2, row + 2, 0, head.size() - 1));
            Row seal = s.createRow(row + 4);
            DuesReportXlsx.text(seal, 3, n.unionName() + m.get("casedoc.notice.seal"), st.plain);
            Row posted = s.createRow(row + 5);
            DuesReportXlsx.text(posted, 3, m.get("casedoc.notice.posted", n.postedOn().getYear(),
                    n.postedOn().getMonthValue(), n.postedOn().getDayOfMonth()), st.plain);
            print(wb, s, head.size(), row + 5);
            s.getPrintSetup().setLandscape(false);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.setForceFormulaRecalculation(true);
            wb.write(os);
        }
    }

    // --- cells --------------------------------------------------------------------------------

    private static void title(Sheet s, Styles st, String title, String sub, int cols) {
        Row t = s.createRow(0);
        t.setHeightInPoints(26);
        DuesReportXlsx.text(t, 0, title, st.title);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, cols - 1));
        Row u = s.createRow(1);
        DuesReportXlsx.text(u, 0, sub, st.sub);
        s.addMergedRegion(new CellRangeAddress(1, 1, 0, cols - 1));
    }

    private static void header(Sheet s, Styles st, List<String> head, int[] widths) {
        Row h = s.createRow(FIRST_ROW - 1);
        h.setHeightInPoints(30);
        for (int i = 0; i < head.size(); i++) {
            DuesReportXlsx.text(h, i, head.get(i), st.header);
            s.setColumnWidth(i, widths[i] * 256 + 200);
        }
        s.createFreezePane(0, FIRST_ROW);
    }

    private static void signatures(Row r, Styles st, Messages m) {
        DuesReportXlsx.text(r, 0, m.get("casedoc.sign.preparer") + "：", st.plain);
        DuesReportXlsx.text(r, 2, m.get("casedoc.sign.checker") + "：", st.plain);
        DuesReportXlsx.text(r, 4, m.get("casedoc.sign.seal") + "：", st.plain);
        DuesReportXlsx.text(r, 7, m.get("casedoc.sign.date") + "：", st.plain);
    }

    private static void print(Workbook wb, Sheet s, int cols, int lastRow) {
        PrintSetup ps = s.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        s.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        s.setAutobreaks(true);
        s.setHorizontallyCenter(true);
        s.setRepeatingRows(CellRangeAddress.valueOf((FIRST_ROW) + ":" + FIRST_ROW));
        s.getFooter().setCenter("&P / &N");
        wb.setPrintArea(wb.getSheetIndex(s), 0, cols - 1, 0, lastRow);
    }

    private static void number(Row r, int col, long v, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(style);
    }

    private static void money(Row r, int col, Money m, CellStyle style) {
        Cell c = r.createCell(col);
        if (m != null) {
            c.setCellValue(BigDecimal.valueOf(m.fen(), 2).doubleValue());
        }
        c.setCellStyle(style);
    }

    private static void date(Row r, int col, LocalDate d, CellStyle style) {
        Cell c = r.createCell(col);
        if (d != null) {
            c.setCellValue(d);
        }
        c.setCellStyle(style);
    }

    private static void formula(Row r, int col, String f, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellFormula(f);
        c.setCellStyle(style);
    }

    /** A (0) … Z (25): the ledger has 13 columns. */
    private static String col(int c) {
        return String.valueOf((char) ('A' + c));
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle sub;
        final CellStyle section;
        final CellStyle header;
        final CellStyle plain;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle money;
        final CellStyle date;
        final CellStyle totalText;
        final CellStyle totalInteger;
        final CellStyle totalMoney;

        Styles(Workbook wb) {
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            Font bold = wb.createFont();
            bold.setBold(true);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            sub = wb.createCellStyle();
            sub.setAlignment(HorizontalAlignment.CENTER);
            section = wb.createCellStyle();
            section.setFont(bold);
            plain = wb.createCellStyle();
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(wb);
            text.setWrapText(true);
            integer = bordered(wb);
            integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            money = bordered(wb);
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            date = bordered(wb);
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            totalText = bordered(wb);
            totalText.setFont(bold);
            totalInteger = bordered(wb);
            totalInteger.cloneStyleFrom(integer);
            totalInteger.setFont(bold);
            totalMoney = bordered(wb);
            totalMoney.cloneStyleFrom(money);
            totalMoney.setFont(bold);
        }

        private static CellStyle bordered(Workbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
