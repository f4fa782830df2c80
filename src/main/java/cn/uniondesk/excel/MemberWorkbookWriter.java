package cn.uniondesk.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the member template (模板) and the roster (花名册) with SXSSF: the {@link MemberColumn}
 * headings in one row (optionally below a merged title row), frozen, one member per row. Text
 * that could be taken for a formula is written quote-prefixed. Written to a temporary file and
 * moved into place, so a failure never leaves half a workbook under the chosen name.
 */
public final class MemberWorkbookWriter implements AutoCloseable {
    public static final List<MemberColumn> COLUMNS = List.of(MemberColumn.values());
    private static final int[] WIDTHS = {10, 6, 8, 22, 12, 14, 10, 10, 14, 10, 10, 7, 7, 12, 16, 12, 9, 10, 24, 12};

    private final Path out;
    private final SXSSFWorkbook wb;
    private final SXSSFSheet sheet;
    private final CellStyle textStyle;
    private final CellStyle quotedStyle;
    private final CellStyle dateStyle;
    private final CellStyle moneyStyle;
    private int nextRow;

    /**
     * @param title heading above the columns (merged across them), or null for none
     */
    public MemberWorkbookWriter(Path out, String sheetName, String title) {
        this.out = out;
        this.wb = new SXSSFWorkbook(500);
        wb.setCompressTempFiles(false);
        this.sheet = wb.createSheet(sheetName);
        textStyle = wb.createCellStyle();
        textStyle.setDataFormat(wb.createDataFormat().getFormat("@"));
        quotedStyle = wb.createCellStyle();
        quotedStyle.setQuotePrefixed(true);
        dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        moneyStyle = wb.createCellStyle();
        moneyStyle.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        for (int i = 0; i < COLUMNS.size(); i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256 + 200);
        }
        if (title != null) {
            Row t = sheet.createRow(nextRow++);
            CellStyle ts = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            f.setFontHeightInPoints((short) 14);
            ts.setFont(f);
            t.createCell(0).setCellValue(title);
            t.getCell(0).setCellStyle(ts);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
        }
        Row h = sheet.createRow(nextRow++);
        CellStyle hs = wb.createCellStyle();
        Font hf = wb.createFont();
        hf.setBold(true);
        hs.setFont(hf);
        hs.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        hs.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        hs.setBorderBottom(BorderStyle.THIN);
        for (int i = 0; i < COLUMNS.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(COLUMNS.get(i).heading());
            c.setCellStyle(hs);
        }
        sheet.createFreezePane(0, nextRow);
    }

    /** The row index (0-based) the next member goes to. */
    public int nextRowIndex() {
        return nextRow;
    }

    /**
     * One member: values in {@link #COLUMNS} order; String, LocalDate, BigDecimal or null.
     */
    public void writeRow(Object[] values) {
        Row r = sheet.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell c = r.createCell(i);
            if (v instanceof LocalDate) {
                c.setCellValue((LocalDate) v);
                c.setCellStyle(dateStyle);
            } else if (v instanceof BigDecimal) {
                c.setCellValue(((BigDecimal) v).doubleValue());
                c.setCellStyle(moneyStyle);
            } else {
                String s = v.toString();
                c.setCellValue(s);
                c.setCellStyle(SafeCells.looksLikeFormula(s) ? quotedStyle : textStyle);
            }
        }
    }

    /**
     * Drop-down lists for the coded columns on {@code rows} rows below the heading, taken from a
     * hidden sheet (lists longer than 255 characters, such as the 56 ethnic groups, need one).
     */
    public void addDropDowns(List<MemberColumn> columns, List<List<String>> choices, int rows) {
        SXSSFSheet lists = wb.createSheet("选项");
        int maxLen = choices.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r < maxLen; r++) {
            Row row = lists.createRow(r);
            for (int c = 0; c < choices.size(); c++) {
                if (r < choices.get(c).size()) {
                    row.createCell(c).setCellValue(choices.get(c).get(r));
                }
            }
        }
        wb.setSheetHidden(wb.getSheetIndex(lists), true);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int first = nextRow;
        int last = Math.min(first + rows - 1, SpreadsheetVersion.EXCEL2007.getLastRowIndex());
        for (int c = 0; c < columns.size(); c++) {
            String letter = HeaderRow.columnLetter(c);
            Name name = wb.createName();
            name.setNameName("list_" + columns.get(c).name());
            name.setRefersToFormula("'选项'!$" + letter + "$1:$" + letter + "$" + choices.get(c).size());
            DataValidationConstraint k = helper.createFormulaListConstraint("list_" + columns.get(c).name());
            int col = COLUMNS.indexOf(columns.get(c));
            DataValidation dv = helper.createValidation(k, new CellRangeAddressList(first, last, col, col));
            dv.setShowErrorBox(true);
            dv.setErrorStyle(DataValidation.ErrorStyle.WARNING);
            sheet.addValidationData(dv);
        }
        // typed ID, mobile and card numbers stay text, so Excel cannot round them
        for (MemberColumn mc : List.of(MemberColumn.ID_NUMBER, MemberColumn.MOBILE, MemberColumn.CARD_NO)) {
            sheet.setDefaultColumnStyle(COLUMNS.indexOf(mc), textStyle);
        }
    }

    /** A sheet of lines of text (the template's 填写说明). */
    public void addTextSheet(String name, List<String> lines) {
        SXSSFSheet s = wb.createSheet(name);
        s.setColumnWidth(0, 100 * 256);
        for (int i = 0; i < lines.size(); i++) {
            s.createRow(i).createCell(0).setCellValue(lines.get(i));
        }
    }

    /** Writes the workbook to the file given at construction. */
    public void finish() throws IOException {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            wb.write(os);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            wb.close();
        } catch (IOException e) {
            // temp files are removed by close; nothing else to do
        }
        wb.dispose();
    }
}
