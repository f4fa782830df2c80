package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.DEPARTMENT;
import static cn.uniondesk.db.generated.Tables.DUES_ARREARS_MONTH;
import static cn.uniondesk.db.generated.Tables.DUES_DEPARTMENT_MONTH;
import static cn.uniondesk.db.generated.Tables.MEMBER_HOLDING_CHANGE;
import static cn.uniondesk.db.generated.Tables.MEMBER_WITHOUT_EVENTS;
import static cn.uniondesk.db.generated.Tables.DUES_CHARGE;
import static cn.uniondesk.db.generated.Tables.MEMBER;
import static cn.uniondesk.db.generated.Tables.MEMBER_EVENT;
import static cn.uniondesk.db.generated.Tables.SETTING;
import static cn.uniondesk.db.generated.Tables.UNION_FUND;

import cn.uniondesk.domain.Gender;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.report.MemberFacts;
import cn.uniondesk.domain.report.MembershipLedger;
import cn.uniondesk.domain.report.StatusMark;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Reads for the reports and the dashboard: the membership ledger (two streamed scans: lifecycle
 * events and members), sums over the dues of a period, the union fund of a range of months, and
 * the report settings (rows of the {@code setting} table whose names start with {@code report.}).
 */
public final class ReportRepository {
    private final Database db;

    public ReportRepository(Database db) {
        this.db = db;
    }

    /**
     * The ledger is kept between calls while the data it was read from is unchanged: every change
     * to a member (register, edit, lifecycle step, import) adds a member_event row, so the highest
     * event id and the number of members identify a state. Ids are never reused (a rolled-back
     * insert leaves no row and changes nothing).
     */
    private record LedgerKey(long maxEventId, long members) {
    }

    private LedgerKey cachedKey;
    private MembershipLedger cached;

    /** Every member with their lifecycle events, for statistics of any period (kept while unchanged). */
    public synchronized MembershipLedger ledger() {
        var k = db.dsl().select(DSL.max(MEMBER_EVENT.ID), DSL.selectCount().from(MEMBER).<Integer>asField())
                .from(MEMBER_EVENT).fetchOne();
        LedgerKey key = new LedgerKey(k.value1() == null ? 0 : k.value1(), k.value2() == null ? 0 : k.value2());
        if (cached == null || !key.equals(cachedKey)) {
            cached = readLedger();
            cachedKey = key;
        }
        return cached;
    }

    private MembershipLedger readLedger() {
        Map<Long, List<StatusMark>> marks = new HashMap<>();
        try (var cursor = db.dsl().select(MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.EVENT_DATE, MEMBER_EVENT.EVENT_TYPE,
                MEMBER_EVENT.STATUS_AFTER)
                .from(MEMBER_EVENT)
                .where(MEMBER_EVENT.EVENT_TYPE.ne(MemberEventType.UPDATE.name()))
                .orderBy(MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.EVENT_DATE, MEMBER_EVENT.ID)
                .fetchSize(5000).fetchLazy()) {
            for (Record r : cursor) {
                marks.computeIfAbsent(r.get(MEMBER_EVENT.MEMBER_ID), k -> new ArrayList<>(2))
                        .add(new StatusMark(r.get(MEMBER_EVENT.EVENT_DATE),
                                MemberEventType.valueOf(r.get(MEMBER_EVENT.EVENT_TYPE)),
                                MemberStatus.valueOf(r.get(MEMBER_EVENT.STATUS_AFTER))));
            }
        }
        Map<Long, String> deptNames = db.dsl().select(DEPARTMENT.ID, DEPARTMENT.NAME).from(DEPARTMENT)
                .fetchMap(DEPARTMENT.ID, DEPARTMENT.NAME);
        List<MemberFacts> members = new ArrayList<>();
        try (var cursor = db.dsl().select(MEMBER.ID, MEMBER.GENDER, MEMBER.BIRTH_DATE, MEMBER.MIGRANT_WORKER,
                MEMBER.DEPARTMENT_ID, MEMBER.JOIN_DATE, MEMBER.STATUS)
                .from(MEMBER).orderBy(MEMBER.ID).fetchSize(5000).fetchLazy()) {
            for (Record r : cursor) {
                Long dept = r.get(MEMBER.DEPARTMENT_ID);
                members.add(new MemberFacts(r.get(MEMBER.ID), Gender.valueOf(r.get(MEMBER.GENDER)),
                        r.get(MEMBER.BIRTH_DATE), Boolean.TRUE.equals(r.get(MEMBER.MIGRANT_WORKER)),
                        dept == null ? null : deptNames.get(dept), r.get(MEMBER.JOIN_DATE),
                        MemberStatus.valueOf(r.get(MEMBER.STATUS))));
            }
        }
        return new MembershipLedger(members, marks);
    }

    /** Sum of the charges of the months {@code from}..{@code to}, in 分. */
    public long chargedFen(YearMonth from, YearMonth to) {
        var v = db.dsl().select(DSL.sum(DUES_CHARGE.AMOUNT_FEN)).from(DUES_CHARGE)
                .where(DUES_CHARGE.PERIOD.between(from.atDay(1), to.atDay(1))).fetchOne().value1();
        return v == null ? 0 : v.longValue();
    }

    /** Sum of the payments (refunds negative) made from {@code from} to {@code to}, in 分. */
    public long paidFen(LocalDate from, LocalDate to) {
        var p = cn.uniondesk.db.generated.Tables.DUES_PAYMENT;
        var v = db.dsl().select(DSL.sum(p.AMOUNT_FEN)).from(p).where(p.PAID_ON.between(from, to)).fetchOne().value1();
        return v == null ? 0 : v.longValue();
    }

    /** The union fund rows of the months {@code from}..{@code to}: month → {payroll, due, received, remitted, shareBp}. */
    public Map<YearMonth, long[]> funds(YearMonth from, YearMonth to) {
        Map<YearMonth, long[]> out = new TreeMap<>();
        db.dsl().selectFrom(UNION_FUND).where(UNION_FUND.PERIOD.between(from.atDay(1), to.atDay(1)))
                .orderBy(UNION_FUND.PERIOD)
                .forEach(r -> out.put(YearMonth.from(r.getPeriod()), new long[] {r.getPayrollTotalFen(), r.getDueFen(),
                    r.getReceivedFen(), r.getRemittedFen(), r.getUpperShareBp()}));
        return out;
    }

    // --- the dashboard's running figures (V9, kept by RunningFigures with every write) ------------

    /** Members holding membership on each of {@code days}, from the running changes. */
    public int[] holdersOn(List<LocalDate> days) {
        List<LocalDate> sorted = new ArrayList<>(days);
        java.util.Collections.sort(sorted);
        Map<LocalDate, Integer> at = new HashMap<>();
        var rows = db.dsl().select(MEMBER_HOLDING_CHANGE.CHANGE_DAY, MEMBER_HOLDING_CHANGE.DELTA).from(MEMBER_HOLDING_CHANGE)
                .where(MEMBER_HOLDING_CHANGE.CHANGE_DAY.le(sorted.get(sorted.size() - 1)))
                .orderBy(MEMBER_HOLDING_CHANGE.CHANGE_DAY).fetch();
        int i = 0;
        int sum = 0;
        for (LocalDate d : sorted) {
            while (i < rows.size() && !rows.get(i).value1().isAfter(d)) {
                sum += rows.get(i++).value2();
            }
            at.put(d, sum);
        }
        int[] out = new int[days.size()];
        for (int k = 0; k < days.size(); k++) {
            out[k] = at.get(days.get(k));
        }
        return out;
    }

    /** A lifecycle step as the statistics see it: whose, and which. */
    public record Mark(long memberId, MemberEventType type) {
    }

    /**
     * The lifecycle steps dated {@code from}..{@code to} (by the date index), including those the
     * statistics assume for members without events (joined on the join date, then their status).
     */
    public List<Mark> marksBetween(LocalDate from, LocalDate to) {
        List<Mark> out = new ArrayList<>();
        db.dsl().select(MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.EVENT_TYPE).from(MEMBER_EVENT)
                .where(MEMBER_EVENT.EVENT_DATE.between(from, to))
                .and(MEMBER_EVENT.EVENT_TYPE.ne(MemberEventType.UPDATE.name()))
                .forEach(r -> out.add(new Mark(r.value1(), MemberEventType.valueOf(r.value2()))));
        db.dsl().selectFrom(MEMBER_WITHOUT_EVENTS).where(MEMBER_WITHOUT_EVENTS.JOIN_DATE.between(from, to))
                .forEach(r -> MembershipLedger.syntheticMarks(r.getJoinDate(), MemberStatus.valueOf(r.getStatus()))
                        .forEach(m -> out.add(new Mark(r.getMemberId(), m.type()))));
        return out;
    }

    /** Due (charges of the month) and paid (payments made in the month) per department id (null = none), in 分. */
    public Map<Long, long[]> dueAndPaidByDepartment(YearMonth month) {
        Map<Long, long[]> out = new HashMap<>();
        db.dsl().select(DUES_DEPARTMENT_MONTH.DEPARTMENT_ID, DUES_DEPARTMENT_MONTH.DUE_FEN,
                DUES_DEPARTMENT_MONTH.PAID_FEN).from(DUES_DEPARTMENT_MONTH)
                .where(DUES_DEPARTMENT_MONTH.PERIOD.eq(month.atDay(1)))
                .forEach(r -> {
                    if (r.value2() != 0 || r.value3() != 0) {
                        out.put(r.value1() == RunningFigures.NO_DEPARTMENT ? null : r.value1(),
                                new long[] {r.value2(), r.value3()});
                    }
                });
        return out;
    }

    /**
     * Members whose charges up to {@code month} exceed their payments up to its end (the dues
     * screen's 欠缴 list of that month), from the running count.
     */
    public int arrearsCount(YearMonth month) {
        Integer v = db.dsl().select(DUES_ARREARS_MONTH.MEMBERS_OWING).from(DUES_ARREARS_MONTH)
                .where(DUES_ARREARS_MONTH.PERIOD.le(month.atDay(1)))
                .orderBy(DUES_ARREARS_MONTH.PERIOD.desc()).limit(1).fetchOne(DUES_ARREARS_MONTH.MEMBERS_OWING);
        return v == null ? 0 : v;
    }

    // --- the same figures from every row (slow: for checks and tests) -----------------------------

    /** {@link #dueAndPaidByDepartment} computed from every charge and payment of the month. */
    public Map<Long, long[]> dueAndPaidByDepartmentFromRows(YearMonth month) {
        var p = cn.uniondesk.db.generated.Tables.DUES_PAYMENT;
        Map<Long, long[]> out = new HashMap<>();
        db.dsl().select(MEMBER.DEPARTMENT_ID, DSL.sum(DUES_CHARGE.AMOUNT_FEN)).from(DUES_CHARGE)
                .join(MEMBER).on(MEMBER.ID.eq(DUES_CHARGE.MEMBER_ID))
                .where(DUES_CHARGE.PERIOD.eq(month.atDay(1))).groupBy(MEMBER.DEPARTMENT_ID)
                .forEach(r -> out.computeIfAbsent(r.value1(), x -> new long[2])[0] = r.value2().longValue());
        db.dsl().select(MEMBER.DEPARTMENT_ID, DSL.sum(p.AMOUNT_FEN)).from(p)
                .join(MEMBER).on(MEMBER.ID.eq(p.MEMBER_ID))
                .where(p.PAID_ON.between(month.atDay(1), month.atEndOfMonth())).groupBy(MEMBER.DEPARTMENT_ID)
                .forEach(r -> out.computeIfAbsent(r.value1(), x -> new long[2])[1] = r.value2().longValue());
        out.values().removeIf(v -> v[0] == 0 && v[1] == 0);
        return out;
    }

    /** {@link #arrearsCount} computed from every charge and payment. */
    public int arrearsCountFromRows(YearMonth month) {
        var p = cn.uniondesk.db.generated.Tables.DUES_PAYMENT;
        Map<Long, Long> balance = new HashMap<>();
        db.dsl().select(DUES_CHARGE.MEMBER_ID, DSL.sum(DUES_CHARGE.AMOUNT_FEN)).from(DUES_CHARGE)
                .where(DUES_CHARGE.PERIOD.le(month.atDay(1))).groupBy(DUES_CHARGE.MEMBER_ID)
                .forEach(r -> balance.merge(r.value1(), r.value2().longValue(), Long::sum));
        db.dsl().select(p.MEMBER_ID, DSL.sum(p.AMOUNT_FEN)).from(p)
                .where(p.PAID_ON.le(month.atEndOfMonth())).groupBy(p.MEMBER_ID)
                .forEach(r -> balance.merge(r.value1(), -r.value2().longValue(), Long::sum));
        return (int) balance.values().stream().filter(b -> b > 0).count();
    }

    /** Department names by id. */
    public Map<Long, String> departmentNames() {
        return db.dsl().select(DEPARTMENT.ID, DEPARTMENT.NAME).from(DEPARTMENT).fetchMap(DEPARTMENT.ID, DEPARTMENT.NAME);
    }

    /** One line of the roster as stored (ID number unmasked: whoever prints it masks it). */
    public record RosterRow(String cardNo, String name, Gender gender, String department, String idNumber,
            LocalDate joinDate, MemberStatus status) {
    }

    /**
     * Members holding membership, by id, at most {@code limit} (0 = all), streamed. Reads in
     * primary-key order and filters here, stopping at the limit: a status condition in SQL made H2
     * go through the status index and sort every match first.
     */
    public void forEachRosterRow(int limit, java.util.function.Consumer<RosterRow> sink) {
        Map<Long, String> depts = departmentNames();
        int n = 0;
        try (var cursor = db.dsl().select(MEMBER.CARD_NO, MEMBER.NAME, MEMBER.GENDER, MEMBER.DEPARTMENT_ID,
                MEMBER.ID_NUMBER, MEMBER.JOIN_DATE, MEMBER.STATUS)
                .from(MEMBER).orderBy(MEMBER.ID).fetchSize(2000).fetchLazy()) {
            for (Record r : cursor) {
                MemberStatus status = MemberStatus.valueOf(r.get(MEMBER.STATUS));
                if (!status.holdsMembership()) {
                    continue;
                }
                Long dept = r.get(MEMBER.DEPARTMENT_ID);
                sink.accept(new RosterRow(r.get(MEMBER.CARD_NO), r.get(MEMBER.NAME),
                        Gender.valueOf(r.get(MEMBER.GENDER)), dept == null ? null : depts.get(dept),
                        r.get(MEMBER.ID_NUMBER), r.get(MEMBER.JOIN_DATE), status));
                if (limit > 0 && ++n >= limit) {
                    break;
                }
            }
        }
    }

    // --- settings ---------------------------------------------------------------------------------

    /** Every setting whose name starts with {@code prefix}. */
    public Map<String, String> settings(String prefix) {
        return db.dsl().select(SETTING.NAME, SETTING.VAL).from(SETTING).where(SETTING.NAME.startsWith(prefix))
                .fetchMap(SETTING.NAME, SETTING.VAL);
    }

    public Optional<String> setting(String name) {
        return db.dsl().select(SETTING.VAL).from(SETTING).where(SETTING.NAME.eq(name)).fetchOptional(r -> r.value1());
    }

    public void saveSetting(String name, String value) {
        db.dsl().mergeInto(SETTING).using(DSL.selectOne()).on(SETTING.NAME.eq(name))
                .whenMatchedThenUpdate().set(SETTING.VAL, value)
                .whenNotMatchedThenInsert(SETTING.NAME, SETTING.VAL).values(name, value).execute();
    }

    public void deleteSetting(String name) {
        db.dsl().deleteFrom(SETTING).where(SETTING.NAME.eq(name)).execute();
    }
}
