package cn.uniondesk.cli;

import cn.uniondesk.testing.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of the command line in a test: exit code, standard output and standard error. */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} on the data folder {@code data}, in Chinese, as the demo administrator, at the test clock. */
    static CliRun asDemo(Path data, String... args) {
        return as(data, "demo", args);
    }

    /** Runs {@code args} on {@code data} as {@code user} (password demo1234), in Chinese, at the test clock. */
    static CliRun as(Path data, String user, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", data.toString(), "--lang", "zh"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UnionDeskCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of("UNIONDESK_USER", user, "UNIONDESK_PASSWORD", "demo1234"), TestApp.CLOCK);
        return new CliRun(code, out.toString(), err.toString());
    }
}
