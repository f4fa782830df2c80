package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dues fund}: shows a month's 工会经费, records it with the four figures, refuses bad input untouched. */
class DuesFundCliTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.asDemo(dir.resolve("data"), args);
    }

    @Test
    void recordsAMonthAndShowsItBackWithTheComputedFigures() {
        assertThat(run("init", "--demo").code()).isZero();
        CliRun none = run("dues", "fund", "--month", "2026-10");
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).contains("2026-10 的工会经费尚未录入");

        CliRun rec = run("dues", "fund", "--month", "2026-10", "--payroll-total", "1,234,567.00", "--received",
                "24691.34", "--remitted", "9876.53", "--share", "40");
        assertThat(rec.code()).as(rec.err()).isZero();
        assertThat(rec.out()).contains("已录入 2026-10 的工会经费").contains("工资总额 1234567.00 元")
                .contains("应拨缴（2%）24691.34 元").contains("上解比例 40%").contains("应上解 9876.53 元")
                .contains("已上解 9876.53 元").contains("留成 14814.81 元");

        CliRun show = run("dues", "fund", "--month", "2026-10");
        assertThat(show.out()).contains("2026-10 工会经费：工资总额 1234567.00 元").contains("实收 24691.34 元");

        CliRun again = run("dues", "fund", "--month", "2026-10", "--payroll-total", "1234567", "--received",
                "24691.34", "--remitted", "10000", "--share", "40.5%");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("已更新 2026-10 的工会经费").contains("上解比例 40.5%")
                .contains("已上解 10000.00 元");
    }

    @Test
    void badInputIsRefusedClearlyAndNothingIsWritten() {
        assertThat(run("init", "--demo").code()).isZero();
        CliRun over = run("dues", "fund", "--month", "2026-11", "--payroll-total", "100000", "--received", "2000",
                "--remitted", "2000.01", "--share", "40");
        assertThat(over.code()).isNotZero();
        assertThat(over.err()).contains("2026 年截至本月已上解 2000.01 元，不能多于实收经费 2000.00 元");

        CliRun negative = run("dues", "fund", "--month", "2026-11", "--payroll-total", "-5", "--received", "0",
                "--remitted", "0", "--share", "40");
        assertThat(negative.code()).isNotZero();
        assertThat(negative.err()).contains("工会经费的金额不能为负数");

        CliRun share = run("dues", "fund", "--month", "2026-11", "--payroll-total", "100000", "--received", "2000",
                "--remitted", "0", "--share", "140");
        assertThat(share.code()).isNotZero();
        assertThat(share.err()).contains("上解比例应在 0% 到 100% 之间：140%");

        CliRun badShare = run("dues", "fund", "--month", "2026-11", "--payroll-total", "100000", "--received", "2000",
                "--remitted", "0", "--share", "四成");
        assertThat(badShare.code()).isNotZero();
        assertThat(badShare.err()).contains("--share 的上解比例格式不对：四成");

        CliRun badAmount = run("dues", "fund", "--month", "2026-11", "--payroll-total", "10万", "--received", "2000",
                "--remitted", "0", "--share", "40");
        assertThat(badAmount.code()).isNotZero();
        assertThat(badAmount.err()).contains("--payroll-total 的金额格式不对：10万");

        CliRun partial = run("dues", "fund", "--month", "2026-11", "--payroll-total", "100000");
        assertThat(partial.code()).isNotZero();
        assertThat(partial.err()).contains("需要同时给出 --payroll-total、--received、--remitted 和 --share");

        CliRun badMonth = run("dues", "fund", "--month", "2026-13");
        assertThat(badMonth.code()).isNotZero();
        assertThat(badMonth.err()).contains("月份格式应为 YYYY-MM：2026-13");

        CliRun show = run("dues", "fund", "--month", "2026-11");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("2026-11 的工会经费尚未录入");
    }

    @Test
    void aReadOnlyAccountMaySeeButNotRecord() throws Exception {
        assertThat(run("init", "--demo").code()).isZero();
        Path pw = dir.resolve("pw.txt");
        java.nio.file.Files.writeString(pw, "demo1234\n");
        CliRun add = run("accounts", "add", "auditor", "--role", "AUDITOR", "--new-password-file", pw.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(run("dues", "fund", "--month", "2026-11", "--payroll-total", "100000", "--received", "2000",
                "--remitted", "0", "--share", "40").code()).isZero();
        CliRun see = CliRun.as(dir.resolve("data"), "auditor", "dues", "fund", "--month", "2026-11");
        assertThat(see.code()).as(see.err()).isZero();
        assertThat(see.out()).contains("工资总额 100000.00 元");
        CliRun write = CliRun.as(dir.resolve("data"), "auditor", "dues", "fund", "--month", "2026-11",
                "--payroll-total", "1", "--received", "1", "--remitted", "0", "--share", "40");
        assertThat(write.code()).isNotZero();
        assertThat(CliRun.asDemo(dir.resolve("data"), "dues", "fund", "--month", "2026-11").out())
                .contains("工资总额 100000.00 元");
    }
}
