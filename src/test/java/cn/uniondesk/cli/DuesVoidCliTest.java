package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dues void}: a receipt is voided with its reason and its payment reversed, once. */
class DuesVoidCliTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.asDemo(dir.resolve("data"), args);
    }

    private String paidYuan() {
        CliRun s = run("dues", "summary", "--month", "2026-11");
        assertThat(s.code()).as(s.err()).isZero();
        Matcher m = Pattern.compile("实缴 ([0-9.]+) 元").matcher(s.out());
        assertThat(m.find()).as(s.out()).isTrue();
        return m.group(1);
    }

    @Test
    void voidReversesThePaymentOnceAndRefusesASecondVoid() {
        assertThat(run("init", "--demo").code()).isZero();
        String before = paidYuan();
        CliRun pay = run("dues", "pay", "--member", "GH20250000001", "--amount", "100.00", "--date", "2026-11-23");
        assertThat(pay.code()).as(pay.err()).isZero();
        Matcher no = Pattern.compile("收据号 (\\d{4}-\\d{6})").matcher(pay.out());
        assertThat(no.find()).as(pay.out()).isTrue();
        assertThat(paidYuan()).isNotEqualTo(before);

        CliRun noReason = run("dues", "void", "--number", no.group(1), "--reason", "  ");
        assertThat(noReason.code()).isNotZero();
        assertThat(paidYuan()).as("nothing reversed without a reason").isNotEqualTo(before);

        CliRun v = run("dues", "void", "--number", no.group(1), "--reason", "金额开错");
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("已作废收据 " + no.group(1)).contains("冲回已收会费 100.00 元");
        assertThat(paidYuan()).isEqualTo(before);

        CliRun again = run("dues", "void", "--number", no.group(1), "--reason", "再次");
        assertThat(again.code()).isNotZero();
        assertThat(again.err()).contains("已经作废");
        assertThat(paidYuan()).isEqualTo(before);
    }

    @Test
    void aMalformedOrUnknownNumberIsRefusedClearly() {
        assertThat(run("init", "--demo").code()).isZero();
        CliRun bad = run("dues", "void", "--number", "abc", "--reason", "x");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("找不到收据：abc");
        CliRun unknown = run("dues", "void", "--number", "2026-999999", "--reason", "x");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains("找不到收据：2026-999999");
    }
}
