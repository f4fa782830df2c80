package cn.uniondesk.cli;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.dues.Charge;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.report.DashboardService;
import cn.uniondesk.service.report.ReportService;
import cn.uniondesk.service.sample.SampleGenerator;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code bench --case dashboard}: generated members, last month and this month rolled and mostly
 * paid by payroll (set-up, timed apart), then the 工作台 on its first visit, again, after one cash
 * payment, and the full monthly report set; wall and thread CPU time of each step.
 */
final class DashboardBench {
    private DashboardBench() {
    }

    static int run(AppContext ctx, int members, long seed, Path work, PrintWriter out) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LocalDate today = LocalDate.now();
        YearMonth month = YearMonth.from(today);
        YearMonth last = month.minusMonths(1);
        time(out, threads, "load " + members + " generated members", () -> ctx.benchData()
                .loadGenerated(new SampleGenerator(seed, false), members, last.minusMonths(1)));
        time(out, threads, "roll " + last, () -> ctx.dues().applyRoll(last).added().size());
        time(out, threads, "payroll " + last + " (paid on its last day)", () -> payroll(ctx, last, last.atEndOfMonth(), 10));
        time(out, threads, "roll " + month, () -> ctx.dues().applyRoll(month).added().size());
        time(out, threads, "payroll " + month + " (paid today)", () -> payroll(ctx, month, today, 5));
        DashboardService.Dashboard first = time(out, threads, "dashboard, first visit", () -> ctx.dashboard().dashboard());
        out.println("  members=" + first.membersNow() + " due=" + first.dueFen() + " paid=" + first.paidFen()
                + " arrears(" + first.arrearsMonth() + ")=" + first.arrears() + " departments=" + first.departments().size());
        time(out, threads, "dashboard, again", () -> ctx.dashboard().dashboard());
        long someone = ctx.dues().monthCharges(month).get(0).memberId();
        time(out, threads, "change: one cash payment with receipt", () -> ctx.dues().recordPayment(someone, 500,
                DuesService.Method.CASH, today, null, "bench", true));
        DashboardService.Dashboard after = time(out, threads, "dashboard, first visit after the change",
                () -> ctx.dashboard().dashboard());
        out.println("  paid=" + after.paidFen() + " (+" + (after.paidFen() - first.paidFen()) + ")");
        time(out, threads, "full monthly set " + month + " (workbook + PDF)", () -> ctx.reports().writeMonthly(month,
                work.resolve("reports"), EnumSet.allOf(ReportService.Format.class)));
        time(out, threads, "full monthly set, again", () -> ctx.reports().writeMonthly(month,
                work.resolve("reports"), EnumSet.allOf(ReportService.Format.class)));
        time(out, threads, "dues monthlyReport " + month + " alone", () -> ctx.dues().monthlyReport(month).lines().size());
        return UnionDeskCommand.OK;
    }

    /** Books the month's charges as payroll payments, except every {@code skip}-th member. */
    private static int payroll(AppContext ctx, YearMonth month, LocalDate paidOn, int skip) {
        List<DuesService.PaymentLine> pay = new ArrayList<>();
        for (Charge c : ctx.dues().monthCharges(month)) {
            if (c.amountFen() > 0 && c.memberId() % skip != 0) {
                pay.add(new DuesService.PaymentLine(c.memberId(), c.amountFen()));
            }
        }
        return ctx.dues().recordPayments(pay, DuesService.Method.PAYROLL, paidOn, DuesService.payrollBatchRef(month));
    }

    private static <T> T time(PrintWriter out, ThreadMXBean threads, String what, Supplier<T> step) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        T r = step.get();
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        out.println(String.format(Locale.ROOT, "%-48s wall %6d ms   cpu %6d ms", what, wall, cpu));
        out.flush();
        return r;
    }
}
