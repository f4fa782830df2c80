package cn.uniondesk.cli;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.app.UiMemoryBench;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.dues.Charge;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.sample.SampleGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code bench --case ui-memory}: a register of N generated members with two months of dues
 * (rolled, mostly paid by payroll deduction) in an encrypted data folder under {@code --work}
 * (kept and reused by later runs with the same N and seed), then the real window driven over it
 * by {@link UiMemoryBench} while the heap is measured. Run it under {@code xvfb-run -a} with the
 * packaged app's heap limit ({@code -Xmx512m}).
 */
final class UiMemoryCase {
    static final String USER = "bench";

    private UiMemoryCase() {
    }

    static int run(BenchCommand cmd, Path work, PrintWriter out, Messages m) throws Exception {
        Path data = work.resolve("ui-data-" + cmd.members + "-" + cmd.seed);
        Path marker = work.resolve("ui-data-" + cmd.members + "-" + cmd.seed + ".properties");
        Clock clock = Clock.systemDefaultZone();
        YearMonth month = YearMonth.now(clock);
        char[] password;
        if (Files.exists(marker) && AppContext.isInitialized(data)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(marker)) {
                p.load(r);
            }
            password = p.getProperty("password").toCharArray();
            out.println("reusing the data folder " + data + " (delete " + marker + " to generate it again)");
        } else {
            password = UUID.randomUUID().toString().toCharArray();
            setUp(cmd, data, password, clock, month, out);
            Properties p = new Properties();
            p.setProperty("password", new String(password));
            p.setProperty("user", USER);
            try (Writer w = Files.newBufferedWriter(marker)) {
                p.store(w, "bench --case ui-memory: throw-away account of the generated data folder");
            }
        }
        out.flush();
        System.gc();
        return UiMemoryBench.run(data, USER, password, month.toString(), BenchCommand.QUERIES, out);
    }

    /** The register, the previous and the current month rolled, 95 % and 90 % paid by payroll. */
    private static void setUp(BenchCommand cmd, Path data, char[] password, Clock clock, YearMonth month,
            PrintWriter out) throws IOException {
        try (AppContext ctx = AppContext.initialize(data, USER, password, false, clock)) {
            ctx.union().save(new UnionInfo("Bench union", "BENCH0001", null, null));
            long t0 = System.nanoTime();
            int n = ctx.benchData().loadGenerated(new SampleGenerator(cmd.seed, false), cmd.members,
                    BenchCommand.ROLL_MONTH.minusMonths(1));
            out.println("set-up: " + n + " members stored in " + ms(t0) + " ms");
            LocalDate today = LocalDate.now(clock);
            for (YearMonth mo : List.of(month.minusMonths(1), month)) {
                long t1 = System.nanoTime();
                ctx.dues().applyRoll(mo);
                List<DuesService.PaymentLine> pay = new ArrayList<>();
                int skipEvery = mo.equals(month) ? 10 : 20;
                for (Charge c : ctx.dues().monthCharges(mo)) {
                    if (c.amountFen() > 0 && c.memberId() % skipEvery != 0) {
                        pay.add(new DuesService.PaymentLine(c.memberId(), c.amountFen()));
                    }
                }
                ctx.dues().recordPayments(pay, DuesService.Method.PAYROLL, DuesService.payrollPaidOn(mo, today),
                        DuesService.payrollBatchRef(mo));
                out.println("set-up: " + mo + " rolled, " + pay.size() + " payroll payments, " + ms(t1) + " ms");
                out.flush();
            }
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
