package cn.uniondesk.excel;

import java.math.BigDecimal;
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
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What every report workbook (会费收缴月报, 帮扶救助台账, 年度会费对账单, the monthly report book)
 * looks like: a bold centred title, a centred subtitle, a grey bold wrapped header, bordered
 * wrapped text, integers with thousands separators, yuan with two decimals, percentages, dates,
 * and bold totals; the cell writers that keep text a spreadsheet would run as a formula as text;
 * and the A4 print set-up with the header row repeated on every page and "第 X 页，共 Y 页".
 * A writer with styles of its own extends this class.
 */
class XlsxStyles {
    final Font bold;
    final CellStyle title;
    final CellStyle sub;
    final CellStyle plain;
    final CellStyle header;
    final CellStyle text;
    final CellStyle integer;
    final CellStyle money;
    final CellStyle percent;
    final CellStyle date;
    final CellStyle totalText;
    final CellStyle totalInteger;
    final CellStyle totalMoney;
    final CellStyle totalPercent;

    XlsxStyles(Workbook wb) {
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        bold = wb.createFont();
        bold.setBold(true);
        title = wb.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        sub = wb.createCellStyle();
        sub.setAlignment(HorizontalAlignment.CENTER);
        plain = wb.createCellStyle();
        header = bordered(wb);
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered(wb);
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.CENTER);
        integer = formatted(wb, "#,##0");
        money = formatted(wb, "#,##0.00");
        percent = formatted(wb, "0.00%");
        date = formatted(wb, "yyyy-mm-dd");
        totalText = boldCopy(wb, text);
        totalInteger = boldCopy(wb, integer);
        totalMoney = boldCopy(wb, money);
        totalPercent = boldCopy(wb, percent);
    }

    /** Shades the total styles (the statement's 小计 and 合计 rows stand out in yellow). */
    final void shadeTotals(IndexedColors color) {
        for (CellStyle s : new CellStyle[] {totalText, totalInteger, totalMoney, totalPercent}) {
            s.setFillForegroundColor(color.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }

    static CellStyle bordered(Workbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private static CellStyle formatted(Workbook wb, String format) {
        CellStyle s = bordered(wb);
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        return s;
    }

    private CellStyle boldCopy(Workbook wb, CellStyle of) {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(of);
        s.setFont(bold);
        return s;
    }

    // --- cells --------------------------------------------------------------------------------

    /** Writes text; a value a spreadsheet would run as a formula is kept as text (quote prefix). */
    static void text(Row r, int col, String v, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(v == null ? "" : v);
        if (SafeCells.looksLikeFormula(v)) {
            // rare: a style of its own, so other cells sharing the style are not affected
            CellStyle quoted = r.getSheet().getWorkbook().createCellStyle();
            quoted.cloneStyleFrom(style);
            quoted.setQuotePrefixed(true);
            c.setCellStyle(quoted);
        } else {
            c.setCellStyle(style);
        }
    }

    static void number(Row r, int col, long v, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(style);
    }

    /** Yuan from 分: exact decimal; a 2-decimal value survives Excel's binary floating point. */
    static void money(Row r, int col, long fen, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(BigDecimal.valueOf(fen, 2).doubleValue());
        c.setCellStyle(style);
    }

    static void formula(Row r, int col, String f, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellFormula(f);
        c.setCellStyle(style);
    }

    /** Title (row 0) and subtitle (row 1), each merged across {@code cols} columns. */
    static void titleRows(Sheet s, XlsxStyles st, String title, String sub, int cols) {
        Row t = s.createRow(0);
        t.setHeightInPoints(26);
        text(t, 0, title, st.title);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, cols - 1));
        Row u = s.createRow(1);
        text(u, 0, sub, st.sub);
        s.addMergedRegion(new CellRangeAddress(1, 1, 0, cols - 1));
    }

    /** The header row at {@code rowIdx}: column widths in characters, panes frozen below it. */
    static void headerRow(Sheet s, XlsxStyles st, int rowIdx, float height, String[] head, int[] widths) {
        Row h = s.createRow(rowIdx);
        h.setHeightInPoints(height);
        for (int i = 0; i < head.length; i++) {
            text(h, i, head[i], st.header);
            s.setColumnWidth(i, widths[i] * 256 + 200);
        }
        s.createFreezePane(0, rowIdx + 1);
    }

    /**
     * A4, one page wide, the header row ({@code headerRow}, 0-based; -1 for none) repeated on
     * every page, "第 X 页，共 Y 页" in the footer; the print area columns 0..lastCol, rows 0..lastRow
     * (lastRow -1: no print area).
     */
    static void printA4(Sheet s, boolean landscape, int headerRow, int lastCol, int lastRow) {
        PrintSetup ps = s.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(landscape);
        s.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        s.setAutobreaks(true);
        s.setHorizontallyCenter(true);
        if (headerRow >= 0) {
            s.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        }
        s.getFooter().setCenter("第 &P 页，共 &N 页");
        if (lastRow >= 0) {
            Workbook wb = s.getWorkbook();
            wb.setPrintArea(wb.getSheetIndex(s), 0, lastCol, 0, lastRow);
        }
    }
}
