package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.InvalidIdNumberException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.uniondesk.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** Runs as the demo account (its password from the environment, as a scheduled task would). */
    private Run run(String... args) {
        return runAs(Map.of("UNIONDESK_USER", "demo", "UNIONDESK_PASSWORD", "demo1234"), args);
    }

    private Run runAs(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", dir.toString(), "--lang", "zh"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UnionDeskCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env,
                TestApp.CLOCK);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void initDemoThenCsvListsEveryDemoMemberWithValidIdNumbers() {
        Run init = run("init", "--demo");
        assertThat(init.code()).isZero();
        assertThat(init.out()).contains("演示工会");

        Run list = run("members", "list", "--format", "csv", "--unmasked", "--reason", "核对实名制信息");
        assertThat(list.code()).isZero();
        String[] lines = list.out().strip().split("\n");
        assertThat(lines[0]).isEqualTo(String.join(",", MembersCommand.FIELDS));
        assertThat(lines).hasSizeGreaterThan(250);
        for (int i = 1; i < lines.length; i++) {
            String id = lines[i].split(",")[3];
            try {
                IdNumber.parse(id);
            } catch (InvalidIdNumberException e) {
                throw new AssertionError("invalid demo ID on line " + i + ": " + id, e);
            }
        }
    }

    @Test
    void listMasksIdNumbersByDefault() {
        run("init", "--demo");
        Run list = run("members", "list", "--format", "csv");
        String id = list.out().split("\n")[1].split(",")[3];
        assertThat(id).matches("\\d{6}\\*{8}[0-9X]{4}");
    }

    @Test
    void jsonOutputUsesStableEnglishFieldNames() throws Exception {
        run("init", "--demo");
        Run list = run("members", "list", "--format", "json", "--status", "已转出");
        JsonNode arr = new ObjectMapper().readTree(list.out());
        assertThat(arr.isArray()).isTrue();
        assertThat(arr.size()).isPositive();
        arr.forEach(n -> assertThat(n.get("status").asText()).isEqualTo("TRANSFERRED_OUT"));
        assertThat(arr.get(0).has("id_number")).isTrue();
    }

    @Test
    void queryByPinyinInitialsFindsMembers() {
        run("init", "--demo");
        Run all = run("members", "list", "--format", "csv");
        String firstName = all.out().split("\n")[1].split(",")[1];
        String initials = cn.uniondesk.domain.PinyinNames.of(firstName).primaryInitials();
        Run found = run("members", "list", "--query", initials, "--format", "csv");
        assertThat(found.out()).contains(firstName);
    }

    @Test
    void showPrintsMemberAndHistory() {
        run("init", "--demo");
        Run show = run("members", "show", "GH20250000001");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("公民身份号码").contains("入会").contains("********");
    }

    @Test
    void unknownMemberIsExitCodeTwoWithOneLine() {
        run("init", "--demo");
        Run show = run("members", "show", "GH-NOPE");
        assertThat(show.code()).isEqualTo(2);
        assertThat(show.err().strip()).contains("找不到会员").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void badStatusIsExitCodeTwo() {
        run("init", "--demo");
        Run r = run("members", "list", "--status", "SLEEPING");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("SLEEPING");
    }

    @Test
    void unknownCommandIsExitCodeTwo() {
        assertThat(run("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void demoIsNotLoadedTwice() {
        assertThat(run("init", "--demo").code()).isZero();
        Run again = run("init", "--demo");
        assertThat(again.code()).isEqualTo(2);
        assertThat(run("members", "list", "--format", "csv").out().split("\n").length).isLessThan(400);
    }

    @Test
    void initWithAdminCreatesEmptyEncryptedRegister() throws Exception {
        java.nio.file.Path pw = dir.resolve("pw.txt");
        java.nio.file.Files.writeString(pw, "主席的密码2026\n");
        Run r = run("init", "--admin-user", "chair", "--admin-password-file", pw.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, String> chair = Map.of("UNIONDESK_USER", "chair", "UNIONDESK_PASSWORD", "主席的密码2026");
        assertThat(runAs(chair, "members", "list", "--format", "csv").out().strip().split("\n")).hasSize(1);
        assertThat(java.nio.file.Files.exists(dir.resolve("keys.json"))).isTrue();
    }

    @Test
    void newFolderWithoutAdministratorIsRefused() {
        Run r = run("init");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--admin-user");
    }

    @Test
    void wrongPasswordIsExitCodeTwoAndFiveLockTheAccount() {
        run("init", "--demo");
        Map<String, String> wrong = Map.of("UNIONDESK_USER", "demo", "UNIONDESK_PASSWORD", "not-the-password");
        for (int i = 0; i < 4; i++) {
            Run r = runAs(wrong, "members", "list");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("密码不正确");
        }
        assertThat(runAs(wrong, "members", "list").err()).contains("锁定");
        assertThat(run("members", "list").err()).contains("锁定");
    }

    @Test
    void missingPasswordWithoutConsoleIsExitCodeTwo() {
        run("init", "--demo");
        Run r = runAs(Map.of("UNIONDESK_USER", "demo"), "members", "list");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("UNIONDESK_PASSWORD");
    }

    @Test
    void unmaskedListWithoutReasonIsRefusedAndWithReasonIsAudited() {
        run("init", "--demo");
        Run refused = run("members", "list", "--unmasked");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("原因");
        assertThat(run("members", "list", "--unmasked", "--reason", "上报核对").code()).isZero();
        Run audit = run("audit", "list", "--limit", "3");
        assertThat(audit.out()).contains("SENSITIVE_VIEW").contains("上报核对");
    }

    @Test
    void auditVerifySaysTheChainIsIntact() {
        run("init", "--demo");
        Run r = run("audit", "verify");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("完整");
    }

    @Test
    void clerkCannotReadTheAuditTrailOrAddAccounts() throws Exception {
        run("init", "--demo");
        java.nio.file.Path pw = dir.resolve("clerk.txt");
        java.nio.file.Files.writeString(pw, "clerk-pass-1\n");
        assertThat(run("accounts", "add", "xiaowang", "--role", "CLERK", "--new-password-file", pw.toString()).code())
                .isZero();
        Map<String, String> clerk = Map.of("UNIONDESK_USER", "xiaowang", "UNIONDESK_PASSWORD", "clerk-pass-1");
        Run audit = runAs(clerk, "audit", "verify");
        assertThat(audit.code()).isEqualTo(2);
        assertThat(audit.err()).contains("无权");
        assertThat(runAs(clerk, "accounts", "add", "x2", "--role", "ADMIN", "--new-password-file", pw.toString())
                .code()).isEqualTo(2);
        assertThat(runAs(clerk, "members", "list").code()).isZero();
    }

    @Test
    void backupThenRestoreBringsBackTheOldState() throws Exception {
        run("init", "--demo");
        java.nio.file.Path zip = dir.resolve("b.zip");
        Run b = run("backup", "--out", zip.toString());
        assertThat(b.code()).as(b.err()).isZero();
        java.nio.file.Path pw = dir.resolve("clerk.txt");
        java.nio.file.Files.writeString(pw, "clerk-pass-1\n");
        run("accounts", "add", "xiaowang", "--role", "CLERK", "--new-password-file", pw.toString());
        Run r = run("restore", zip.toString(), "--yes");
        assertThat(r.code()).as(r.err()).isZero();
        // the account added after the backup is gone from the database
        assertThat(run("accounts", "list").out()).doesNotContain("xiaowang");
        assertThat(run("audit", "verify").code()).isZero();
    }

    @Test
    void sampleGenerateIsDeterministic() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertThat(run("sample", "generate", "--members", "50", "--seed", "7", "--out", a.toString()).code()).isZero();
        assertThat(run("sample", "generate", "--members", "50", "--seed", "7", "--out", b.toString()).code()).isZero();
        assertThat(java.nio.file.Files.readString(a)).isEqualTo(java.nio.file.Files.readString(b));
    }

    @Test
    void duesCalcPrintsTheAmountUnderTheRuleInForce() {
        run("init", "--demo");
        Run r = run("dues", "calc", "--wage", "5678.90", "--month", "2026-11");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("5670.00").contains("28.35");
    }

    @Test
    void duesRollTwiceAppliesOnceAndThenFindsNothingToChange() {
        run("init", "--demo");
        // the demo carries the last twelve months; a month before them is rolled for the first time here
        Run first = run("dues", "roll", "--month", "2025-10");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("已入账");
        Run again = run("dues", "roll", "--month", "2025-10");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("无需变动");
        Run summary = run("dues", "summary", "--month", "2025-10");
        assertThat(summary.out()).contains("收缴率 0.00%");
        assertThat(run("dues", "roll", "--month", "2026-11").out()).contains("无需变动");
    }

    @Test
    void badMonthIsExitCodeTwo() {
        run("init", "--demo");
        Run r = run("dues", "roll", "--month", "2026/11");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("YYYY-MM");
    }
}
