package cn.uniondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.testing.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --case ui-memory} on a small register: the real window (headless Monocle here) is
 * signed into, every step of the walk finishes, and the heap table is printed.
 */
class BenchUiMemoryTest {
    @TempDir
    Path dir;

    @Test
    void uiMemoryCaseWalksTheRealWindowAndPrintsTheHeapPerStep() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UnionDeskCommand.run(new String[] {"--data", dir.resolve("cli").toString(), "bench", "--members",
            "300", "--case", "ui-memory", "--work", dir.resolve("w").toString()}, new PrintWriter(out),
                new PrintWriter(err), Map.of(), TestApp.CLOCK);

        String text = out.toString();
        assertThat(code).as(text + err).isZero();
        assertThat(text).contains("members listed: 300")
                .contains("memberTable: 300 rows, last visible 299")
                .contains("20 queries, 72 keystrokes")
                .contains("report status: 已生成")
                .contains("duesTable: 300 rows, last visible 299")
                .contains("| members: scroll whole table |")
                .contains("| exit (backup, close) |")
                .doesNotContain("FAILED");
    }

    @Test
    void uiMemoryIsAcceptedAsACaseName() {
        assertThat(new BenchCommand.CaseConverter().convert("ui-memory")).isEqualTo(BenchCommand.Case.ui_memory);
        assertThat(new BenchCommand.CaseConverter().convert("roll")).isEqualTo(BenchCommand.Case.roll);
    }
}
