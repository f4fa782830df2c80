package cn.uniondesk.service;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Helpers for import tests: a register in a temp folder and workbooks made with POI. */
public final class ImportFixtures {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    public static final List<String> HEAD = List.of("姓名", "性别", "公民身份号码", "部门/车间", "入会日期", "会员证号", "手机号");

    private ImportFixtures() {
    }

    public static AppContext open(Path dir) {
        AppContext ctx = AppContext.open(dir, new Session("测试员"), CLOCK);
        ctx.members().departmentNamed("总装车间");
        ctx.members().departmentNamed("质检部");
        return ctx;
    }

    /** A valid ID number for region 320506, the birth date and an odd (male) or even (female) sequence. */
    public static String id(LocalDate birth, int seq) {
        String body = String.format("320506%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), seq);
        return body + IdNumber.checkChar(body);
    }

    public static String id(int n) {
        return id(LocalDate.of(1980, 1, 1).plusDays(n * 37L), 100 + (n % 400) * 2 + 1);
    }

    /** A workbook with one sheet; rows of Objects (String, Double, LocalDate, null). */
    public static Path xlsx(Path dir, String name, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, wb.createSheet("会员"), rows);
            return save(wb, dir.resolve(name));
        }
    }

    public static void fill(Workbook wb, Sheet s, List<List<Object>> rows) {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        for (int r = 0; r < rows.size(); r++) {
            Row row = s.createRow(r);
            List<Object> vals = rows.get(r);
            for (int c = 0; c < vals.size(); c++) {
                Object v = vals.get(c);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof Number) {
                    cell.setCellValue(((Number) v).doubleValue());
                } else if (v instanceof LocalDate) {
                    cell.setCellValue((LocalDate) v);
                    cell.setCellStyle(date);
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }

    public static Path save(Workbook wb, Path out) throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            wb.write(os);
        }
        return out;
    }

    /** One data row in {@link #HEAD} order. */
    public static List<Object> row(String name, String gender, String id, String dept, Object join, String card,
            String mobile) {
        return java.util.Arrays.asList(name, gender, id, dept, join, card, mobile);
    }
}
