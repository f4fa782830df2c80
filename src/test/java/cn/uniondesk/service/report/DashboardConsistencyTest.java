package cn.uniondesk.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.Method;
import cn.uniondesk.service.LifecycleRequest;
import cn.uniondesk.service.report.DashboardService.Dashboard;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard read from the running figures (decision 0010) equals the dashboard computed from
 * every row, after each kind of write, seen from many days (so the trend, this and last month's
 * dues and the arrears of every month from January 2026 to March 2027 are all compared).
 */
class DashboardConsistencyTest {
    @TempDir
    Path dir;
    AppContext ctx;
    ReportFixture f;

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir);
        f = new ReportFixture().load(ctx);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    /** The days the dashboard is compared on: the 15th of each month from Feb 2026 to Apr 2027, and today. */
    private static List<LocalDate> days() {
        List<LocalDate> out = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2026, 2); !m.isAfter(YearMonth.of(2027, 4)); m = m.plusMonths(1)) {
            out.add(m.atDay(15));
        }
        out.add(LocalDate.of(2026, 11, 23));
        out.add(LocalDate.of(2026, 11, 30));
        return out;
    }

    private void assertRunningFiguresExact(String after) {
        for (LocalDate day : days()) {
            Dashboard running = ctx.dashboard().dashboard(day);
            Dashboard scratch = ctx.dashboard().recomputed(day);
            assertThat(running).as("dashboard of %s after %s", day, after).isEqualTo(scratch);
            // and the arrears are the dues screen's 欠缴 list of last month
            assertThat(running.arrears()).as("arrears of %s after %s", running.arrearsMonth(), after)
                    .isEqualTo(ctx.dues().arrears(running.arrearsMonth()).size());
        }
        // the dues monthly report's outstanding comes from the running balances too
        for (YearMonth m = YearMonth.of(2026, 8); !m.isAfter(YearMonth.of(2027, 2)); m = m.plusMonths(1)) {
            DuesService.MonthlyReport report = ctx.dues().monthlyReport(m);
            assertThat(report.totals().outstandingFen()).as("outstanding at %s after %s", m, after)
                    .isEqualTo(ctx.dues().arrears(m).stream().mapToLong(DuesService.Arrears::owedFen).sum());
            assertThat(report.lines().stream().mapToLong(DuesService.ReportLine::dueFen).sum())
                    .isEqualTo(ctx.dues().collection(m).dueFen());
            DuesService.MonthlyReport summary = ctx.dues().monthlySummary(m);
            assertThat(summary.departments()).isEqualTo(report.departments());
            assertThat(summary.totals()).isEqualTo(report.totals());
            assertThat(summary.totals()).isEqualTo(ctx.dues().collection(m));
            assertThat(summary.lines()).isEmpty();
        }
    }

    @Test
    void rollsAndRerollsKeepTheFiguresExact() {
        assertRunningFiguresExact("the fixture (no dues)");
        ctx.dues().applyRoll(ReportFixture.OCT);
        ctx.dues().applyRoll(ReportFixture.NOV);
        assertRunningFiguresExact("rolling October and November");
        assertThat(ctx.dashboard().dashboard().arrears()).isPositive();

        // a raise from October booked as back-dues; another from November: November's re-roll replaces a charge
        ctx.dues().setWage(f.m2, ReportFixture.OCT, 900_000);
        assertThat(ctx.dues().bookBackDues(f.m2, ReportFixture.OCT).charges()).isNotEmpty();
        assertRunningFiguresExact("back-dues");
        ctx.dues().setWage(f.m1, ReportFixture.NOV, 900_000);
        DuesService.RollPreview p = ctx.dues().applyRoll(ReportFixture.NOV);
        assertThat(p.changed()).isNotEmpty();
        assertRunningFiguresExact("re-rolling November after a raise");

        // December rolled ahead, then a member leaves before it: the re-roll removes their charge
        ctx.dues().applyRoll(YearMonth.of(2026, 12));
        assertRunningFiguresExact("rolling December");
        ctx.members().applyLifecycle(f.m3, new LifecycleRequest(MemberEventType.LEAVE, LocalDate.of(2026, 11, 23),
                "本人申请", null, null));
        DuesService.RollPreview dec = ctx.dues().applyRoll(YearMonth.of(2026, 12));
        assertThat(dec.removed()).isNotEmpty();
        assertRunningFiguresExact("re-rolling December after a leave");
        // an older month rolled after later ones
        ctx.dues().applyRoll(YearMonth.of(2026, 9));
        assertRunningFiguresExact("rolling September after December");
    }

    @Test
    void paymentsVoidsRefundsAndPayrollKeepTheFiguresExact() {
        ctx.dues().applyRoll(ReportFixture.OCT);
        ctx.dues().applyRoll(ReportFixture.NOV);
        long due = ctx.dues().monthCharges(ReportFixture.OCT).stream().filter(c -> c.memberId() == f.m1)
                .mapToLong(cn.uniondesk.domain.dues.Charge::amountFen).sum();

        DuesService.PaymentResult cash = ctx.dues().recordPayment(f.m1, due, Method.CASH, LocalDate.of(2026, 11, 23),
                null, "现金", true);
        assertRunningFiguresExact("a cash payment with receipt");
        int[] number = DuesService.parseReceiptNumber(cash.receiptNo());
        ctx.dues().voidReceipt(number[0], number[1], "金额写错");
        assertRunningFiguresExact("voiding the receipt");

        // paid late for October but dated in October: last month's arrears change
        ctx.dues().recordPayment(f.m7, due, Method.TRANSFER, LocalDate.of(2026, 10, 31), null, null, false);
        assertRunningFiguresExact("a back-dated transfer");
        // paid months ahead, then part refunded
        ctx.dues().recordPayment(f.m8, 10_000, Method.CASH, LocalDate.of(2026, 9, 10), null, null, false);
        assertRunningFiguresExact("a payment before any dues were due");
        ctx.dues().recordPayment(f.m8, 4_000, Method.REFUND, LocalDate.of(2026, 12, 2), null, "退多缴", false);
        assertRunningFiguresExact("a refund");
        ctx.dues().recordPayment(f.m4, 1_000, Method.CASH, LocalDate.of(2027, 1, 5), null, null, false);
        assertRunningFiguresExact("a payment dated next year");

        // the month's payroll deduction, reconciled and booked (one line differs and is accepted)
        List<DuesService.PayrollDeduction> sheet = new ArrayList<>();
        int row = 2;
        for (var c : ctx.dues().monthCharges(ReportFixture.NOV)) {
            var m = ctx.members().get(c.memberId());
            long amount = c.memberId() == f.m1 ? c.amountFen() + 100 : c.amountFen();
            sheet.add(new DuesService.PayrollDeduction(row++, m.name(), m.idNumber().value(), m.cardNo(), amount));
        }
        DuesService.Reconciliation r = ctx.dues().reconcile(ReportFixture.NOV, sheet);
        Set<Integer> accept = new java.util.HashSet<>();
        r.mismatches().forEach(mm -> accept.add(mm.id()));
        ctx.dues().applyReconciliation(r, accept, LocalDate.of(2026, 11, 23),
                DuesService.payrollBatchRef(ReportFixture.NOV));
        assertRunningFiguresExact("booking the payroll deduction");

        // a bulk booking dated in an earlier month than the last one with dues
        ctx.dues().applyRoll(YearMonth.of(2026, 12));
        List<DuesService.PaymentLine> lines = new ArrayList<>();
        for (var c : ctx.dues().monthCharges(ReportFixture.OCT)) {
            if (c.amountFen() > 0) {
                lines.add(new DuesService.PaymentLine(c.memberId(), c.amountFen()));
            }
        }
        ctx.dues().recordPayments(lines, Method.PAYROLL, LocalDate.of(2026, 10, 31), "2026-10 补扣");
        assertRunningFiguresExact("a back-dated payroll batch");
    }

    @Test
    void lifecycleStepsAndDepartmentMovesKeepTheFiguresExact() {
        ctx.dues().applyRoll(ReportFixture.OCT);
        ctx.dues().applyRoll(ReportFixture.NOV);
        ctx.dues().recordPayment(f.m1, 2_500, Method.CASH, LocalDate.of(2026, 11, 20), null, null, false);
        assertRunningFiguresExact("the fixture with dues");

        long a = ctx.members().departmentNamed("一车间").id();
        long b = ctx.members().departmentNamed("二车间").id();
        long c = ctx.members().departmentNamed("三车间").id();
        long joined = ctx.members().register(ReportFixture.draft("陈新", ReportFixture.id("19900303", 81), c, false,
                LocalDate.of(2026, 11, 21), "C9", "4500"), null).memberId();
        assertRunningFiguresExact("a join");
        ctx.members().register(ReportFixture.draft("何远", ReportFixture.id("19880808", 91), b, false,
                LocalDate.of(2020, 1, 1), "C10", "4500"), new LifecycleRequest(MemberEventType.TRANSFER_IN,
                        LocalDate.of(2026, 11, 22), null, "转字009号", "外厂工会"));
        assertRunningFiguresExact("a transfer in");
        ctx.members().applyLifecycle(f.m1, new LifecycleRequest(MemberEventType.TRANSFER_OUT,
                LocalDate.of(2026, 11, 21), "调动", "转字010号", "相城区某厂工会"));
        assertRunningFiguresExact("a transfer out");
        ctx.members().applyLifecycle(f.m4, new LifecycleRequest(MemberEventType.DECEASE, LocalDate.of(2026, 11, 22),
                "病故", null, null));
        assertRunningFiguresExact("a death");
        ctx.members().applyLifecycle(f.m3, new LifecycleRequest(MemberEventType.LEAVE, LocalDate.of(2026, 11, 15),
                "补录：早已离职", null, null));
        assertRunningFiguresExact("a back-dated leave");
        ctx.members().applyLifecycle(f.m5, new LifecycleRequest(MemberEventType.JOIN, LocalDate.of(2026, 11, 22), null,
                null, null));
        assertRunningFiguresExact("a member joining again");

        // a member moves to another department: their dues of every month move with them
        ctx.members().update(f.m7, ReportFixture.draft("吴国强", ReportFixture.id("19850101", 61), c, false,
                LocalDate.of(2010, 1, 1), "C7", "5000"));
        ctx.members().update(joined, ReportFixture.draft("陈新", ReportFixture.id("19900303", 81), a, true,
                LocalDate.of(2026, 11, 21), "C9", "4500"));
        assertRunningFiguresExact("department moves");
        ctx.dues().applyRoll(ReportFixture.NOV);
        assertRunningFiguresExact("re-rolling after the steps");
    }
}
