package cn.uniondesk.sample;

import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.service.sample.SampleCsv;
import cn.uniondesk.service.sample.SamplePerson;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Re-creates sample-data/demo-wages.xlsx: the demo union's wage sheet as a payroll office would
 * send it (title, 序号/部门/姓名/身份证号/会员编号/基本工资（元）, a total row). Every fourth active
 * member gets a 5% raise rounded to 10 yuan; two people are not members; one member has left;
 * one name is written differently; one row is repeated. Run from the project folder with the
 * test class path; SampleDataFilesTest reads the file.
 */
public final class MakeWageSheet {
    /** Rows of the sheet, for tests: active members raised, in the sheet's order. */
    public static final int RAISE_EVERY = 4;

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args.length > 0 ? args[0] : "sample-data");
        write(base.resolve("demo/members.csv"), base.resolve("demo-wages.xlsx"));
    }

    static void write(Path csv, Path out) throws Exception {
        List<SamplePerson> people;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            people = SampleCsv.read(r);
        }
        List<Object[]> rows = new ArrayList<>();
        int active = 0;
        SamplePerson left = null;
        SamplePerson renamed = null;
        for (SamplePerson p : people) {
            if (p.status() != MemberStatus.ACTIVE) {
                if (p.status() == MemberStatus.LEFT && left == null) {
                    left = p;
                }
                continue;
            }
            BigDecimal wage = new BigDecimal(p.monthlyWageYuan());
            if (active % RAISE_EVERY == 0) {
                wage = wage.multiply(new BigDecimal("1.05")).divide(BigDecimal.TEN, 0, RoundingMode.HALF_UP)
                        .multiply(BigDecimal.TEN);
            }
            String name = p.name();
            if (active == 7) {
                renamed = p;
                name = name.substring(0, name.length() - 1) + "晓";
            }
            rows.add(new Object[] {p.department(), name, p.idNumber(), p.cardNo(), wage});
            active++;
        }
        rows.add(5, rows.get(2).clone()); // the same row twice
        if (left != null) {
            rows.add(new Object[] {left.department(), left.name(), left.idNumber(), left.cardNo(),
                new BigDecimal(left.monthlyWageYuan())});
        }
        rows.add(new Object[] {"总装车间", "外聘甲", id("32050519900101", 901), "", new BigDecimal("4800")});
        rows.add(new Object[] {"仓储物流部", "外聘乙", id("32050519920202", 902), "", new BigDecimal("4650.50")});
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(out)) {
            Sheet s = wb.createSheet("基本工资");
            s.createRow(0).createCell(0).setCellValue("苏州恒达精密机械有限公司 职工基本工资表（会费缴费基数）");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            s.createRow(1).createCell(0).setCellValue("制表：人力资源部    单位：元");
            String[] head = {"序号", "部门", "姓名", "身份证号", "会员编号", "基本工资（元）"};
            Row h = s.createRow(3);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int[] widths = {6, 14, 10, 22, 18, 14};
            for (int i = 0; i < widths.length; i++) {
                s.setColumnWidth(i, widths[i] * 256);
            }
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            int r = 4;
            for (Object[] v : rows) {
                Row x = s.createRow(r);
                x.createCell(0).setCellValue(r - 3);
                for (int i = 0; i < 4; i++) {
                    x.createCell(i + 1).setCellValue((String) v[i]);
                }
                x.createCell(5).setCellValue(((BigDecimal) v[4]).doubleValue());
                x.getCell(5).setCellStyle(money);
                r++;
            }
            Row t = s.createRow(r);
            t.createCell(2).setCellValue("合计");
            t.createCell(5).setCellFormula("SUM(F5:F" + r + ")");
            t.getCell(5).setCellStyle(money);
            wb.write(os);
        }
        System.out.println(out + ": " + rows.size() + " rows; renamed " + (renamed == null ? "-" : renamed.cardNo())
                + "; left " + (left == null ? "-" : left.cardNo()));
    }

    static String id(String first14, int seq) {
        String body = first14 + String.format("%03d", seq);
        return body + IdNumber.checkChar(body);
    }
}
