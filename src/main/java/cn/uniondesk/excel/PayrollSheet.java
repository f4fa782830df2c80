package cn.uniondesk.excel;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.TextNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a payroll deduction sheet (工资代扣会费明细) as payroll offices write it: a header row
 * (found within the first rows, below any title) with 姓名, 身份证号 (or aliases) and/or
 * 会员证号/工号, and the amount deducted (代扣会费, 会费, 扣款金额 …).
 */
public final class PayrollSheet {
    /** One deduction: where it is in the file, who, how much (in 分). */
    public record Line(int rowNumber, String name, String idNumber, String cardNo, long amountFen) {
    }

    private static final Map<String, List<String>> ALIASES = Map.of(
            "name", List.of("姓名", "职工姓名", "员工姓名", "会员姓名"),
            "id", List.of("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"),
            "card", List.of("会员证号", "工号", "员工编号", "职工编号"),
            "amount", List.of("代扣会费", "会费", "扣款金额", "代扣金额", "扣会费", "工会会费", "金额"));

    private PayrollSheet() {
    }

    /**
     * The deductions of the first sheet (or {@code sheet}).
     *
     * @throws UnusableFileException when the file cannot be read or has no usable header
     */
    public static List<Line> read(Path file, String sheet) {
        List<Line> out = new ArrayList<>();
        int[] cols = null;
        try (TabularFile f = SpreadsheetFiles.open(file)) {
            int[][] found = new int[1][];
            f.read(sheet, row -> {
                if (found[0] == null) {
                    if (row.rowNumber() > HeaderRow.SCAN_ROWS) {
                        return false;
                    }
                    found[0] = header(row);
                    return true;
                }
                int[] c = found[0];
                if (row.isBlank()) {
                    return true;
                }
                String name = c[0] < 0 ? "" : TextNormalizer.normalize(CellValues.text(row.cell(c[0])));
                String id = c[1] < 0 ? "" : TextNormalizer.compact(CellValues.code(row.cell(c[1])));
                String card = c[2] < 0 ? "" : TextNormalizer.compact(CellValues.code(row.cell(c[2])));
                String amountText = TextNormalizer.compact(CellValues.text(row.cell(c[3])));
                if (name.contains("合计") || name.contains("总计") || (id.isEmpty() && card.isEmpty())) {
                    return true;
                }
                long fen;
                try {
                    fen = Money.parseYuan(amountText).fen();
                } catch (RuntimeException e) {
                    fen = -1;
                }
                out.add(new Line(row.rowNumber(), name, id, card, fen));
                return true;
            });
            cols = found[0];
        }
        if (cols == null) {
            throw new UnusableFileException("dues.payroll.noHeader", String.valueOf(HeaderRow.SCAN_ROWS));
        }
        return out;
    }

    /** Column indexes {name, id, card, amount} when this row is a payroll header, else null. */
    private static int[] header(SheetRow row) {
        int[] c = {-1, -1, -1, -1};
        for (int i = 0; i < row.cells().size(); i++) {
            String h = TextNormalizer.compact(CellValues.text(row.cell(i))).replace("（元）", "").replace("(元)", "");
            if (c[0] < 0 && ALIASES.get("name").contains(h)) {
                c[0] = i;
            } else if (c[1] < 0 && ALIASES.get("id").contains(h)) {
                c[1] = i;
            } else if (c[2] < 0 && ALIASES.get("card").contains(h)) {
                c[2] = i;
            } else if (c[3] < 0 && ALIASES.get("amount").contains(h)) {
                c[3] = i;
            }
        }
        return c[3] >= 0 && (c[1] >= 0 || c[2] >= 0) ? c : null;
    }

    /** Writes a payroll deduction sheet (title row, header, one line per deduction, a total row). */
    public static void write(String title, List<Line> lines, Path out) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.OutputStream os = java.nio.file.Files.newOutputStream(out)) {
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("代扣会费");
            s.createRow(0).createCell(0).setCellValue(title);
            org.apache.poi.ss.usermodel.Row h = s.createRow(2);
            String[] head = {"序号", "姓名", "身份证号码", "会员证号", "代扣会费（元）"};
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
                s.setColumnWidth(i, (i == 2 ? 22 : 14) * 256);
            }
            org.apache.poi.ss.usermodel.CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            int r = 3;
            for (Line l : lines) {
                org.apache.poi.ss.usermodel.Row x = s.createRow(r);
                x.createCell(0).setCellValue(r - 2);
                x.createCell(1).setCellValue(l.name());
                x.createCell(2).setCellValue(l.idNumber());
                x.createCell(3).setCellValue(l.cardNo() == null ? "" : l.cardNo());
                org.apache.poi.ss.usermodel.Cell c = x.createCell(4);
                c.setCellValue(java.math.BigDecimal.valueOf(l.amountFen(), 2).doubleValue());
                c.setCellStyle(money);
                r++;
            }
            org.apache.poi.ss.usermodel.Row t = s.createRow(r);
            t.createCell(1).setCellValue("合计");
            org.apache.poi.ss.usermodel.Cell sum = t.createCell(4);
            sum.setCellFormula(lines.isEmpty() ? "0" : "SUM(E4:E" + r + ")");
            sum.setCellStyle(money);
            wb.write(os);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
