package cn.uniondesk.cli;

import cn.uniondesk.domain.cases.CaseRuleException;
import cn.uniondesk.domain.cases.Problem;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseDocumentService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The documents of aid and cases on the command line, for printing and scheduled use:
 * {@code cases ledger} (帮扶救助台账, xlsx or pdf), {@code cases form} (帮扶审批表) and
 * {@code cases notice} (公示). They work under any parent command: the root is found from the
 * command spec.
 */
final class CasesDocumentsCommand {
    private CasesDocumentsCommand() {
    }

    enum Format { xlsx, pdf }

    static UnionDeskCommand root(CommandSpec spec) {
        return (UnionDeskCommand) spec.root().userObject();
    }

    static LocalDate date(UnionDeskCommand root, String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException(root.messages().get("casedoc.cli.badDate", option, text));
        }
    }

    static LocalDate[] period(UnionDeskCommand root, String from, String to) {
        LocalDate f = date(root, "--from", from);
        LocalDate t = date(root, "--to", to);
        if (t.isBefore(f)) {
            throw new UsageException(root.messages().get("case.ledger.badPeriod", f.toString(), t.toString()));
        }
        return new LocalDate[] {f, t};
    }

    /** The output file's folder must exist; the format comes from the option or the file name. */
    static Format format(UnionDeskCommand root, Path out, Format given) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException(root.messages().get("casedoc.cli.noFolder", String.valueOf(parent)));
        }
        if (given != null) {
            return given;
        }
        return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf") ? Format.pdf : Format.xlsx;
    }

    /** Runs {@code work} on the authenticated context; a refused request becomes a usage error (exit 2). */
    static Integer run(UnionDeskCommand root, Function<cn.uniondesk.app.AppContext, Integer> work) {
        try {
            return root.withContext(work);
        } catch (CaseRuleException e) {
            Messages m = root.messages();
            throw new UsageException(e.problems().stream()
                    .map(p -> text(m, p)).collect(Collectors.joining("\n")));
        }
    }

    static String text(Messages m, Problem p) {
        return m.get(p.messageKey(), CaseRuleException.resolveArgs(p, m.locale(), m::get));
    }

    /** The options of the documents of a period (台账, 公示): the period, the format and the file. */
    static final class PeriodDocument {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
        String from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
        String to;

        @Option(names = "--format", description = "xlsx or pdf (default: from the file name: .pdf is pdf)")
        Format format;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;
    }

    @Command(name = "ledger", description = "帮扶救助台账: the aid paid in a period, as xlsx or pdf")
    static final class Ledger implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PeriodDocument doc;

        @Override
        public Integer call() {
            UnionDeskCommand root = root(spec);
            Messages m = root.messages();
            LocalDate[] p = period(root, doc.from, doc.to);
            Format f = format(root, doc.out, doc.format);
            Path out = doc.out;
            return run(root, ctx -> {
                CaseDocumentService.AidLedger l = f == Format.pdf ? ctx.caseDocuments().ledgerPdf(p[0], p[1], out, m)
                        : ctx.caseDocuments().ledgerXlsx(p[0], p[1], out, m);
                spec.commandLine().getOut().println(m.get("casedoc.cli.ledgerWritten", l.lines().size(),
                        l.totalPaid().toYuanString(), out));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "form", description = "帮扶审批表: the approval form of a case, as pdf")
    static final class Form implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CASE", description = "case number (BF2026-0001) or id")
        String caseKey;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf")
        Path out;

        @Option(names = "--unmasked", description = "print ID and account numbers in full (needs --reason; audited)")
        boolean unmasked;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why the full numbers are needed")
        String reason;

        @Override
        public Integer call() {
            UnionDeskCommand root = root(spec);
            Messages m = root.messages();
            format(root, out, Format.pdf);
            if (unmasked && (reason == null || reason.isBlank())) {
                throw new UsageException(m.get("sensitive.reasonRequired"));
            }
            return run(root, ctx -> {
                long id = ctx.cases().find(caseKey).id();
                CaseDocumentService.ApprovalForm f = ctx.caseDocuments().approvalForm(id, out, m,
                        unmasked ? reason : null);
                spec.commandLine().getOut().println(m.get("casedoc.cli.formWritten", f.caseNo(), out));
                return UnionDeskCommand.OK;
            });
        }
    }

    @Command(name = "notice", description = "公示: the aid paid in a period, names partly masked, no ID numbers")
    static final class Notice implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PeriodDocument doc;

        @Override
        public Integer call() {
            UnionDeskCommand root = root(spec);
            Messages m = root.messages();
            LocalDate[] p = period(root, doc.from, doc.to);
            Format f = format(root, doc.out, doc.format);
            Path out = doc.out;
            return run(root, ctx -> {
                CaseDocumentService.Notice n = f == Format.xlsx ? ctx.caseDocuments().noticeXlsx(p[0], p[1], out, m)
                        : ctx.caseDocuments().notice(p[0], p[1], out, m);
                spec.commandLine().getOut().println(m.get("casedoc.cli.noticeWritten", n.lines().size(),
                        n.total().toYuanString(), out));
                return UnionDeskCommand.OK;
            });
        }
    }
}
