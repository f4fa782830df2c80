package cn.uniondesk.cli;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.report.ReportCatalog;
import cn.uniondesk.service.report.ReportConfig;
import cn.uniondesk.service.report.ReportService;
import cn.uniondesk.service.report.ReportSheet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code report monthly|yearly|config}: the monthly report set, the yearly summary, what the set holds. */
@Command(name = "report", description = "reports (报表): the monthly set, the yearly summary, their configuration",
        subcommands = {ReportCommand.Monthly.class, ReportCommand.Yearly.class, ReportCommand.Roster.class,
            ReportCommand.Config.class})
final class ReportCommand {
    @ParentCommand
    UnionDeskCommand root;

    enum Format { xlsx, pdf, both }

    static Set<ReportService.Format> formats(Format f) {
        return switch (f) {
            case xlsx -> EnumSet.of(ReportService.Format.XLSX);
            case pdf -> EnumSet.of(ReportService.Format.PDF);
            case both -> EnumSet.allOf(ReportService.Format.class);
        };
    }

    /** Prints the files; failed checks go to stderr and make the exit code 3. */
    static int done(UnionDeskCommand root, ReportService.Written w) {
        PrintWriter out = root.spec().commandLine().getOut();
        w.files().forEach(out::println);
        if (w.failedChecks().isEmpty()) {
            return UnionDeskCommand.OK;
        }
        PrintWriter err = root.spec().commandLine().getErr();
        for (ReportSheet.Check c : w.failedChecks()) {
            err.println(root.messages().get("cli.report.checkFailed", c.rule(), c.figures()));
        }
        return UnionDeskCommand.REJECTED;
    }

    @Command(name = "monthly", description = "the monthly report set: one workbook (a sheet per report) and one PDF")
    static final class Monthly implements Callable<Integer> {
        @ParentCommand
        ReportCommand parent;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the files")
        Path out;

        @Option(names = "--format", description = "xlsx, pdf or both (default both)")
        Format format = Format.both;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            YearMonth m = DuesCommand.month(root, month);
            return root.withContext(ctx -> done(root, ctx.reports().writeMonthly(m, out, formats(format))));
        }
    }

    @Command(name = "yearly", description = "the yearly summary for the 工会统计年报 (statistical year 1 Oct - 30 Sep)")
    static final class Yearly implements Callable<Integer> {
        @ParentCommand
        ReportCommand parent;

        @Option(names = "--year", required = true, paramLabel = "YYYY",
                description = "the statistical year: 2026 is 2025-10-01 to 2026-09-30")
        int year;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(names = "--format", description = "xlsx, pdf or both (default both)")
        Format format = Format.both;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            if (year < 2000 || year > 2100) {
                throw new UsageException(root.messages().get("cli.report.badYear", year));
            }
            return root.withContext(ctx -> done(root, ctx.reports().writeYearly(year, out, formats(format))));
        }
    }

    @Command(name = "roster", description = "会员花名册 as PDF (ID numbers masked)")
    static final class Roster implements Callable<Integer> {
        @ParentCommand
        ReportCommand parent;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Option(names = "--limit", paramLabel = "N", description = "at most N members (default: all)")
        int limit;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.root;
            return root.withContext(ctx -> {
                int n = ctx.reports().writeRosterPdf(out, limit);
                root.spec().commandLine().getOut().println(root.messages().get("cli.report.roster", out, n));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "config", description = "which reports and columns the monthly set holds",
            subcommands = {Show.class, SetConfig.class, Reset.class})
    static final class Config {
        @ParentCommand
        ReportCommand parent;
    }

    static void print(Messages m, PrintWriter out, ReportConfig c) {
        out.println(m.get("cli.report.config.sheets", String.join(",", c.monthlySheets())));
        for (ReportCatalog.Definition d : ReportCatalog.MONTHLY) {
            Set<String> hidden = c.hidden(d.id());
            List<String> shown = d.hideable().stream().filter(k -> !hidden.contains(k)).toList();
            out.println(m.get("cli.report.config.sheet", d.id(), d.title(),
                    m.get(c.monthlySheets().contains(d.id()) ? "cli.report.config.on" : "cli.report.config.off"),
                    String.join(",", shown), hidden.isEmpty() ? "-" : String.join(",", hidden)));
        }
        out.println(m.get("cli.report.config.codes", c.statCode() == null ? "-" : c.statCode(),
                c.regionCode() == null ? "-" : c.regionCode(), c.dueDay()));
    }

    @Command(name = "show", description = "the configuration and every report's columns")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        Config parent;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.parent.root;
            return root.withContext(ctx -> {
                print(root.messages(), root.spec().commandLine().getOut(), ctx.reports().config());
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "set", description = "change what the monthly set holds (administrators)")
    static final class SetConfig implements Callable<Integer> {
        @ParentCommand
        Config parent;

        @Option(names = "--sheets", split = ",", paramLabel = "ID",
                description = "the reports of the monthly set, in order: membership,dues,fund,aid")
        List<String> sheets;

        @Option(names = "--hide", paramLabel = "ID=COL,COL",
                description = "the columns to hide in a report (replaces its list; ID= shows all again)")
        List<String> hide = new ArrayList<>();

        @Option(names = "--stat-code", paramLabel = "CODE", description = "统计代码 of the union")
        String statCode;

        @Option(names = "--region-code", paramLabel = "CODE", description = "行政区划代码 of the union")
        String regionCode;

        @Option(names = "--due-day", paramLabel = "N", description = "day of the next month the monthly report is due")
        Integer dueDay;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.parent.root;
            Messages m = root.messages();
            Map<String, Set<String>> changes = new LinkedHashMap<>();
            for (String h : hide) {
                int eq = h.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException(m.get("cli.report.badHide", h));
                }
                Set<String> cols = new TreeSet<>();
                for (String c : h.substring(eq + 1).split(",")) {
                    if (!c.isBlank()) {
                        cols.add(c.strip());
                    }
                }
                changes.put(h.substring(0, eq).strip(), cols);
            }
            return root.withContext(ctx -> {
                ReportConfig c = ctx.reports().config();
                Map<String, Set<String>> hidden = new LinkedHashMap<>(c.hiddenColumns());
                hidden.putAll(changes);
                ReportConfig next = new ReportConfig(sheets == null ? c.monthlySheets()
                        : sheets.stream().map(String::strip).toList(), hidden,
                        statCode == null ? c.statCode() : statCode, regionCode == null ? c.regionCode() : regionCode,
                        dueDay == null ? c.dueDay() : dueDay);
                ctx.reports().saveConfig(next);
                print(m, root.spec().commandLine().getOut(), ctx.reports().config());
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "reset", description = "back to the default: every report, every column")
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        Config parent;

        @Override
        public Integer call() {
            UnionDeskCommand root = parent.parent.root;
            return root.withContext(ctx -> {
                ctx.reports().resetConfig();
                print(root.messages(), root.spec().commandLine().getOut(), ctx.reports().config());
                return UnionDeskCommand.OK;
            });
        }
    }
}
