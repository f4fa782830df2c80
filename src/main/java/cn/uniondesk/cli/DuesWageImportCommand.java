package cn.uniondesk.cli;

import cn.uniondesk.domain.Money;
import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.WageImportService;
import cn.uniondesk.service.WageImportService.Kind;
import cn.uniondesk.service.WageImportService.Line;
import cn.uniondesk.service.WageImportService.Report;
import cn.uniondesk.service.WageImportService.Warning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dues wage-import FILE --month YYYY-MM [--apply] [--book-back-dues]}: wage bases from the
 * office's wage sheet. A dry run by default (prints what each row comes to and the back-dues);
 * {@code --apply} writes the changes in one transaction when no row is an error.
 */
@Command(name = "wage-import", description = "wage bases from a wage sheet (xlsx/xls/csv): dry run, then --apply")
final class DuesWageImportCommand implements Callable<Integer> {
    @ParentCommand
    DuesCommand parent;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM",
            description = "the month the wages apply from (rows with a month column of their own keep theirs)")
    String month;

    @Option(names = "--apply", description = "write the changes (nothing is written when a row is an error)")
    boolean apply;

    @Option(names = "--book-back-dues", description = "with --apply: also book the back-dues (补交) shown")
    boolean bookBackDues;

    @Override
    public Integer call() {
        UnionDeskCommand root = parent.root;
        Messages m = root.messages();
        YearMonth ym = DuesCommand.month(root, month);
        PrintWriter out = root.spec().commandLine().getOut();
        return root.withContext(ctx -> {
            Report r;
            try {
                r = ctx.wageImport().dryRun(file, ym);
            } catch (UnusableFileException e) {
                throw new UsageException(m.get("cli.import.unusable", file.getFileName(),
                        m.get(e.messageKey(), e.args().toArray())));
            }
            print(r, m, out, file.getFileName().toString());
            if (r.hasErrors()) {
                out.println(m.get("dues.wage.hasErrors", r.errors().size(), row(r.errors().get(0))));
                return UnionDeskCommand.REJECTED;
            }
            if (!apply) {
                out.println(m.get("dues.wage.needApply"));
                return UnionDeskCommand.OK;
            }
            if (r.changed().isEmpty()) {
                out.println(m.get("dues.wage.nothing"));
                return UnionDeskCommand.OK;
            }
            Report done = ctx.wageImport().apply(file, ym, bookBackDues);
            out.println(m.get("dues.wage.applied", done.changed().size(), done.backDuesBooked()
                    ? m.get("dues.wage.appliedBack", yuan(done.backDuesTotalFen())) : ""));
            return UnionDeskCommand.OK;
        });
    }

    static void print(Report r, Messages m, PrintWriter out, String fileName) {
        out.println(m.get("dues.wage.summary", fileName, r.format(), r.count(Kind.CHANGED), r.count(Kind.UNCHANGED),
                r.count(Kind.NOT_FOUND), r.count(Kind.NOT_A_MEMBER), r.count(Kind.DUPLICATE), r.errors().size(),
                r.warnings()));
        for (Line l : r.lines()) {
            String text = switch (l.kind()) {
                case CHANGED -> m.get("dues.wage.line.CHANGED", row(l), l.name(), nz(l.cardNo()),
                        l.oldFen() == null ? "-" : yuan(l.oldFen()), yuan(l.newFen()), l.from().toString(),
                        l.backDuesFen() == 0 ? "" : m.get("dues.wage.line.back", yuan(l.backDuesFen())));
                case UNCHANGED -> null;
                case NOT_FOUND -> m.get("dues.wage.line.NOT_FOUND", row(l), l.name());
                case NOT_A_MEMBER -> m.get("dues.wage.line.NOT_A_MEMBER", row(l), l.name(), nz(l.cardNo()),
                        m.get("status." + l.detail()));
                case DUPLICATE -> m.get("dues.wage.line.DUPLICATE", row(l), l.name(), String.valueOf(l.firstRow()));
                case DUPLICATE_CONFLICT -> m.get("dues.wage.line.DUPLICATE_CONFLICT", row(l), l.name(),
                        String.valueOf(l.firstRow()));
                case INVALID_AMOUNT -> m.get("dues.wage.line.INVALID_AMOUNT", row(l), l.name(), l.detail());
                case INVALID_MONTH -> m.get("dues.wage.line.INVALID_MONTH", row(l), l.name(), l.detail());
            };
            if (text != null) {
                out.println(text);
            }
            for (Warning w : l.warnings()) {
                out.println(switch (w) {
                    case NAME_MISMATCH -> m.get("dues.wage.warn.NAME_MISMATCH", row(l), l.name(),
                            nz(l.registerName()));
                    case ID_INVALID -> m.get("dues.wage.warn.ID_INVALID", row(l));
                });
            }
        }
        if (!r.backDues().isEmpty()) {
            out.println(m.get("dues.wage.backTotal", r.backDues().size(), r.backDuesMonths(),
                    yuan(r.backDuesTotalFen())));
        }
    }

    private static String row(Line l) {
        return String.valueOf(l.rowNumber());
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
