package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.service.ImportFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembersImportCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        List<String> a = new ArrayList<>(List.of("--lang", "zh", "--data", dir.resolve("data").toString()));
        a.addAll(List.of(args));
        return UnionDeskCommand.run(a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                java.util.Map.of("UNIONDESK_USER", "chair", "UNIONDESK_PASSWORD", "chair-password"),
                cn.uniondesk.testing.TestApp.CLOCK);
    }

    @org.junit.jupiter.api.BeforeEach
    void setUpDataFolder() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "chair-password\n");
        assertThat(run("init", "--admin-user", "chair", "--admin-password-file", pw.toString())).isZero();
    }

    @Test
    void importExitCodesSummaryLineAndExport() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(ImportFixtures.HEAD));
        rows.add(ImportFixtures.row("张三", "男", ImportFixtures.id(1), null, "2024-03-05", null, null));
        Path good = ImportFixtures.xlsx(dir, "good.xlsx", rows);
        rows.add(ImportFixtures.row("坏", "男", "123", null, "2024-03-05", null, null));
        Path bad = ImportFixtures.xlsx(dir, "bad.xlsx", rows);

        assertThat(run("members", "import", bad.toString(), "--report", dir.resolve("r.xlsx").toString())).isEqualTo(3);
        assertThat(out.toString().trim()).isEqualTo("rows=2 ok=1 warnings=0 errors=1 imported=0 updated=0 skipped=0");
        assertThat(err.toString()).contains("第3行");
        assertThat(dir.resolve("r.xlsx")).exists();

        assertThat(run("members", "import", good.toString(), "--dry-run")).isZero();
        assertThat(out.toString().trim()).isEqualTo("rows=1 ok=1 warnings=0 errors=0 imported=0 updated=0 skipped=0");
        assertThat(run("members", "import", good.toString())).isZero();
        assertThat(out.toString().trim()).isEqualTo("rows=1 ok=1 warnings=0 errors=0 imported=1 updated=0 skipped=0");

        Path junk = dir.resolve("junk.xlsx");
        Files.writeString(junk, "not a workbook");
        assertThat(run("members", "import", junk.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).doesNotContain("\n").contains("junk.xlsx");

        Path roster = dir.resolve("roster.xlsx");
        assertThat(run("members", "export", "--out", roster.toString())).isZero();
        assertThat(roster).exists();
        assertThat(run("members", "template", "--out", dir.resolve("t.xlsx").toString())).isZero();
        Path sample = dir.resolve("s.xlsx");
        assertThat(run("sample", "generate", "--members", "20", "--seed", "3", "--out", sample.toString())).isZero();
        assertThat(run("members", "import", sample.toString(), "--dry-run", "--create-departments")).isZero();
        assertThat(out.toString()).startsWith("rows=20 ");
    }
}
