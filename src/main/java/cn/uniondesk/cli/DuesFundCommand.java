package cn.uniondesk.cli;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.dues.UnionFund;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dues fund --month M [--payroll-total YUAN --received YUAN --remitted YUAN --share PERCENT]}:
 * shows a month's 工会经费 figures, or records them when the four amounts are given.
 */
@Command(name = "fund", description = "the month's union fund (工会经费): shows it, or records it when the four figures are given")
final class DuesFundCommand implements Callable<Integer> {
    @ParentCommand
    DuesCommand parent;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
    String month;

    @Option(names = "--payroll-total", paramLabel = "YUAN", description = "工资总额 of the month")
    String payrollTotal;

    @Option(names = "--received", paramLabel = "YUAN", description = "实收经费: what the employer paid in")
    String received;

    @Option(names = "--remitted", paramLabel = "YUAN", description = "已上解: what was passed upward")
    String remitted;

    @Option(names = "--share", paramLabel = "PERCENT", description = "上解比例, e.g. 40 or 40.5")
    String share;

    @Override
    public Integer call() {
        UnionDeskCommand root = parent.root;
        Messages m = root.messages();
        YearMonth ym = DuesCommand.month(root, month);
        long given = Stream.of(payrollTotal, received, remitted, share).filter(s -> s != null).count();
        if (given != 0 && given != 4) {
            throw new UsageException(m.get("dues.fund.cli.allFour"));
        }
        PrintWriter out = root.spec().commandLine().getOut();
        if (given == 0) {
            return root.withContext(ctx -> {
                Optional<DuesService.Fund> f = ctx.dues().fund(ym);
                if (f.isEmpty()) {
                    out.println(m.get("dues.fund.cli.none", ym.toString()));
                } else {
                    out.println(text(m, f.get()));
                }
                return UnionDeskCommand.OK;
            });
        }
        long payroll = amount(root, "--payroll-total", payrollTotal);
        long in = amount(root, "--received", received);
        long up = amount(root, "--remitted", remitted);
        int bp;
        try {
            bp = UnionFund.parsePercentBp(share);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException(m.get("dues.fund.cli.badShare", share));
        }
        return root.withContext(ctx -> {
            boolean overwrite = ctx.dues().fund(ym).isPresent();
            DuesService.Fund f = ctx.dues().recordFund(ym, payroll, in, up, bp);
            out.println(m.get(overwrite ? "dues.fund.cli.replaced" : "dues.fund.cli.recorded", ym.toString()));
            out.println(text(m, f));
            return UnionDeskCommand.OK;
        });
    }

    private static long amount(UnionDeskCommand root, String option, String text) {
        try {
            return Money.parseYuan(text).fen();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException(root.messages().get("dues.fund.cli.badAmount", option, text));
        }
    }

    static String text(Messages m, DuesService.Fund f) {
        return m.get("dues.fund.cli.show", f.month().toString(), yuan(f.payrollTotalFen()), yuan(f.dueFen()),
                yuan(f.receivedFen()), UnionFund.percentText(f.upperShareBp()), yuan(f.upperShareFen()),
                yuan(f.remittedFen()), yuan(f.retainedFen()));
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
