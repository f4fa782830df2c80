package cn.uniondesk.cli;

import cn.uniondesk.service.sample.SampleCsv;
import cn.uniondesk.service.sample.SampleGenerator;
import cn.uniondesk.service.sample.SampleWorkbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sample generate --members N --seed S --out FILE}: fictitious members for demos and benchmarks. */
@Command(name = "sample", description = "sample data", subcommands = SampleCommand.Generate.class)
final class SampleCommand {
    @ParentCommand
    UnionDeskCommand root;

    @Command(name = "generate", description = "write N fictitious members (deterministic for a seed) to a CSV file, or .xlsx when FILE ends in .xlsx")
    static final class Generate implements Callable<Integer> {
        @ParentCommand
        SampleCommand parent;

        @Option(names = "--members", required = true, paramLabel = "N")
        int members;

        @Option(names = "--seed", paramLabel = "S")
        long seed = 1;

        @Option(names = "--with-status-changes", description = "some members transferred out, left, retired or died")
        boolean statusChanges;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            if (members < 1 || members > 1_000_000) {
                throw new UsageException(parent.root.messages().get("cli.sample.range"));
            }
            SampleGenerator g = new SampleGenerator(seed, statusChanges);
            try {
                if (out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                    SampleWorkbook.write(g, members, out, parent.root.messages().get("export.template.sheet"));
                } else {
                    Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        SampleCsv.write(g.generate(members), w);
                    }
                    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            parent.root.spec().commandLine().getOut().println(parent.root.messages().get("cli.sample.written", members, out));
            return UnionDeskCommand.OK;
        }
    }
}
