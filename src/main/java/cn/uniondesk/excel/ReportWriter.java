package cn.uniondesk.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The dry-run report workbook: the original rows of the chosen sheet as they were, and two more
 * columns (result, problems). Cells with an error are red, with a warning yellow. The source is
 * streamed again, so a large file never sits in memory.
 */
public final class ReportWriter {
    /** What the report says about one data row. */
    public enum Level { OK, WARNING, ERROR }

    public record RowNote(Level level, String result, String problems, Set<Integer> errorColumns,
            Set<Integer> warningColumns) {
    }

    private ReportWriter() {
    }

    /**
     * @param notes for a row number of the source: the note, or null for rows that are not data
     *              (titles, the heading, blank rows)
     */
    public static void write(TabularFile source, String sheet, int headerRowNumber, String resultHeading,
            String problemsHeading, IntFunction<RowNote> notes, Path out) throws IOException {
        write(source, sheet, headerRowNumber, Set.of(), resultHeading, problemsHeading, notes, out);
    }

    /**
     * @param dateColumns 0-based columns that hold dates: numbers there are shown as dates (the
     *                    streaming reader does not read cell formats)
     */
    public static void write(TabularFile source, String sheet, int headerRowNumber, Set<Integer> dateColumns,
            String resultHeading, String problemsHeading, IntFunction<RowNote> notes, Path out) throws IOException {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            SXSSFSheet s = wb.createSheet(sheet == null || sheet.isBlank() ? "Sheet1" : sheet);
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle red = fill(wb, IndexedColors.ROSE);
            CellStyle yellow = fill(wb, IndexedColors.LIGHT_YELLOW);
            CellStyle green = fill(wb, IndexedColors.LIGHT_GREEN);
            CellStyle head = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            head.setFont(f);
            int[] width = {0};
            source.read(sheet, row -> {
                Row r = s.createRow(row.rowNumber() - 1);
                RowNote note = notes.apply(row.rowNumber());
                for (int i = 0; i < row.cells().size(); i++) {
                    RawCell rc = row.cell(i);
                    if (rc.isBlank() && rc.number() == null && (rc.text() == null || rc.text().isEmpty())) {
                        continue;
                    }
                    Cell c = r.createCell(i);
                    boolean err = note != null && note.errorColumns().contains(i);
                    boolean warn = note != null && !err && note.warningColumns().contains(i);
                    boolean isDate = rc.isNumeric() && (rc.dateFormatted()
                            || row.rowNumber() > headerRowNumber && dateColumns.contains(i));
                    if (rc.isNumeric() && !err && !warn) {
                        c.setCellValue(rc.number());
                        if (isDate) {
                            c.setCellStyle(date);
                        }
                    } else {
                        String t = isDate
                                ? CellValues.date(rc).date() == null ? rc.text() : CellValues.date(rc).date().toString()
                                : rc.text();
                        c.setCellValue(t);
                        c.setCellStyle(err ? red : warn ? yellow : SafeCells.looksLikeFormula(t) ? quoted : null);
                    }
                }
                if (row.rowNumber() == headerRowNumber) {
                    width[0] = row.cells().size();
                    setHeading(r, width[0], resultHeading, problemsHeading, head);
                } else if (note != null) {
                    int at = Math.max(width[0], row.cells().size());
                    Cell a = r.createCell(at);
                    a.setCellValue(note.result());
                    a.setCellStyle(note.level() == Level.ERROR ? red : note.level() == Level.WARNING ? yellow : green);
                    if (note.problems() != null && !note.problems().isEmpty()) {
                        Cell b = r.createCell(at + 1);
                        b.setCellValue(note.problems());
                        if (SafeCells.looksLikeFormula(note.problems())) {
                            b.setCellStyle(quoted);
                        }
                    }
                }
                return true;
            });
            s.setColumnWidth(width[0] + 1, 80 * 256);
            try (OutputStream os = Files.newOutputStream(tmp)) {
                wb.write(os);
            }
            wb.dispose();
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void setHeading(Row r, int width, String resultHeading, String problemsHeading, CellStyle head) {
        Cell a = r.createCell(width);
        a.setCellValue(resultHeading);
        a.setCellStyle(head);
        Cell b = r.createCell(width + 1);
        b.setCellValue(problemsHeading);
        b.setCellStyle(head);
    }

    private static CellStyle fill(SXSSFWorkbook wb, IndexedColors color) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }
}
