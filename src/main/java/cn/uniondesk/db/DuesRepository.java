package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.DUES_ARREARS_REASON;
import static cn.uniondesk.db.generated.Tables.DUES_CHARGE;
import static cn.uniondesk.db.generated.Tables.DUES_PAYMENT;
import static cn.uniondesk.db.generated.Tables.DUES_RECEIPT;
import static cn.uniondesk.db.generated.Tables.DUES_RULE;
import static cn.uniondesk.db.generated.Tables.MEMBER;
import static cn.uniondesk.db.generated.Tables.MEMBER_EVENT;
import static cn.uniondesk.db.generated.Tables.MEMBER_WAGE;
import static cn.uniondesk.db.generated.Tables.UNION_FUND;

import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.dues.Charge;
import cn.uniondesk.domain.dues.ChargeKind;
import cn.uniondesk.domain.dues.DuesRule;
import cn.uniondesk.domain.dues.ExemptionRule;
import cn.uniondesk.domain.dues.MembershipSpan;
import cn.uniondesk.domain.dues.MidMonthRule;
import cn.uniondesk.domain.dues.RollSubject;
import cn.uniondesk.domain.dues.RoundingUnit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Dues rules, wages, charges, payments, receipts and the union fund. */
public final class DuesRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final RunningFigures figures;

    public DuesRepository(Database db) {
        this.db = db;
        this.figures = new RunningFigures(db);
    }

    // --- rules ------------------------------------------------------------------------------

    public List<DuesRule> rules() {
        return db.dsl().selectFrom(DUES_RULE).orderBy(DUES_RULE.EFFECTIVE_FROM).fetch(r -> new DuesRule(
                YearMonth.from(r.getEffectiveFrom()), r.getRate(), r.getFloorUnitFen(),
                RoundingMode.valueOf(r.getRounding()), RoundingUnit.valueOf(r.getUnit()),
                MidMonthRule.valueOf(r.getMidMonth()), readExemptions(r.getExemptions())));
    }

    public void saveRule(DuesRule rule) {
        db.dsl().mergeInto(DUES_RULE)
                .using(DSL.selectOne())
                .on(DUES_RULE.EFFECTIVE_FROM.eq(rule.effectiveFrom().atDay(1)))
                .whenMatchedThenUpdate()
                .set(DUES_RULE.RATE, rule.rate())
                .set(DUES_RULE.FLOOR_UNIT_FEN, rule.floorUnitFen())
                .set(DUES_RULE.ROUNDING, rule.rounding().name())
                .set(DUES_RULE.UNIT, rule.unit().name())
                .set(DUES_RULE.MID_MONTH, rule.midMonth().name())
                .set(DUES_RULE.EXEMPTIONS, writeExemptions(rule.exemptions()))
                .whenNotMatchedThenInsert(DUES_RULE.EFFECTIVE_FROM, DUES_RULE.RATE, DUES_RULE.FLOOR_UNIT_FEN,
                        DUES_RULE.ROUNDING, DUES_RULE.UNIT, DUES_RULE.MID_MONTH, DUES_RULE.EXEMPTIONS)
                .values(rule.effectiveFrom().atDay(1), rule.rate(), rule.floorUnitFen(), rule.rounding().name(),
                        rule.unit().name(), rule.midMonth().name(), writeExemptions(rule.exemptions()))
                .execute();
    }

    private static String writeExemptions(List<ExemptionRule> e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<ExemptionRule> readExemptions(String s) {
        try {
            return JSON.readValue(s, new TypeReference<List<ExemptionRule>>() { });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    // --- wages ------------------------------------------------------------------------------

    public void saveWage(long memberId, YearMonth from, long wageFen, String by, LocalDateTime at) {
        db.dsl().mergeInto(MEMBER_WAGE)
                .using(DSL.selectOne())
                .on(MEMBER_WAGE.MEMBER_ID.eq(memberId).and(MEMBER_WAGE.EFFECTIVE_FROM.eq(from.atDay(1))))
                .whenMatchedThenUpdate()
                .set(MEMBER_WAGE.WAGE_FEN, wageFen)
                .set(MEMBER_WAGE.RECORDED_AT, at)
                .set(MEMBER_WAGE.RECORDED_BY, by)
                .whenNotMatchedThenInsert(MEMBER_WAGE.MEMBER_ID, MEMBER_WAGE.EFFECTIVE_FROM, MEMBER_WAGE.WAGE_FEN,
                        MEMBER_WAGE.RECORDED_AT, MEMBER_WAGE.RECORDED_BY)
                .values(memberId, from.atDay(1), wageFen, at, by)
                .execute();
    }

    /** A member's wage history: month → wage in 分, oldest first. */
    public List<Map.Entry<YearMonth, Long>> wageHistory(long memberId) {
        return db.dsl().select(MEMBER_WAGE.EFFECTIVE_FROM, MEMBER_WAGE.WAGE_FEN).from(MEMBER_WAGE)
                .where(MEMBER_WAGE.MEMBER_ID.eq(memberId)).orderBy(MEMBER_WAGE.EFFECTIVE_FROM)
                .fetch(r -> Map.entry(YearMonth.from(r.value1()), r.value2()));
    }

    /** One wage to record: from a month on, in 分. */
    public record WageEntry(long memberId, YearMonth from, long wageFen) {
    }

    /**
     * Records many wages with one JDBC batch of {@code MERGE … KEY}: a wage for the same member
     * and month replaces that month's entry, other months' entries (the history) stay.
     */
    public void saveWages(List<WageEntry> wages, String by, LocalDateTime at) {
        if (wages.isEmpty()) {
            return;
        }
        db.dsl().connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("MERGE INTO MEMBER_WAGE (MEMBER_ID, EFFECTIVE_FROM, "
                    + "WAGE_FEN, RECORDED_AT, RECORDED_BY) KEY (MEMBER_ID, EFFECTIVE_FROM) VALUES (?,?,?,?,?)")) {
                int n = 0;
                for (WageEntry w : wages) {
                    ps.setLong(1, w.memberId());
                    ps.setObject(2, w.from().atDay(1));
                    ps.setLong(3, w.wageFen());
                    ps.setObject(4, at);
                    ps.setString(5, by);
                    ps.addBatch();
                    if (++n % 2000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Every member's wage history: member → (month → wage in 分). */
    public Map<Long, java.util.TreeMap<YearMonth, Long>> wageHistories() {
        Map<Long, java.util.TreeMap<YearMonth, Long>> out = new HashMap<>();
        try (var cursor = db.dsl().select(MEMBER_WAGE.MEMBER_ID, MEMBER_WAGE.EFFECTIVE_FROM, MEMBER_WAGE.WAGE_FEN)
                .from(MEMBER_WAGE).fetchSize(5000).fetchLazy()) {
            for (Record r : cursor) {
                out.computeIfAbsent(r.get(MEMBER_WAGE.MEMBER_ID), k -> new java.util.TreeMap<>())
                        .put(YearMonth.from(r.get(MEMBER_WAGE.EFFECTIVE_FROM)), r.get(MEMBER_WAGE.WAGE_FEN));
            }
        }
        return out;
    }

    // --- roll input ---------------------------------------------------------------------------

    /**
     * Every member with what the roll for {@code month} needs: lifecycle marks, exemption fields
     * and the wage in force (wage history, else the register's monthly wage).
     */
    public List<RollSubject> rollSubjects(YearMonth month) {
        return rollSubjects(month, null);
    }

    /** The roll input of one member for {@code month}. */
    public Optional<RollSubject> rollSubject(YearMonth month, long memberId) {
        return rollSubjects(month, memberId).stream().findFirst();
    }

    private List<RollSubject> rollSubjects(YearMonth month, Long only) {
        // Three sequential scans, no ORDER BY: sorting by an index made H2 fetch every row by key,
        // page by page, which with 100,000 members no longer fits the page cache (see
        // docs/benchmarks.md, the monthly roll). Events are put in order here.
        Map<Long, List<long[]>> eventsByMember = new HashMap<>();
        List<MembershipSpan.Mark> markPool = new ArrayList<>();
        try (var cursor = db.dsl().select(MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.ID, MEMBER_EVENT.EVENT_DATE,
                MEMBER_EVENT.STATUS_AFTER)
                .from(MEMBER_EVENT)
                .where(MEMBER_EVENT.EVENT_TYPE.ne(MemberEventType.UPDATE.name()))
                .and(only == null ? DSL.noCondition() : MEMBER_EVENT.MEMBER_ID.eq(only))
                .fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                markPool.add(new MembershipSpan.Mark(r.value3(), MemberStatus.valueOf(r.value4())));
                eventsByMember.computeIfAbsent(r.value1(), k -> new ArrayList<>(2))
                        .add(new long[] {r.value3().toEpochDay(), r.value2(), markPool.size() - 1});
            }
        }
        LocalDate first = month.atDay(1);
        Map<Long, long[]> wages = new HashMap<>();
        try (var cursor = db.dsl().select(MEMBER_WAGE.MEMBER_ID, MEMBER_WAGE.EFFECTIVE_FROM, MEMBER_WAGE.WAGE_FEN)
                .from(MEMBER_WAGE)
                .where(MEMBER_WAGE.EFFECTIVE_FROM.le(first))
                .and(only == null ? DSL.noCondition() : MEMBER_WAGE.MEMBER_ID.eq(only))
                .fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                long from = r.value2().toEpochDay();
                long[] w = wages.get(r.value1());
                if (w == null) {
                    wages.put(r.value1(), new long[] {from, r.value3()});
                } else if (from > w[0]) {
                    w[0] = from;
                    w[1] = r.value3();
                }
            }
        }
        List<RollSubject> out = new ArrayList<>();
        try (var cursor = db.dsl().select(MEMBER.ID, MEMBER.JOIN_DATE, MEMBER.STATUS, MEMBER.HARDSHIP,
                MEMBER.HARDSHIP_LEVEL, MEMBER.EMPLOYMENT_TYPE, MEMBER.MONTHLY_WAGE_FEN).from(MEMBER)
                .where(only == null ? DSL.noCondition() : MEMBER.ID.eq(only))
                .orderBy(MEMBER.ID).fetchSize(5000).fetchLazy()) {
            for (Record r : cursor) {
                long id = r.get(MEMBER.ID);
                List<long[]> ev = eventsByMember.get(id);
                MembershipSpan span;
                if (ev == null) {
                    span = MembershipSpan.since(r.get(MEMBER.JOIN_DATE), MemberStatus.valueOf(r.get(MEMBER.STATUS)));
                } else {
                    if (ev.size() > 1) {
                        ev.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
                    }
                    List<MembershipSpan.Mark> m = new ArrayList<>(ev.size());
                    for (long[] e : ev) {
                        m.add(markPool.get((int) e[2]));
                    }
                    span = new MembershipSpan(m);
                }
                long[] w = wages.get(id);
                Long wage = w != null ? Long.valueOf(w[1]) : r.get(MEMBER.MONTHLY_WAGE_FEN);
                out.add(new RollSubject(id, span, r.get(MEMBER.HARDSHIP), r.get(MEMBER.HARDSHIP_LEVEL),
                        r.get(MEMBER.EMPLOYMENT_TYPE), wage));
            }
        }
        return out;
    }

    // --- charges ------------------------------------------------------------------------------

    /** The charges of a month (all kinds). */
    public List<Charge> charges(YearMonth month) {
        // ordered here, not by H2: an ORDER BY over 100,000 rows spilled to a temporary file (3-4x slower)
        List<long[]> order = new ArrayList<>();
        List<Charge> found = new ArrayList<>();
        try (var cursor = db.dsl().select(DUES_CHARGE.ID, DUES_CHARGE.MEMBER_ID, DUES_CHARGE.KIND, DUES_CHARGE.BASE_FEN,
                DUES_CHARGE.AMOUNT_FEN, DUES_CHARGE.EXEMPTION).from(DUES_CHARGE)
                .where(DUES_CHARGE.PERIOD.eq(month.atDay(1))).fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                order.add(new long[] {r.value2(), r.value1(), found.size()});
                found.add(new Charge(r.value2(), month, ChargeKind.valueOf(r.value3()), r.value4(), r.value5(),
                        r.value6()));
            }
        }
        order.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<Charge> out = new ArrayList<>(found.size());
        for (long[] o : order) {
            out.add(found.get((int) o[2]));
        }
        return out;
    }

    public List<Charge> chargesOf(long memberId) {
        return db.dsl().selectFrom(DUES_CHARGE).where(DUES_CHARGE.MEMBER_ID.eq(memberId))
                .orderBy(DUES_CHARGE.PERIOD, DUES_CHARGE.ID)
                .fetch(r -> new Charge(r.getMemberId(), YearMonth.from(r.getPeriod()), ChargeKind.valueOf(r.getKind()),
                        r.getBaseFen(), r.getAmountFen(), r.getExemption()));
    }

    /** The months from {@code from} on that hold charges, oldest first. */
    public List<YearMonth> chargedMonths(YearMonth from) {
        return db.dsl().selectDistinct(DUES_CHARGE.PERIOD).from(DUES_CHARGE)
                .where(DUES_CHARGE.PERIOD.ge(from.atDay(1))).orderBy(DUES_CHARGE.PERIOD)
                .fetch(r -> YearMonth.from(r.value1()));
    }

    /** Charges per member and month within {@code [from, to]} (all kinds summed): member → month → 分. */
    public Map<Long, Map<YearMonth, Long>> chargesByMonth(YearMonth from, YearMonth to, Long only) {
        Map<Long, Map<YearMonth, Long>> out = new HashMap<>();
        try (var cursor = db.dsl().select(DUES_CHARGE.MEMBER_ID, DUES_CHARGE.PERIOD, DSL.sum(DUES_CHARGE.AMOUNT_FEN))
                .from(DUES_CHARGE)
                .where(DUES_CHARGE.PERIOD.between(from.atDay(1), to.atDay(1)))
                .and(only == null ? DSL.noCondition() : DUES_CHARGE.MEMBER_ID.eq(only))
                .groupBy(DUES_CHARGE.MEMBER_ID, DUES_CHARGE.PERIOD).fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                out.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(YearMonth.from(r.value2()),
                        r.value3().longValue());
            }
        }
        return out;
    }

    /** Payments per member and month of payment within {@code [from, to]}: member → month → 分 (refunds negative). */
    public Map<Long, Map<YearMonth, Long>> paymentsByMonth(YearMonth from, YearMonth to, Long only) {
        Map<Long, Map<YearMonth, Long>> out = new HashMap<>();
        try (var cursor = db.dsl().select(DUES_PAYMENT.MEMBER_ID, DUES_PAYMENT.PAID_ON, DUES_PAYMENT.AMOUNT_FEN)
                .from(DUES_PAYMENT)
                .where(DUES_PAYMENT.PAID_ON.between(from.atDay(1), to.atEndOfMonth()))
                .and(only == null ? DSL.noCondition() : DUES_PAYMENT.MEMBER_ID.eq(only))
                .fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                out.computeIfAbsent(r.value1(), k -> new HashMap<>()).merge(YearMonth.from(r.value2()), r.value3(),
                        Long::sum);
            }
        }
        return out;
    }

    /** Receipts issued within {@code [from, to]}, oldest first. */
    public List<ReceiptRow> receiptsIssued(YearMonth from, YearMonth to, Long only) {
        return db.dsl().selectFrom(DUES_RECEIPT)
                .where(DUES_RECEIPT.ISSUED_ON.between(from.atDay(1), to.atEndOfMonth()))
                .and(only == null ? DSL.noCondition() : DUES_RECEIPT.MEMBER_ID.eq(only))
                .orderBy(DUES_RECEIPT.RECEIPT_YEAR, DUES_RECEIPT.SEQ)
                .fetch(r -> new ReceiptRow(r.getId(), r.getReceiptYear(), r.getSeq(), r.getMemberId(),
                        r.getAmountFen(), r.getMonthsCovered(), r.getIssuedOn(), r.getIssuedBy(), r.getVoided(),
                        r.getVoidReason()));
    }

    public boolean hasCharges(YearMonth month) {
        return db.dsl().fetchExists(DUES_CHARGE, DUES_CHARGE.PERIOD.eq(month.atDay(1)));
    }

    /**
     * Inserts charges with one prepared statement in JDBC batches of 5,000 (the monthly roll of
     * 100,000 members: a batch of separately rendered statements was parsed row by row).
     */
    public void insertCharges(List<Charge> charges, LocalDateTime at) {
        if (charges.isEmpty()) {
            return;
        }
        insertChargeRowsOnly(charges, at);
        RunningFigures.DuesDelta d = new RunningFigures.DuesDelta();
        for (Charge ch : charges) {
            d.charge(ch.memberId(), ch.period(), ch.amountFen());
        }
        figures.apply(d);
    }

    /**
     * The charge rows alone, WITHOUT the running figures (decision 0010): only for the benchmark's
     * yardstick (what H2 needs for the rows themselves). Every real write goes through
     * {@link #insertCharges}, or the dashboard's figures drift.
     */
    public void insertChargeRowsOnly(List<Charge> charges, LocalDateTime at) {
        db.dsl().connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO DUES_CHARGE (MEMBER_ID, PERIOD, KIND, "
                    + "BASE_FEN, AMOUNT_FEN, EXEMPTION, CREATED_AT) VALUES (?,?,?,?,?,?,?)")) {
                int n = 0;
                for (Charge ch : charges) {
                    ps.setLong(1, ch.memberId());
                    ps.setObject(2, ch.period().atDay(1));
                    ps.setString(3, ch.kind().name());
                    ps.setLong(4, ch.baseFen());
                    ps.setLong(5, ch.amountFen());
                    ps.setString(6, ch.exemption());
                    ps.setObject(7, at);
                    ps.addBatch();
                    if (++n % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Removes the REGULAR charges of these members for a month, with one JDBC batch. */
    public void deleteRegular(java.util.Collection<Long> memberIds, YearMonth month) {
        if (memberIds.isEmpty()) {
            return;
        }
        RunningFigures.DuesDelta d = new RunningFigures.DuesDelta();
        java.util.Set<Long> ids = new java.util.HashSet<>(memberIds);
        try (var cursor = db.dsl().select(DUES_CHARGE.MEMBER_ID, DUES_CHARGE.AMOUNT_FEN).from(DUES_CHARGE)
                .where(DUES_CHARGE.PERIOD.eq(month.atDay(1))).and(DUES_CHARGE.KIND.eq(ChargeKind.REGULAR.name()))
                .fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                if (ids.contains(r.value1())) {
                    d.charge(r.value1(), month, -r.value2());
                }
            }
        }
        db.dsl().connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM DUES_CHARGE WHERE PERIOD = ? "
                    + "AND MEMBER_ID = ? AND KIND = 'REGULAR'")) {
                int n = 0;
                for (long id : memberIds) {
                    ps.setObject(1, month.atDay(1));
                    ps.setLong(2, id);
                    ps.addBatch();
                    if (++n % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
        figures.apply(d);
    }

    /** Removes a member's REGULAR charge for a month (before re-inserting the recomputed one). */
    public void deleteRegular(long memberId, YearMonth month) {
        deleteRegular(List.of(memberId), month);
    }

    // --- payments and receipts ----------------------------------------------------------------

    public long insertPayment(long memberId, long amountFen, String method, LocalDate paidOn, String batchRef,
            Long receiptId, String note, LocalDateTime at, String by) {
        long id = db.dsl().insertInto(DUES_PAYMENT, DUES_PAYMENT.MEMBER_ID, DUES_PAYMENT.AMOUNT_FEN, DUES_PAYMENT.METHOD,
                DUES_PAYMENT.PAID_ON, DUES_PAYMENT.BATCH_REF, DUES_PAYMENT.RECEIPT_ID, DUES_PAYMENT.NOTE,
                DUES_PAYMENT.RECORDED_AT, DUES_PAYMENT.RECORDED_BY)
                .values(memberId, amountFen, method, paidOn, batchRef, receiptId, note, at, by)
                .returningResult(DUES_PAYMENT.ID).fetchOne().value1();
        RunningFigures.DuesDelta d = new RunningFigures.DuesDelta();
        d.payment(memberId, YearMonth.from(paidOn), amountFen);
        figures.apply(d);
        return id;
    }

    /** True when payments of this batch (e.g. {@code 2026-11 工资代扣}) were booked already. */
    public boolean hasBatch(String batchRef) {
        return batchRef != null && db.dsl().fetchExists(DUES_PAYMENT, DUES_PAYMENT.BATCH_REF.eq(batchRef));
    }

    /** Inserts payments ({memberId, amountFen} pairs) with one JDBC batch. */
    public void insertPayments(List<long[]> lines, String method, LocalDate paidOn, String batchRef, LocalDateTime at,
            String by) {
        db.dsl().connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO DUES_PAYMENT (MEMBER_ID, AMOUNT_FEN, "
                    + "METHOD, PAID_ON, BATCH_REF, RECORDED_AT, RECORDED_BY) VALUES (?,?,?,?,?,?,?)")) {
                for (long[] l : lines) {
                    ps.setLong(1, l[0]);
                    ps.setLong(2, l[1]);
                    ps.setString(3, method);
                    ps.setObject(4, paidOn);
                    ps.setString(5, batchRef);
                    ps.setObject(6, at);
                    ps.setString(7, by);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        RunningFigures.DuesDelta d = new RunningFigures.DuesDelta();
        YearMonth month = YearMonth.from(paidOn);
        for (long[] l : lines) {
            d.payment(l[0], month, l[1]);
        }
        figures.apply(d);
    }

    /** Sum of charges and of payments per member, up to and including {@code month}. */
    public Map<Long, long[]> balances(YearMonth upTo) {
        Map<Long, long[]> out = new HashMap<>();
        db.dsl().select(DUES_CHARGE.MEMBER_ID, DSL.sum(DUES_CHARGE.AMOUNT_FEN)).from(DUES_CHARGE)
                .where(DUES_CHARGE.PERIOD.le(upTo.atDay(1))).groupBy(DUES_CHARGE.MEMBER_ID)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new long[2])[0] = r.value2().longValue());
        db.dsl().select(DUES_PAYMENT.MEMBER_ID, DSL.sum(DUES_PAYMENT.AMOUNT_FEN)).from(DUES_PAYMENT)
                .where(DUES_PAYMENT.PAID_ON.le(upTo.atEndOfMonth())).groupBy(DUES_PAYMENT.MEMBER_ID)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new long[2])[1] = r.value2().longValue());
        return out;
    }

    public long paidTotal(long memberId) {
        var v = db.dsl().select(DSL.sum(DUES_PAYMENT.AMOUNT_FEN)).from(DUES_PAYMENT)
                .where(DUES_PAYMENT.MEMBER_ID.eq(memberId)).fetchOne().value1();
        return v == null ? 0 : v.longValue();
    }

    /** Payments made within a month, per member. */
    public Map<Long, Long> paidIn(YearMonth month) {
        Map<Long, Long> out = new HashMap<>();
        db.dsl().select(DUES_PAYMENT.MEMBER_ID, DSL.sum(DUES_PAYMENT.AMOUNT_FEN)).from(DUES_PAYMENT)
                .where(DUES_PAYMENT.PAID_ON.between(month.atDay(1), month.atEndOfMonth()))
                .groupBy(DUES_PAYMENT.MEMBER_ID)
                .forEach(r -> out.put(r.value1(), r.value2().longValue()));
        return out;
    }

    /** The next receipt number of a year: one more than the highest, so numbering has no gaps. */
    public int nextReceiptSeq(int year) {
        Integer max = db.dsl().select(DSL.max(DUES_RECEIPT.SEQ)).from(DUES_RECEIPT)
                .where(DUES_RECEIPT.RECEIPT_YEAR.eq(year)).fetchOne().value1();
        return max == null ? 1 : max + 1;
    }

    public long insertReceipt(int year, int seq, long memberId, long amountFen, String months, LocalDate on,
            String by) {
        return db.dsl().insertInto(DUES_RECEIPT, DUES_RECEIPT.RECEIPT_YEAR, DUES_RECEIPT.SEQ, DUES_RECEIPT.MEMBER_ID,
                DUES_RECEIPT.AMOUNT_FEN, DUES_RECEIPT.MONTHS_COVERED, DUES_RECEIPT.ISSUED_ON, DUES_RECEIPT.ISSUED_BY)
                .values(year, seq, memberId, amountFen, months, on, by)
                .returningResult(DUES_RECEIPT.ID).fetchOne().value1();
    }

    public record ReceiptRow(long id, int year, int seq, long memberId, long amountFen, String months,
            LocalDate issuedOn, String issuedBy, boolean voided, String voidReason) {
    }

    public Optional<ReceiptRow> receipt(int year, int seq) {
        return db.dsl().selectFrom(DUES_RECEIPT)
                .where(DUES_RECEIPT.RECEIPT_YEAR.eq(year).and(DUES_RECEIPT.SEQ.eq(seq)))
                .fetchOptional(r -> new ReceiptRow(r.getId(), r.getReceiptYear(), r.getSeq(), r.getMemberId(),
                        r.getAmountFen(), r.getMonthsCovered(), r.getIssuedOn(), r.getIssuedBy(), r.getVoided(),
                        r.getVoidReason()));
    }

    /** The receipts of a year, by number. */
    public List<ReceiptRow> receipts(int year) {
        return db.dsl().selectFrom(DUES_RECEIPT).where(DUES_RECEIPT.RECEIPT_YEAR.eq(year)).orderBy(DUES_RECEIPT.SEQ)
                .fetch(r -> new ReceiptRow(r.getId(), r.getReceiptYear(), r.getSeq(), r.getMemberId(),
                        r.getAmountFen(), r.getMonthsCovered(), r.getIssuedOn(), r.getIssuedBy(), r.getVoided(),
                        r.getVoidReason()));
    }

    /** A payment a receipt was issued for. */
    public record ReceiptPayment(long memberId, long amountFen, String method, LocalDate paidOn) {
    }

    /** The payments recorded with a receipt (one, plus its reversal once voided). */
    public List<ReceiptPayment> paymentsOfReceipt(long receiptId) {
        return db.dsl().selectFrom(DUES_PAYMENT).where(DUES_PAYMENT.RECEIPT_ID.eq(receiptId)).orderBy(DUES_PAYMENT.ID)
                .fetch(r -> new ReceiptPayment(r.getMemberId(), r.getAmountFen(), r.getMethod(), r.getPaidOn()));
    }

    public void voidReceipt(long id, String reason) {
        db.dsl().update(DUES_RECEIPT).set(DUES_RECEIPT.VOIDED, true).set(DUES_RECEIPT.VOID_REASON, reason)
                .where(DUES_RECEIPT.ID.eq(id)).execute();
    }

    // --- arrears reasons ----------------------------------------------------------------------

    public Map<Long, String> arrearsReasons() {
        return db.dsl().select(DUES_ARREARS_REASON.MEMBER_ID, DUES_ARREARS_REASON.REASON).from(DUES_ARREARS_REASON)
                .fetchMap(DUES_ARREARS_REASON.MEMBER_ID, DUES_ARREARS_REASON.REASON);
    }

    public void saveArrearsReason(long memberId, String reason, LocalDateTime at, String by) {
        db.dsl().mergeInto(DUES_ARREARS_REASON).using(DSL.selectOne())
                .on(DUES_ARREARS_REASON.MEMBER_ID.eq(memberId))
                .whenMatchedThenUpdate().set(DUES_ARREARS_REASON.REASON, reason)
                .set(DUES_ARREARS_REASON.RECORDED_AT, at).set(DUES_ARREARS_REASON.RECORDED_BY, by)
                .whenNotMatchedThenInsert(DUES_ARREARS_REASON.MEMBER_ID, DUES_ARREARS_REASON.REASON,
                        DUES_ARREARS_REASON.RECORDED_AT, DUES_ARREARS_REASON.RECORDED_BY)
                .values(memberId, reason, at, by).execute();
    }

    // --- union fund ---------------------------------------------------------------------------

    public void saveFund(YearMonth month, long payrollTotalFen, long dueFen, long receivedFen, long remittedFen,
            int upperShareBp, LocalDateTime at) {
        db.dsl().mergeInto(UNION_FUND).using(DSL.selectOne()).on(UNION_FUND.PERIOD.eq(month.atDay(1)))
                .whenMatchedThenUpdate()
                .set(UNION_FUND.PAYROLL_TOTAL_FEN, payrollTotalFen).set(UNION_FUND.DUE_FEN, dueFen)
                .set(UNION_FUND.RECEIVED_FEN, receivedFen).set(UNION_FUND.REMITTED_FEN, remittedFen)
                .set(UNION_FUND.UPPER_SHARE_BP, upperShareBp).set(UNION_FUND.RECORDED_AT, at)
                .whenNotMatchedThenInsert(UNION_FUND.PERIOD, UNION_FUND.PAYROLL_TOTAL_FEN, UNION_FUND.DUE_FEN,
                        UNION_FUND.RECEIVED_FEN, UNION_FUND.REMITTED_FEN, UNION_FUND.UPPER_SHARE_BP,
                        UNION_FUND.RECORDED_AT)
                .values(month.atDay(1), payrollTotalFen, dueFen, receivedFen, remittedFen, upperShareBp, at)
                .execute();
    }

    public Optional<long[]> fund(YearMonth month) {
        return db.dsl().selectFrom(UNION_FUND).where(UNION_FUND.PERIOD.eq(month.atDay(1))).fetchOptional(
                r -> new long[] {r.getPayrollTotalFen(), r.getDueFen(), r.getReceivedFen(), r.getRemittedFen(),
                    r.getUpperShareBp()});
    }

    // --- month figures for the reports (narrow reads; balances from the running figures) ---------

    /** One member's charges of a month: the REGULAR base and exemption, and the sum of all kinds. */
    public record MonthDue(long baseFen, long dueFen, String exemption) {
    }

    /** The charges of a month summed per member (no objects per charge, no sort). */
    public Map<Long, MonthDue> monthDues(YearMonth month) {
        Map<Long, long[]> sums = new HashMap<>();
        Map<Long, String> exemptions = new HashMap<>();
        try (var cursor = db.dsl().select(DUES_CHARGE.MEMBER_ID, DUES_CHARGE.KIND, DUES_CHARGE.BASE_FEN,
                DUES_CHARGE.AMOUNT_FEN, DUES_CHARGE.EXEMPTION).from(DUES_CHARGE)
                .where(DUES_CHARGE.PERIOD.eq(month.atDay(1))).fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                long[] d = sums.computeIfAbsent(r.value1(), k -> new long[2]);
                d[1] += r.value4();
                if (ChargeKind.REGULAR.name().equals(r.value2())) {
                    d[0] = r.value3();
                    if (r.value5() != null) {
                        exemptions.put(r.value1(), r.value5());
                    }
                }
            }
        }
        Map<Long, MonthDue> out = new HashMap<>(sums.size() * 2);
        sums.forEach((id, d) -> out.put(id, new MonthDue(d[0], d[1], exemptions.get(id))));
        return out;
    }

    /**
     * Each member's balance (charges up to {@code month} less payments up to its last day) with
     * any rows, from the running balances (V9) less what was charged for later months and plus
     * what was paid after the month: reads the rows after the month, not the whole history.
     */
    public Map<Long, Long> balancesAt(YearMonth month) {
        Map<Long, Long> out = new HashMap<>();
        try (var cursor = db.dsl().select(cn.uniondesk.db.generated.Tables.DUES_MEMBER_BALANCE.MEMBER_ID,
                cn.uniondesk.db.generated.Tables.DUES_MEMBER_BALANCE.BALANCE_FEN)
                .from(cn.uniondesk.db.generated.Tables.DUES_MEMBER_BALANCE).fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                out.put(r.value1(), r.value2());
            }
        }
        try (var cursor = db.dsl().select(DUES_CHARGE.MEMBER_ID, DUES_CHARGE.AMOUNT_FEN).from(DUES_CHARGE)
                .where(DUES_CHARGE.PERIOD.gt(month.atDay(1))).fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                out.merge(r.value1(), -r.value2(), Long::sum);
            }
        }
        try (var cursor = db.dsl().select(DUES_PAYMENT.MEMBER_ID, DUES_PAYMENT.AMOUNT_FEN).from(DUES_PAYMENT)
                .where(DUES_PAYMENT.PAID_ON.gt(month.atEndOfMonth())).fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                out.merge(r.value1(), r.value2(), Long::sum);
            }
        }
        return out;
    }

    /** The fund rows of the months {@code from}..{@code to}: month → {payroll, due, received, remitted, shareBp}. */
    public java.util.SortedMap<YearMonth, long[]> funds(YearMonth from, YearMonth to) {
        java.util.SortedMap<YearMonth, long[]> out = new java.util.TreeMap<>();
        db.dsl().selectFrom(UNION_FUND).where(UNION_FUND.PERIOD.between(from.atDay(1), to.atDay(1)))
                .orderBy(UNION_FUND.PERIOD)
                .forEach(r -> out.put(YearMonth.from(r.getPeriod()), new long[] {r.getPayrollTotalFen(), r.getDueFen(),
                    r.getReceivedFen(), r.getRemittedFen(), r.getUpperShareBp()}));
        return out;
    }
}
