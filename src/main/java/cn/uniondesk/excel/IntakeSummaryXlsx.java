package cn.uniondesk.excel;

import cn.uniondesk.db.IntakeRepository;
import cn.uniondesk.service.IntakeService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 上报汇总: the month's figures of every registered office (latest accepted batch), the offices
 * that have not reported, and totals as formulas. Text that looks like a formula is quote-prefixed ({@link SafeCells}).
 */
public final class IntakeSummaryXlsx {
    private IntakeSummaryXlsx() {
    }

    public static void write(IntakeService.Summary s, Path out) {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(tmp)) {
            Sheet sh = wb.createSheet("上报汇总");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            CellStyle integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            Row t = sh.createRow(0);
            t.createCell(0).setCellValue("基层工会月报汇总");
            t.getCell(0).setCellStyle(head);
            sh.createRow(1).createCell(0).setCellValue("统计期：" + s.month().getYear() + "年" + s.month().getMonthValue()
                    + "月    已报 " + s.reported() + " / " + s.offices() + " 个单位");
            String[] cols = {"组织机构代码", "单位", "批次序号", "回执号", "会员数", "入会/转入", "转出/退会/去世",
                "应缴会费（元）", "实缴会费（元）", "累计欠缴（元）", "经费已收（元）", "经费上解（元）", "帮扶笔数", "帮扶金额（元）"};
            Row h = sh.createRow(3);
            for (int i = 0; i < cols.length; i++) {
                Cell c = h.createCell(i);
                c.setCellValue(cols[i]);
                c.setCellStyle(head);
                sh.setColumnWidth(i, (i == 1 ? 28 : 14) * 256);
            }
            int r = 4;
            for (IntakeService.SummaryLine l : s.lines()) {
                Row x = sh.createRow(r++);
                text(x.createCell(0), l.orgCode());
                text(x.createCell(1), l.name() == null ? "" : l.name());
                if (l.figures() == null) {
                    x.createCell(3).setCellValue("未上报");
                    continue;
                }
                x.createCell(2).setCellValue(l.sequence());
                text(x.createCell(3), l.receiptNo());
                IntakeRepository.Figures f = l.figures();
                long[] ints = {f.memberCount(), f.joined(), f.left()};
                for (int i = 0; i < 3; i++) {
                    num(x, 4 + i, ints[i], integer);
                }
                yuan(x, 7, f.duesDueFen(), money);
                yuan(x, 8, f.duesPaidFen(), money);
                yuan(x, 9, f.duesOutstandingFen(), money);
                yuan(x, 10, f.fundReceivedFen(), money);
                yuan(x, 11, f.fundRemittedFen(), money);
                num(x, 12, f.aidCases(), integer);
                yuan(x, 13, f.aidPaidFen(), money);
            }
            Row tot = sh.createRow(r);
            tot.createCell(1).setCellValue("合计");
            tot.getCell(1).setCellStyle(head);
            for (int i = 4; i < cols.length; i++) {
                String col = org.apache.poi.ss.util.CellReference.convertNumToColString(i);
                Cell c = tot.createCell(i);
                c.setCellFormula(r == 4 ? "0" : "SUM(" + col + "5:" + col + r + ")");
                c.setCellStyle(i >= 7 && i != 12 ? money : integer);
            }
            sh.createFreezePane(2, 4);
            wb.write(os);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text that could read as a formula is written quote-prefixed (never evaluated). */
    private static void text(Cell c, String v) {
        c.setCellValue(v);
        if (SafeCells.looksLikeFormula(v)) {
            CellStyle st = c.getSheet().getWorkbook().createCellStyle();
            st.setQuotePrefixed(true);
            c.setCellStyle(st);
        }
    }

    private static void num(Row r, int c, long v, CellStyle st) {
        Cell cell = r.createCell(c);
        cell.setCellValue(v);
        cell.setCellStyle(st);
    }

    private static void yuan(Row r, int c, long fen, CellStyle st) {
        Cell cell = r.createCell(c);
        cell.setCellValue(BigDecimal.valueOf(fen, 2).doubleValue());
        cell.setCellStyle(st);
    }
}
