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

    /** Every member with their lifecycle events, for statistics of any period. */
    public MembershipLedger ledger() {
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

    /** Members whose charges up to {@code month} exceed their payments up to its end. */
    public int arrearsCount(YearMonth month) {
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
