package cn.uniondesk.excel;

import cn.uniondesk.service.DuesService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
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
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            write(r, unionName, os);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(DuesService.MonthlyReport r, String unionName, OutputStream os) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(500);
        try {
            Styles st = new Styles(wb);
            String period = r.month().getYear() + "年" + r.month().getMonthValue() + "月";
            // --- by department
            SXSSFSheet s = wb.createSheet("会费收缴月报");
            String[] head = {"部门/车间", "应缴人数", "应缴金额（元）", "实缴人数", "实缴金额（元）", "累计欠缴（元）", "收缴率"};
            int[] widths = {22, 10, 16, 10, 16, 16, 10};
            title(s, st, "会费收缴月报", unionName + "    统计期：" + period, head.length);
            header(s, st, 3, head, widths);
            int row = 4;
            for (DuesService.DepartmentTotals d : r.departments()) {
                Row x = s.createRow(row);
                text(x, 0, d.department().isEmpty() ? "（未分部门）" : d.department(), st.text);
                num(x, 1, d.dueMembers(), st.integer);
                money(x, 2, d.dueFen(), st.money);
                num(x, 3, d.paidMembers(), st.integer);
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
            print(wb, s, 0);

            // --- per member
            SXSSFSheet m = wb.createSheet("会员明细");
            String[] mh = {"会员证号", "姓名", "部门/车间", "计缴基数（元）", "应缴（元）", "本月实缴（元）", "累计欠缴（元）", "减免"};
            int[] mw = {16, 10, 18, 14, 12, 14, 14, 18};
            title(m, st, "会费收缴明细", unionName + "    统计期：" + period, mh.length);
            header(m, st, 3, mh, mw);
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
            print(wb, m, 1);
            wb.write(os);
        } finally {
            wb.close();
        }
    }

    private static void title(SXSSFSheet s, Styles st, String title, String sub, int cols) {
        Row t = s.createRow(0);
        t.setHeightInPoints(26);
        text(t, 0, title, st.title);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, cols - 1));
        Row u = s.createRow(1);
        text(u, 0, sub, st.sub);
        s.addMergedRegion(new CellRangeAddress(1, 1, 0, cols - 1));
    }

    private static void header(SXSSFSheet s, Styles st, int rowIdx, String[] head, int[] widths) {
        Row h = s.createRow(rowIdx);
        h.setHeightInPoints(20);
        for (int i = 0; i < head.length; i++) {
            text(h, i, head[i], st.header);
            s.setColumnWidth(i, widths[i] * 256 + 200);
        }
        s.createFreezePane(0, rowIdx + 1);
    }

    private static void print(SXSSFWorkbook wb, SXSSFSheet s, int index) {
        PrintSetup ps = s.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        s.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        s.setRepeatingRows(CellRangeAddress.valueOf("4:4"));
        s.getFooter().setCenter("第 &P 页，共 &N 页");
        wb.setPrintArea(index, 0, s.getRow(3) == null ? 6 : s.getRow(3).getLastCellNum() - 1, 0,
                Math.max(3, s.getLastRowNum()));
    }

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

    private static void num(Row r, int col, long v, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(style);
    }

    private static void money(Row r, int col, long fen, CellStyle style) {
        Cell c = r.createCell(col);
        // exact decimal yuan; Excel stores numbers as binary floating point but 2-decimal values round-trip
        c.setCellValue(BigDecimal.valueOf(fen, 2).doubleValue());
        c.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle sub;
        final CellStyle header;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle money;
        final CellStyle percent;
        final CellStyle totalText;
        final CellStyle totalInteger;
        final CellStyle totalMoney;
        final CellStyle totalPercent;

        Styles(SXSSFWorkbook wb) {
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
            percent = bordered(wb);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            totalText = bordered(wb);
            totalText.setFont(bold);
            totalInteger = bordered(wb);
            totalInteger.cloneStyleFrom(integer);
            totalInteger.setFont(bold);
            totalMoney = bordered(wb);
            totalMoney.cloneStyleFrom(money);
            totalMoney.setFont(bold);
            totalPercent = bordered(wb);
            totalPercent.cloneStyleFrom(percent);
            totalPercent.setFont(bold);
        }

        private static CellStyle bordered(SXSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
