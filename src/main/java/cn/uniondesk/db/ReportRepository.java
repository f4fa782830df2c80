package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.DEPARTMENT;
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

    /**
     * A state of the dues and of the members' departments: highest ids and row counts of charges
     * and payments (a re-roll deletes and re-inserts), and the highest member event id (an edit
     * of a member's department adds one). Figures computed from the same state are the same.
     */
    private record DuesKey(long maxCharge, long charges, long maxPayment, long payments, long maxEvent) {
    }

    private DuesKey duesKey() {
        var p = cn.uniondesk.db.generated.Tables.DUES_PAYMENT;
        var c = db.dsl().select(DSL.max(DUES_CHARGE.ID), DSL.count()).from(DUES_CHARGE).fetchOne();
        var q = db.dsl().select(DSL.max(p.ID), DSL.count()).from(p).fetchOne();
        Long e = db.dsl().select(DSL.max(MEMBER_EVENT.ID)).from(MEMBER_EVENT).fetchOne().value1();
        return new DuesKey(c.value1() == null ? 0 : c.value1(), c.value2(), q.value1() == null ? 0 : q.value1(),
                q.value2(), e == null ? 0 : e);
    }

    private DuesKey figuresKey;
    private final Map<Object, Object> figures = new HashMap<>();

    /** A figure computed once per dues state (the dashboard's grouped sums, the arrears count). */
    @SuppressWarnings("unchecked")
    private synchronized <T> T remembered(Object what, java.util.function.Supplier<T> compute) {
        DuesKey key = duesKey();
        if (!key.equals(figuresKey)) {
            figures.clear();
            figuresKey = key;
        }
        return (T) figures.computeIfAbsent(what, w -> compute.get());
    }

    /**
     * Due (charges of the month) and paid (payments made in the month) per department id (null =
     * none), in 分; remembered while the dues and departments are unchanged.
     */
    public Map<Long, long[]> dueAndPaidByDepartment(YearMonth month) {
        return remembered(List.of("dueAndPaid", month), () -> readDueAndPaidByDepartment(month));
    }

    private Map<Long, long[]> readDueAndPaidByDepartment(YearMonth month) {
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
        return out;
    }

    /** Department names by id. */
    public Map<Long, String> departmentNames() {
        return db.dsl().select(DEPARTMENT.ID, DEPARTMENT.NAME).from(DEPARTMENT).fetchMap(DEPARTMENT.ID, DEPARTMENT.NAME);
    }

    /** Members whose charges up to {@code month} exceed their payments up to its end (remembered while unchanged). */
    public int arrearsCount(YearMonth month) {
        return remembered(List.of("arrears", month), () -> countArrears(month));
    }

    private int countArrears(YearMonth month) {
        var p = cn.uniondesk.db.generated.Tables.DUES_PAYMENT;
        var charged = DSL.select(DUES_CHARGE.MEMBER_ID.as("mid"), DSL.sum(DUES_CHARGE.AMOUNT_FEN).as("c"))
                .from(DUES_CHARGE).where(DUES_CHARGE.PERIOD.le(month.atDay(1))).groupBy(DUES_CHARGE.MEMBER_ID)
                .asTable("ch");
        var paid = DSL.select(p.MEMBER_ID.as("mid"), DSL.sum(p.AMOUNT_FEN).as("s"))
                .from(p).where(p.PAID_ON.le(month.atEndOfMonth())).groupBy(p.MEMBER_ID).asTable("pa");
        var chMid = charged.field("mid", Long.class);
        var c = charged.field("c", java.math.BigDecimal.class);
        var paMid = paid.field("mid", Long.class);
        var s = paid.field("s", java.math.BigDecimal.class);
        return db.dsl().fetchCount(DSL.selectOne().from(charged).leftJoin(paid).on(paMid.eq(chMid))
                .where(c.gt(DSL.coalesce(s, java.math.BigDecimal.ZERO))));
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
