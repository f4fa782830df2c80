package cn.uniondesk.excel;

import static cn.uniondesk.excel.XlsxStyles.printA4;
import static cn.uniondesk.excel.XlsxStyles.text;

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
import cn.uniondesk.service.report.ReportSheet.Total;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A set of reports as ONE workbook, a sheet per report: title, union and period on top, the
 * header row frozen and repeated on every printed page, column widths, yuan with 2 decimals,
 * percentages, totals and rates as formulas, logic checks and signature lines below, A4 (landscape
 * for wide reports) fitted to the page width with a print area. Text that looks like a formula is
 * written as text.
 */
public final class ReportBookXlsx {
    private ReportBookXlsx() {
    }

    public static void write(List<ReportSheet> sheets, Path out) {
        WorkbookFiles.writeAtomically(out, os -> write(sheets, os));
    }

    public static void write(List<ReportSheet> sheets, OutputStream os) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Set<String> names = new HashSet<>();
            for (ReportSheet r : sheets) {
                String name = WorkbookUtil.createSafeSheetName(r.title());
                while (!names.add(name)) {
                    name = WorkbookUtil.createSafeSheetName(name + "_");
                }
                sheet(wb, wb.createSheet(name), st, r);
            }
            wb.write(os);
        }
    }

    private static int width(ReportSheet r) {
        int w = 4;
        for (Block b : r.blocks()) {
            if (b instanceof Table t) {
                w = Math.max(w, t.columns().size());
            }
        }
        return w;
    }

    private static void sheet(Workbook wb, Sheet s, Styles st, ReportSheet r) {
        int cols = width(r);
        Row t = s.createRow(0);
        t.setHeightInPoints(28);
        text(t, 0, r.title(), st.title);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, cols - 1));
        Row u = s.createRow(1);
        text(u, 0, (r.unionName() == null ? "" : r.unionName()) + "    " + r.period(), st.sub);
        s.addMergedRegion(new CellRangeAddress(1, 1, 0, cols - 1));
        int row = 3;
        int firstHeader = -1;
        int[] widths = new int[cols];
        for (Block b : r.blocks()) {
            if (b instanceof Fields f) {
                for (String[] p : f.pairs()) {
                    Row x = s.createRow(row);
                    text(x, 0, p[0], st.fieldLabel);
                    text(x, 1, p[1], st.fieldValue);
                    if (cols > 2) {
                        s.addMergedRegion(new CellRangeAddress(row, row, 1, cols - 1));
                    }
                    row++;
                }
                widths[0] = Math.max(widths[0], 14);
                row++;
            } else if (b instanceof Table tb) {
                if (tb.caption() != null) {
                    text(s.createRow(row++), 0, tb.caption(), st.fieldLabel);
                }
                int header = row;
                if (firstHeader < 0) {
                    firstHeader = header;
                }
                Row h = s.createRow(row++);
                h.setHeightInPoints(32);
                for (int i = 0; i < tb.columns().size(); i++) {
                    text(h, i, tb.columns().get(i).header(), st.header);
                    widths[i] = Math.max(widths[i], tb.columns().get(i).width());
                }
                int first = row;
                for (List<Object> values : tb.rows()) {
                    Row x = s.createRow(row);
                    for (int i = 0; i < values.size(); i++) {
                        Column c = tb.columns().get(i);
                        if (c.total() == Total.RATIO && formulaRatio(tb, c)) {
                            ratio(x, i, tb, c, row, st.percent);
                        } else {
                            value(x, i, values.get(i), st, false);
                        }
                    }
                    row++;
                }
                int last = row - 1;
                if (tb.totals() != null) {
                    Row x = s.createRow(row);
                    for (int i = 0; i < tb.columns().size(); i++) {
                        Column c = tb.columns().get(i);
                        Object v = tb.totals().get(i);
                        if (c.total() == Total.SUM) {
                            Cell cell = x.createCell(i);
                            if (last >= first) {
                                String col = CellReference.convertNumToColString(i);
                                cell.setCellFormula("SUM(" + col + (first + 1) + ":" + col + (last + 1) + ")");
                            } else {
                                cell.setCellValue(0);
                            }
                            cell.setCellStyle(v instanceof Money ? st.totalMoney : st.totalInteger);
                        } else if (c.total() == Total.RATIO && formulaRatio(tb, c)) {
                            ratio(x, i, tb, c, row, st.totalPercent);
                        } else {
                            value(x, i, v, st, true);
                        }
                    }
                    row++;
                }
                row++;
            } else if (b instanceof Checks ch) {
                Row x = s.createRow(row++);
                text(x, 0, "逻辑校验", st.fieldLabel);
                text(x, 1, ch.allOk() ? "全部相符" : "有不相符项，请核对", ch.allOk() ? st.ok : st.fail);
                for (Check c : ch.checks()) {
                    Row y = s.createRow(row);
                    text(y, 0, c.ok() ? "相符" : "不相符", c.ok() ? st.ok : st.fail);
                    String line = c.rule() + "：" + c.figures();
                    text(y, 1, line, st.wrap);
                    if (cols > 2) {
                        s.addMergedRegion(new CellRangeAddress(row, row, 1, cols - 1));
                    }
                    y.setHeightInPoints(lines(line, cols) * 15f);
                    row++;
                }
                row++;
            } else if (b instanceof Note n) {
                Row x = s.createRow(row);
                text(x, 0, n.text(), st.wrap);
                s.addMergedRegion(new CellRangeAddress(row, row, 0, cols - 1));
                x.setHeightInPoints(lines(n.text(), cols + 2) * 15f);
                row += 2;
            }
        }
        if (r.signatures()) {
            row++;
            Row x = s.createRow(row);
            String[] labels = {"填报人：", "审核人：", "单位盖章：", "日期："};
            for (int i = 0; i < labels.length; i++) {
                text(x, Math.min(cols - 1, i * Math.max(1, cols / 4)), labels[i], st.plain);
            }
        }
        for (int i = 0; i < cols; i++) {
            int w = widths[i] == 0 ? 10 : widths[i];
            s.setColumnWidth(i, Math.min(255, w + 2) * 256);
        }
        if (firstHeader >= 0) {
            s.createFreezePane(0, firstHeader + 1);
        }
        printA4(s, r.landscape(), firstHeader, cols - 1, Math.max(row, s.getLastRowNum()));
        s.getHeader().setLeft(headerText(r.unionName()));
        s.getHeader().setRight(headerText(r.period()));
    }

    private static String headerText(String s) {
        return s == null ? "" : s.replace("&", "&&");
    }

    /** Rough number of printed lines of a text spread over {@code cols} columns (CJK ~ 2 units). */
    private static int lines(String text, int cols) {
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += text.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return Math.max(1, Math.min(6, units / Math.max(20, cols * 11) + 1));
    }

    private static boolean formulaRatio(Table t, Column c) {
        return t.indexOf(c.numerator()) >= 0 && t.indexOf(c.denominator()) >= 0;
    }

    private static void ratio(Row x, int i, Table t, Column c, int row, CellStyle style) {
        String num = CellReference.convertNumToColString(t.indexOf(c.numerator())) + (row + 1);
        String den = CellReference.convertNumToColString(t.indexOf(c.denominator())) + (row + 1);
        Cell cell = x.createCell(i);
        cell.setCellFormula("IF(" + den + "=0,0,MIN(1," + num + "/" + den + "))");
        cell.setCellStyle(style);
    }

    private static void value(Row x, int i, Object v, Styles st, boolean total) {
        if (v == null) {
            x.createCell(i).setCellStyle(total ? st.totalText : st.text);
            return;
        }
        if (v instanceof Money m) {
            Cell c = x.createCell(i);
            c.setCellValue(m.yuan().doubleValue());
            c.setCellStyle(total ? st.totalMoney : st.money);
        } else if (v instanceof Percent p) {
            Cell c = x.createCell(i);
            c.setCellValue(p.fraction().doubleValue());
            c.setCellStyle(total ? st.totalPercent : st.percent);
        } else if (v instanceof Number n) {
            Cell c = x.createCell(i);
            c.setCellValue(n.longValue());
            c.setCellStyle(total ? st.totalInteger : st.integer);
        } else {
            text(x, i, v.toString(), total ? st.totalText : st.text);
        }
    }

    /** The shared report styles, and the book's own: wrapped notes, field labels, check results. */
    private static final class Styles extends XlsxStyles {
        final CellStyle wrap;
        final CellStyle fieldLabel;
        final CellStyle fieldValue;
        final CellStyle ok;
        final CellStyle fail;

        Styles(Workbook wb) {
            super(wb);
            Font red = wb.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.RED.getIndex());
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            fieldLabel = wb.createCellStyle();
            fieldLabel.setFont(bold);
            fieldValue = wb.createCellStyle();
            ok = wb.createCellStyle();
            ok.setAlignment(HorizontalAlignment.CENTER);
            ok.setVerticalAlignment(VerticalAlignment.TOP);
            fail = wb.createCellStyle();
            fail.setFont(red);
            fail.setAlignment(HorizontalAlignment.CENTER);
            fail.setVerticalAlignment(VerticalAlignment.TOP);
            fail.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            fail.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }
}
