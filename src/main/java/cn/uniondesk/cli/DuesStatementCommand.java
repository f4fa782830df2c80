package cn.uniondesk.cli;

import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.Money;
import cn.uniondesk.excel.DuesStatementXlsx;
import cn.uniondesk.report.DuesStatementPdf;
import cn.uniondesk.service.DuesService;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dues statement --year Y [--member NO] [--format xlsx|pdf] --out FILE}: 年度会费对账单. */
@Command(name = "statement", description = "yearly per-member dues statement (年度会费对账单) as xlsx or pdf")
final class DuesStatementCommand implements Callable<Integer> {
    enum Format { xlsx, pdf }

    @ParentCommand
    DuesCommand parent;

    @Option(names = "--year", required = true, paramLabel = "YYYY")
    int year;

    @Option(names = "--member", paramLabel = "ID-OR-CARD", description = "one member (default: every member with dues in the year)")
    String member;

    @Option(names = "--format", description = "xlsx or pdf (default: from the file name)")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        UnionDeskCommand root = parent.root;
        if (year < 1990 || year > 2200) {
            throw new UsageException(root.messages().get("dues.statement.badYear", String.valueOf(year)));
        }
        Format f = format != null ? format
                : out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf") ? Format.pdf : Format.xlsx;
        return root.withContext(ctx -> {
            Long id = null;
            if (member != null) {
                Member mem = UnionDeskCommand.member(ctx, member);
                id = mem.id();
            }
            DuesService.YearlyStatement s = ctx.dues().yearlyStatement(year, id);
            String union = ctx.union().union().map(u -> u.name()).orElse("");
            if (f == Format.pdf) {
                DuesStatementPdf.write(s, union, out);
            } else {
                DuesStatementXlsx.write(s, union, out);
            }
            root.spec().commandLine().getOut().println(root.messages().get("dues.statement.written", out,
                    s.members().size(), Money.ofFen(s.dueFen()).toYuanString(),
                    Money.ofFen(s.paidFen()).toYuanString(), Money.ofFen(s.closingFen()).toYuanString()));
            return UnionDeskCommand.OK;
        });
    }
}
