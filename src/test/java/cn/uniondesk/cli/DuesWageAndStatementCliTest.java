package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dues wage-import} with the shipped sample wage sheet on the demo union, and {@code dues statement}. */
class DuesWageAndStatementCliTest {
    static final Path SAMPLE = Path.of("sample-data", "demo-wages.xlsx");

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.asDemo(dir.resolve("data"), args);
    }

    static int number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    @Test
    void sampleWageSheetDryRunThenApplyWithBackDuesThenNothingLeft() throws Exception {
        assertThat(run("init", "--demo").code()).isZero();
        CliRun dry = run("dues", "wage-import", SAMPLE.toString(), "--month", "2026-09");
        assertThat(dry.code()).as(dry.err()).isZero();
        int changed = number(dry.out(), "变更 (\\d+) 人");
        assertThat(changed).isGreaterThan(50);
        assertThat(number(dry.out(), "查无此人 (\\d+) 行")).isEqualTo(2);
        assertThat(number(dry.out(), "非在册会员 (\\d+) 行")).isEqualTo(1);
        assertThat(number(dry.out(), "重复 (\\d+) 行")).isEqualTo(1);
        assertThat(number(dry.out(), "错误 (\\d+) 行")).isZero();
        assertThat(dry.out()).contains("与名册中的").contains("外聘甲").contains("自 2026-09 起").contains("应补交")
                .contains("追溯调整产生补交").contains("--apply");

        CliRun apply = run("dues", "wage-import", SAMPLE.toString(), "--month", "2026-09", "--apply",
                "--book-back-dues");
        assertThat(apply.code()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("已写入 " + changed + " 人的缴费基数").contains("补交").contains("已入账");

        CliRun again = run("dues", "wage-import", SAMPLE.toString(), "--month", "2026-09");
        assertThat(number(again.out(), "变更 (\\d+) 人")).isZero();
        assertThat(again.out()).doesNotContain("追溯调整产生补交");
        // the November roll already holds what the raise owes (booked as back-dues): nothing to change
        assertThat(run("dues", "roll", "--month", "2026-11").out()).contains("无需变动");
    }

    @Test
    void aSheetWithAnErrorWritesNothingAndAnUnreadableFileIsAUsageError() throws Exception {
        assertThat(run("init", "--demo").code()).isZero();
        Path bad = dir.resolve("bad.xlsx");
        try (InputStream in = Files.newInputStream(SAMPLE); XSSFWorkbook wb = new XSSFWorkbook(in);
                OutputStream os = Files.newOutputStream(bad)) {
            wb.getSheetAt(0).getRow(6).getCell(5).setCellValue("待定");
            wb.write(os);
        }
        CliRun r = run("dues", "wage-import", bad.toString(), "--month", "2026-09", "--apply");
        assertThat(r.code()).isEqualTo(UnionDeskCommand.REJECTED);
        assertThat(r.out()).contains("第7行").contains("待定").contains("未写入任何数据");
        // nothing was written: the good sheet still finds every change
        CliRun dry = run("dues", "wage-import", SAMPLE.toString(), "--month", "2026-09");
        assertThat(number(dry.out(), "变更 (\\d+) 人")).isGreaterThan(50);

        Path text = dir.resolve("notes.xlsx");
        Files.writeString(text, "这不是工资表");
        CliRun u = run("dues", "wage-import", text.toString(), "--month", "2026-09");
        assertThat(u.code()).isEqualTo(UnionDeskCommand.USAGE);
        assertThat(u.err()).contains("notes.xlsx");
        assertThat(run("dues", "wage-import", SAMPLE.toString(), "--month", "2026/9").code())
                .isEqualTo(UnionDeskCommand.USAGE);
    }

    @Test
    void statementForOneMemberAsPdfAndForAllAsXlsx() throws Exception {
        assertThat(run("init", "--demo").code()).isZero();
        Path pdf = dir.resolve("one.pdf");
        CliRun one = run("dues", "statement", "--year", "2026", "--member", "GH20250000001", "--out", pdf.toString());
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).contains("1 人");
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("2026年度会费对账单")
                    .contains("苏州恒达精密机械有限公司工会委员会").contains("廖桂小").contains("本年应缴合计").contains("大写");
        } finally {
            reader.close();
        }
        Path xlsx = dir.resolve("all.xlsx");
        CliRun all = run("dues", "statement", "--year", "2026", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(all.code()).as(all.err()).isZero();
        int members = number(all.out(), "：(\\d+) 人");
        assertThat(members).isGreaterThan(250);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(4 + members * 14);
        }
        assertThat(run("dues", "statement", "--year", "2026", "--member", "GH99999999999", "--out",
                dir.resolve("x.pdf").toString()).code()).isEqualTo(UnionDeskCommand.USAGE);
    }
}
