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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data", dir.toString(), "--lang", "zh"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UnionDeskCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void initDemoThenCsvListsEveryDemoMemberWithValidIdNumbers() {
        Run init = run("init", "--demo");
        assertThat(init.code()).isZero();
        assertThat(init.out()).contains("演示工会");

        Run list = run("members", "list", "--format", "csv", "--unmasked");
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
        run("init");
        Run show = run("members", "show", "GH-NOPE");
        assertThat(show.code()).isEqualTo(2);
        assertThat(show.err().strip()).contains("找不到会员").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void badStatusIsExitCodeTwo() {
        run("init");
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
    void initWithoutDemoLoadsNoMembers() {
        Run r = run("init");
        assertThat(r.code()).isZero();
        assertThat(run("members", "list", "--format", "csv").out().strip().split("\n")).hasSize(1);
    }

    @Test
    void sampleGenerateIsDeterministic() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertThat(run("sample", "generate", "--members", "50", "--seed", "7", "--out", a.toString()).code()).isZero();
        assertThat(run("sample", "generate", "--members", "50", "--seed", "7", "--out", b.toString()).code()).isZero();
        assertThat(java.nio.file.Files.readString(a)).isEqualTo(java.nio.file.Files.readString(b));
    }
}
