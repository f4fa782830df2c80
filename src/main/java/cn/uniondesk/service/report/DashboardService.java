package cn.uniondesk.service.report;

import cn.uniondesk.db.ReportRepository;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.report.MembershipLedger;
import cn.uniondesk.domain.report.PeriodCounts;
import cn.uniondesk.service.Session;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.AbstractSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The figures of the 工作台 (dashboard) in one read: members now and at the end of each of the last
 * twelve months, this month's joins and leaves (with the members' ids, so a click can list them),
 * this month's dues collection overall and per department, members in arrears at the end of last
 * month (this month's dues are not late before payday), the next deadlines,
 * and the aid-case figures from {@link CaseFigures}. Reads the running figures that every write
 * keeps up to date (decision 0010), so the first visit after a change costs what later ones do.
 */
public final class DashboardService {
    private final ReportRepository repo;
    private final ReportService reports;
    private final CaseFigures cases;
    private final Session session;
    private final Clock clock;

    public DashboardService(ReportRepository repo, ReportService reports, CaseFigures cases,
            Session session, Clock clock) {
        this.repo = repo;
        this.reports = reports;
        this.cases = cases;
        this.session = session;
        this.clock = clock;
    }

    public record TrendPoint(YearMonth month, int members) {
    }

    public record DepartmentRate(YearMonth month, String department, long dueFen, long paidFen) {
        public Percent rate() {
            return Percent.of(Math.min(paidFen, dueFen), dueFen);
        }
    }

    public enum DeadlineKind {
        /** The monthly report upward for {@code period}. */
        MONTHLY_REPORT,
        /** Hardship files whose yearly review is due ({@code count} of them). */
        HARDSHIP_REVIEW
    }

    public record Deadline(DeadlineKind kind, LocalDate due, YearMonth period, int count) {
    }

    public record Dashboard(LocalDate today, YearMonth month, int membersNow, Set<Long> memberIds,
            List<TrendPoint> trend, int joined, Set<Long> joinedIds, int left, Set<Long> leftIds, long dueFen,
            long paidFen, List<DepartmentRate> departments, List<DepartmentRate> previousDepartments, int arrears, List<Deadline> deadlines,
            CaseFigures.Summary cases) {
        /**
         * The month whose end {@link #arrears} is counted at: the month before this one (this
         * month's dues are not late before payday).
         */
        public YearMonth arrearsMonth() {
            return month.minusMonths(1);
        }

        public Percent rate() {
            return Percent.of(Math.min(paidFen, dueFen), dueFen);
        }
    }

    /** Today's dashboard. */
    public Dashboard dashboard() {
        return dashboard(LocalDate.now(clock));
    }

    /**
     * The dashboard of {@code today} from the running figures (V9, decision 0010): a few small
     * tables and index look-ups, whatever the number of members. The list of members holding
     * membership today (behind the members figure) is read only when asked for.
     */
    public Dashboard dashboard(LocalDate today) {
        session.require(Permission.MEMBER_READ);
        YearMonth month = YearMonth.from(today);
        List<LocalDate> days = trendDays(today);
        int[] counts = repo.holdersOn(days);
        LocalDate from = month.atDay(1);
        int joined = 0;
        int left = 0;
        Set<Long> joinedIds = new HashSet<>();
        Set<Long> leftIds = new HashSet<>();
        for (ReportRepository.Mark m : repo.marksBetween(from, today)) {
            if (JOINED.contains(m.type())) {
                joined++;
                joinedIds.add(m.memberId());
            } else if (LEFT.contains(m.type())) {
                left++;
                leftIds.add(m.memberId());
            }
        }
        Set<Long> holders = new LazyIds(() -> repo.ledger().holderIds(today));
        return assemble(today, counts, holders, joined, joinedIds, left, leftIds, repo::dueAndPaidByDepartment,
                repo.arrearsCount(month.minusMonths(1)));
    }

    /**
     * The same dashboard computed from every member, event, charge and payment (seconds on
     * 100,000 members): what the running figures must always equal. For checks and tests.
     */
    public Dashboard recomputed(LocalDate today) {
        session.require(Permission.MEMBER_READ);
        YearMonth month = YearMonth.from(today);
        MembershipLedger ledger = repo.ledger();
        int[] counts = ledger.holdersOn(trendDays(today));
        LocalDate from = month.atDay(1);
        PeriodCounts c = ledger.count(from, today).total();
        Set<Long> joinedIds = ledger.idsWithEvent(from, today, JOINED);
        Set<Long> leftIds = ledger.idsWithEvent(from, today, LEFT);
        return assemble(today, counts, ledger.holderIds(today), c.joined() + c.transferredIn(), joinedIds,
                c.transferredOut() + c.left() + c.deceased(), leftIds, repo::dueAndPaidByDepartmentFromRows,
                repo.arrearsCountFromRows(month.minusMonths(1)));
    }

    private static final Set<MemberEventType> JOINED = EnumSet.of(MemberEventType.JOIN, MemberEventType.TRANSFER_IN);
    private static final Set<MemberEventType> LEFT = EnumSet.of(MemberEventType.TRANSFER_OUT, MemberEventType.LEAVE,
            MemberEventType.DECEASE);

    /** The end of each of the eleven months before this one, and today. */
    private static List<LocalDate> trendDays(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 11; i >= 1; i--) {
            days.add(month.minusMonths(i).atEndOfMonth());
        }
        days.add(today);
        return days;
    }

    private Dashboard assemble(LocalDate today, int[] counts, Set<Long> holders, int joined, Set<Long> joinedIds,
            int left, Set<Long> leftIds, java.util.function.Function<YearMonth, Map<Long, long[]>> dues, int arrears) {
        YearMonth month = YearMonth.from(today);
        List<LocalDate> days = trendDays(today);
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            trend.add(new TrendPoint(YearMonth.from(days.get(i)), counts[i]));
        }
        Map<Long, String> names = repo.departmentNames();
        List<DepartmentRate> depts = departmentRates(month, dues.apply(month), names);
        List<DepartmentRate> previous = departmentRates(month.minusMonths(1), dues.apply(month.minusMonths(1)), names);
        long due = depts.stream().mapToLong(DepartmentRate::dueFen).sum();
        long paid = depts.stream().mapToLong(DepartmentRate::paidFen).sum();

        CaseFigures.Summary caseSummary = cases.summary(session.operator(), today);
        List<Deadline> deadlines = new ArrayList<>();
        int dueDay = reports.config().dueDay();
        YearMonth reportMonth = today.getDayOfMonth() <= dueDay ? month.minusMonths(1) : month;
        deadlines.add(new Deadline(DeadlineKind.MONTHLY_REPORT, reportMonth.plusMonths(1).atDay(dueDay), reportMonth,
                0));
        if (caseSummary.reviewsDue() > 0) {
            deadlines.add(new Deadline(DeadlineKind.HARDSHIP_REVIEW, caseSummary.nextReviewDate(), null,
                    caseSummary.reviewsDue()));
        }
        return new Dashboard(today, month, counts[counts.length - 1], holders, List.copyOf(trend),
                joined, Set.copyOf(joinedIds), left, Set.copyOf(leftIds), due, paid, depts, previous, arrears,
                List.copyOf(deadlines), caseSummary);
    }

    /** A set of member ids read the first time it is used (then kept). */
    private static final class LazyIds extends AbstractSet<Long> {
        private final Supplier<Set<Long>> read;
        private Set<Long> ids;

        LazyIds(Supplier<Set<Long>> read) {
            this.read = read;
        }

        private synchronized Set<Long> ids() {
            if (ids == null) {
                ids = Set.copyOf(read.get());
            }
            return ids;
        }

        @Override
        public Iterator<Long> iterator() {
            return ids().iterator();
        }

        @Override
        public int size() {
            return ids().size();
        }

        @Override
        public boolean contains(Object o) {
            return ids().contains(o);
        }
    }

    /** Due and paid in {@code month} per department (sorted by name; "" for members without one). */
    private static List<DepartmentRate> departmentRates(YearMonth month, Map<Long, long[]> sums,
            Map<Long, String> names) {
        Map<String, long[]> byDept = new TreeMap<>();
        sums.forEach((id, v) -> {
            long[] t = byDept.computeIfAbsent(id == null ? MembershipLedger.NO_DEPARTMENT
                    : names.getOrDefault(id, MembershipLedger.NO_DEPARTMENT), k -> new long[2]);
            t[0] += v[0];
            t[1] += v[1];
        });
        List<DepartmentRate> out = new ArrayList<>();
        byDept.forEach((d, v) -> out.add(new DepartmentRate(month, d, v[0], v[1])));
        return List.copyOf(out);
    }
}
