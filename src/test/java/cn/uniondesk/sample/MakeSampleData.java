package cn.uniondesk.sample;

import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.excel.MemberWorkbookWriter;
import cn.uniondesk.service.ImportFixtures;
import cn.uniondesk.service.sample.SampleCsv;
import cn.uniondesk.service.sample.SamplePerson;
import cn.uniondesk.service.sample.SampleWorkbook;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Re-creates sample-data/demo-members.xlsx and sample-data/messy-members.xlsx (run from the
 * project folder with the test class path). The files are committed; tests read them.
 */
public final class MakeSampleData {
    public static void main(String[] args) throws Exception {
        Path base = Path.of(args.length > 0 ? args[0] : "sample-data");
        demo(base.resolve("demo-members.xlsx"), base.resolve("demo/members.csv"));
        messy(base.resolve("messy-members.xlsx"));
    }

    static void demo(Path out, Path csv) throws Exception {
        List<SamplePerson> people;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            people = SampleCsv.read(r);
        }
        try (MemberWorkbookWriter w = new MemberWorkbookWriter(out, "会员花名册", "苏州示范机械有限公司工会 会员花名册")) {
            for (SamplePerson p : people) {
                Object[] v = SampleWorkbook.values(p);
                v[cn.uniondesk.excel.MemberColumn.BIRTH_DATE.ordinal()] = IdNumber.parse(p.idNumber()).birthDate();
                w.writeRow(v);
            }
            w.finish();
        }
    }

    static String withX() {
        for (int seq = 101; seq < 999; seq += 2) {
            String body = String.format("32050519870615%03d", seq);
            if (IdNumber.checkChar(body) == 'X') {
                return body + "x";
            }
        }
        throw new IllegalStateException();
    }

    static String id(LocalDate birth, int seq) {
        String body = String.format("320505%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), seq);
        return body + IdNumber.checkChar(body);
    }

    static void messy(Path out) throws Exception {
        String a = id(LocalDate.of(1985, 3, 12), 31);
        String b = id(LocalDate.of(1992, 11, 2), 42);
        String fullWidth = b.chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0))).reduce("", String::concat);
        String c = id(LocalDate.of(1979, 1, 30), 53);
        String d = id(LocalDate.of(1990, 7, 7), 64);
        String e = id(LocalDate.of(1988, 9, 9), 75);
        String wrong = e.substring(0, 17) + (e.charAt(17) == '1' ? '2' : '1');
        String f = id(LocalDate.of(1995, 5, 5), 86);
        String g = id(LocalDate.of(1983, 4, 4), 97);
        String h = id(LocalDate.of(1986, 6, 6), 109);
        String i = id(LocalDate.of(1991, 1, 1), 111);
        String j = id(LocalDate.of(1993, 3, 3), 122);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("苏州示范机械有限公司工会会员登记表（2026年）"));
        rows.add(Arrays.asList("填表人：王干事", null, null, null, "填表日期：2026年10月"));
        rows.add(Arrays.asList());
        rows.add(Arrays.asList("序号", "职工姓名", "性 别", "身份证号码", "所在部门", "入会时间", "手机号码", "月工资(元)", "备注"));
        rows.add(Arrays.asList(1.0, "周建国", "男", a, "总装车间", "2024-03-05", "13800138001", 5200.0, null));
        rows.add(Arrays.asList(2.0, "\u3000吴丽娟\u00A0", "女", fullWidth, "质检部", "2024/3/5", "138 0013 8002", "4800", null));
        rows.add(Arrays.asList(3.0, "郑海涛", "M", withX(), "冲压车间", "2024.3.5", null, null, "末位小写x"));
        rows.add(Arrays.asList(4.0, "冯志强", "男", Double.parseDouble(c.substring(0, 15) + "000"), "焊接车间", "2024-03-05", null, null, "身份证号存成了数字"));
        rows.add(Arrays.asList(5.0, "陈美玲", "F", d, "总装车间", LocalDate.of(2023, 6, 1), null, null, "入会日期是Excel日期"));
        rows.add(Arrays.asList(6.0, "褚晓燕", "女", wrong, "质检部", "2024年3月5日", null, null, "校验位错"));
        rows.add(Arrays.asList(7.0, "卫思远", "男", f, "机加工车间", "2024-03-05", null, null, "性别与身份证不符"));
        rows.add(Arrays.asList());
        rows.add(Arrays.asList(8.0, "周建国", "男", a, "总装车间", "2024-03-05", null, null, "与第5行重复"));
        rows.add(Arrays.asList(9.0, null, "男", g, "总装车间", "2024-03-05", null, null, "缺姓名"));
        rows.add(Arrays.asList(10.0, "蒋宇航", "男", h, "喷涂车间", "2024-03-05", null, null, "新部门"));
        rows.add(Arrays.asList(11.0, "廖桂小", "女", "320506196503109567", "机加工车间", "2025-11-14", "13362790158", null, "已在册，手机号不同"));
        rows.add(Arrays.asList(12.0, "沈佳琪", "女", j, "仓储物流部", "2024-13-01", null, null, "日期不存在"));
        rows.add(Arrays.asList(13.0, "韩俊杰", "男", i, "技术研发部", "20240305", "+86 139-0013-8003", "6,800.50", null));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            ImportFixtures.fill(wb, wb.createSheet("封面"), List.of(Arrays.asList("2026年会员登记"), Arrays.asList("见下一工作表")));
            Sheet s = wb.createSheet("职工名单");
            ImportFixtures.fill(wb, s, rows);
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            ImportFixtures.save(wb, out);
        }
    }
}
