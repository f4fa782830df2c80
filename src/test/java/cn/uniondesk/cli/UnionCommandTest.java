package cn.uniondesk.cli;

import static cn.uniondesk.domain.CreditCodeTest.withCheck;
import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.service.DemoCasesService;
import cn.uniondesk.testing.TestApp;
import cn.uniondesk.ui.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code union show|set}: only the given fields change; bad input and clerks change nothing. */
class UnionCommandTest {
    static final String CODE = withCheck("81320505MC0000009");

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.asDemo(dir.resolve("office"), args);
    }

    private int auditRows() {
        try (AppContext ctx = AppContext.unlock(dir.resolve("office"), "demo", "demo1234".toCharArray(),
                TestApp.CLOCK)) {
            return ctx.audit().count();
        }
    }

    @Test
    void showPrintsTheDetailsAndSetChangesOnlyTheGivenFields() {
        TestData.encryptedDemo(dir.resolve("office"));
        CliRun show = run("union", "show");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("工会名称：苏州恒达精密机械有限公司工会委员会")
                .contains("统一社会信用代码：81320505MC0000001D").contains("上级工会：苏州市虎丘区总工会")
                .contains("行政区划代码：320505（江苏省苏州市虎丘区）");

        int audit = auditRows();
        CliRun set = run("union", "set", "--org-code", CODE.toLowerCase(), "--upper", "");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("已保存本单位信息").contains("统一社会信用代码：" + CODE)
                .contains("上级工会：（未填写）").contains("工会名称：苏州恒达精密机械有限公司工会委员会")
                .contains("行政区划代码：320505");
        assertThat(auditRows()).isEqualTo(audit + 1);

        CliRun again = run("union", "set", "--org-code", CODE);
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("没有改动");
        assertThat(auditRows()).isEqualTo(audit + 1);
    }

    @Test
    void badInputIsAUsageErrorWithEveryMessageAndNothingChanges() {
        TestData.encryptedDemo(dir.resolve("office"));
        int audit = auditRows();
        String typo = CODE.substring(0, 17) + (CODE.charAt(17) == '0' ? '1' : '0');
        CliRun bad = run("union", "set", "--name", " ", "--org-code", typo, "--region", "999999");
        assertThat(bad.code()).isEqualTo(UnionDeskCommand.USAGE);
        assertThat(bad.err()).contains("工会名称：请填写工会名称")
                .contains("统一社会信用代码：统一社会信用代码校验不通过")
                .contains("行政区划代码：行政区划代码 999999 不在 GB/T 2260 行政区划代码表中").contains("未保存");
        CliRun nothing = run("union", "set");
        assertThat(nothing.code()).isEqualTo(UnionDeskCommand.USAGE);
        assertThat(nothing.err()).contains("请至少给出一项");
        assertThat(run("union", "show").out()).contains("统一社会信用代码：81320505MC0000001D");
        assertThat(auditRows()).isEqualTo(audit);
    }

    @Test
    void aClerkMayShowButNotSet() {
        TestData.encryptedDemo(dir.resolve("office"));
        int audit = auditRows();
        String clerk = DemoCasesService.DEMO_CLERK;
        CliRun show = CliRun.as(dir.resolve("office"), clerk, "union", "show");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("统一社会信用代码：81320505MC0000001D");
        CliRun set = CliRun.as(dir.resolve("office"), clerk, "union", "set", "--org-code", CODE);
        assertThat(set.code()).isEqualTo(UnionDeskCommand.USAGE);
        assertThat(set.err()).contains("干事");
        assertThat(run("union", "show").out()).contains("统一社会信用代码：81320505MC0000001D");
        assertThat(auditRows()).isEqualTo(audit);
    }

    @Test
    void aUnionSetUpWithoutACodeExportsItsBatchOnceTheCodeIsSet() throws Exception {
        Path office = dir.resolve("office");
        Path pw = Path.of(write("secret-pass"));
        StringWriter out = new StringWriter();
        int init = UnionDeskCommand.run(new String[] {"--data", office.toString(), "--lang", "zh", "init",
            "--admin-user", "chair", "--admin-password-file", pw.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()), Map.of(), TestApp.CLOCK);
        assertThat(init).isZero();
        Path usb = dir.resolve("usb");
        CliRun none = chair(office, "union", "show");
        assertThat(none.code()).isZero();
        assertThat(none.out()).contains("本单位信息尚未设置");

        CliRun refused = chair(office, "batch", "export", "--month", "2026-11", "--out", usb.toString());
        assertThat(refused.code()).isEqualTo(UnionDeskCommand.USAGE);
        assertThat(refused.err()).contains("设置 → 本单位").contains("union set --org-code");

        CliRun set = chair(office, "union", "set", "--name", "某机械厂工会", "--org-code", CODE);
        assertThat(set.code()).as(set.err()).isZero();
        CliRun export = chair(office, "batch", "export", "--month", "2026-11", "--out", usb.toString());
        assertThat(export.code()).as(export.err()).isZero();
        Path pkg = usb.resolve(CODE + "-2026-11-0001.zip");
        assertThat(pkg).exists();
        CliRun verify = chair(office, "batch", "verify", pkg.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
    }

    private static CliRun chair(Path office, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--data", office.toString(), "--lang",
                "zh"));
        all.addAll(java.util.List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UnionDeskCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of("UNIONDESK_USER", "chair", "UNIONDESK_PASSWORD", "secret-pass"), TestApp.CLOCK);
        return new CliRun(code, out.toString(), err.toString());
    }

    private String write(String text) {
        try {
            Path f = Files.createTempFile(dir, "pw", ".txt");
            Files.writeString(f, text);
            return f.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
