package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report monthly|yearly|config} on the demo union, as a scheduled task would run them. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.asDemo(dir.resolve("data"), args);
    }

    @Test
    void monthlyYearlyAndConfigurationFromTheCommandLine() throws Exception {
        cn.uniondesk.ui.TestData.encryptedDemo(dir.resolve("data"));
        Path out = dir.resolve("out");

        CliRun m = run("report", "monthly", "--month", "2026-10", "--out", out.toString());
        assertThat(m.code()).as(m.err()).isZero();
        assertThat(out.resolve("月度报表-2026-10.xlsx")).exists();
        assertThat(out.resolve("月度报表-2026-10.pdf")).exists();
        assertThat(m.out()).contains("月度报表-2026-10.xlsx").contains("月度报表-2026-10.pdf");

        CliRun bad = run("report", "config", "set", "--sheets", "membership,bogus");
        assertThat(bad.code()).isEqualTo(UnionDeskCommand.USAGE);
        assertThat(bad.err()).contains("没有这张报表：bogus");

        CliRun set = run("report", "config", "set", "--sheets", "membership,dues", "--hide", "dues=outstanding",
                "--stat-code", "320505-001");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("月报包含：membership,dues").contains("隐藏列：outstanding")
                .contains("统计代码：320505-001");
        CliRun again = run("report", "monthly", "--month", "2026-10", "--out", out.toString(), "--format", "xlsx");
        assertThat(again.code()).isZero();
        try (InputStream in = Files.newInputStream(out.resolve("月度报表-2026-10.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
        }

        CliRun y = run("report", "yearly", "--year", "2026", "--out", out.toString(), "--format", "pdf");
        assertThat(y.code()).as(y.err()).isZero();
        assertThat(out.resolve("统计年报-2026.pdf")).exists();
        assertThat(out.resolve("统计年报-2026.xlsx")).doesNotExist();

        CliRun roster = run("report", "roster", "--out", out.resolve("花名册.pdf").toString());
        assertThat(roster.code()).as(roster.err()).isZero();
        assertThat(roster.out()).contains("273 人");
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(
                Files.readAllBytes(out.resolve("花名册.pdf")));
        try {
            String first = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            String last = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(
                    reader.getNumberOfPages());
            assertThat(first).contains("会员花名册").contains("********");
            assertThat(last).contains("公民身份号码").contains("合计 273 人")
                    .contains("第 " + reader.getNumberOfPages() + " 页");
        } finally {
            reader.close();
        }

        assertThat(run("report", "config", "reset").out()).contains("月报包含：membership,dues,fund,aid");
        assertThat(run("report", "monthly", "--month", "2026-13", "--out", out.toString()).code())
                .isEqualTo(UnionDeskCommand.USAGE);
    }
}
