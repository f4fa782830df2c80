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
@Command(name = "sample", description = "sample data", subcommands = {SampleCommand.Generate.class, SampleCommand.Payroll.class})
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

    /**
     * {@code sample payroll --month M --out FILE}: a payroll deduction sheet for the month's roll
     * of this data folder, as payroll would send it — with three deliberate mistakes (one amount
     * off by 5 yuan, one member left out, one deduction from a non-member) to try reconciliation.
     */
    @Command(name = "payroll", description = "write a payroll deduction sheet for a month, with three deliberate mismatches")
    static final class Payroll implements Callable<Integer> {
        @ParentCommand
        SampleCommand parent;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;

        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx")
        Path out;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            java.time.YearMonth ym = DuesCommand.month(root, month);
            return root.withContext(ctx -> {
                java.util.List<cn.uniondesk.excel.PayrollSheet.Line> lines = new java.util.ArrayList<>();
                int i = 0;
                for (cn.uniondesk.domain.dues.Charge c : ctx.dues().monthCharges(ym)) {
                    if (c.amountFen() <= 0) {
                        continue;
                    }
                    i++;
                    if (i == 2) {
                        continue; // left out of the payroll
                    }
                    cn.uniondesk.domain.Member m = ctx.members().get(c.memberId());
                    long amount = i == 1 ? c.amountFen() + 500 : c.amountFen();
                    lines.add(new cn.uniondesk.excel.PayrollSheet.Line(0, m.name(), m.idNumber().value(), m.cardNo(),
                            amount));
                }
                String body = "32050519700101" + "999";
                lines.add(new cn.uniondesk.excel.PayrollSheet.Line(0, "外包人员", body
                        + cn.uniondesk.domain.IdNumber.checkChar(body), "", 2500));
                cn.uniondesk.excel.PayrollSheet.write(ym.getYear() + "年" + ym.getMonthValue() + "月工资代扣会费明细",
                        lines, out);
                parent.root.spec().commandLine().getOut().println(out);
                return UnionDeskCommand.OK;
            });
        }
    }
}
