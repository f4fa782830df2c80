package cn.uniondesk.db;

import static cn.uniondesk.db.generated.Tables.DUES_ARREARS_MONTH;
import static cn.uniondesk.db.generated.Tables.DUES_CHARGE;
import static cn.uniondesk.db.generated.Tables.DUES_DEPARTMENT_MONTH;
import static cn.uniondesk.db.generated.Tables.DUES_MEMBER_BALANCE;
import static cn.uniondesk.db.generated.Tables.DUES_PAYMENT;
import static cn.uniondesk.db.generated.Tables.MEMBER;
import static cn.uniondesk.db.generated.Tables.MEMBER_EVENT;
import static cn.uniondesk.db.generated.Tables.MEMBER_HOLDING_CHANGE;
import static cn.uniondesk.db.generated.Tables.MEMBER_WITHOUT_EVENTS;

import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.report.MembershipLedger;
import cn.uniondesk.domain.report.StatusMark;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.impl.DSL;

/**
 * Keeps the dashboard's running figures (V9: balances per member, dues per department and month,
 * members owing per month, changes of the number of members holding membership, members without
 * events) equal to what a computation from every row gives. The repositories that write members,
 * events, charges and payments call it inside the caller's transaction, so the figures commit or
 * roll back with the rows they summarise. See docs/decisions/0010-running-figures.md.
 */
final class RunningFigures {
    /** Above this many members a change reads whole (narrow) tables instead of looking members up one by one. */
    private static final int BULK = 2000;
    /** Department key of members without one. */
    static final long NO_DEPARTMENT = 0;

    private final Database db;

    RunningFigures(Database db) {
        this.db = db;
    }

    // --- dues -------------------------------------------------------------------------------------

    /** Changes to charges and payments, per member and month: {charged for the month, paid in the month}. */
    static final class DuesDelta {
        final Map<Long, Map<YearMonth, long[]>> byMember = new HashMap<>();

        void charge(long memberId, YearMonth period, long fen) {
            byMember.computeIfAbsent(memberId, k -> new TreeMap<>()).computeIfAbsent(period, k -> new long[2])[0] += fen;
        }

        void payment(long memberId, YearMonth month, long fen) {
            byMember.computeIfAbsent(memberId, k -> new TreeMap<>()).computeIfAbsent(month, k -> new long[2])[1] += fen;
        }

        boolean isEmpty() {
            return byMember.isEmpty();
        }
    }

    /** Applies charges and payments already written (or removed) in this transaction. */
    void apply(DuesDelta d) {
        if (d.isEmpty()) {
            return;
        }
        departments(d);
        balancesAndArrears(d);
    }

    private void departments(DuesDelta d) {
        Map<Long, Long> dept = departmentsOf(d.byMember.keySet());
        Map<List<Object>, long[]> sums = new LinkedHashMap<>();
        d.byMember.forEach((member, months) -> {
            long dep = dept.getOrDefault(member, NO_DEPARTMENT);
            months.forEach((m, v) -> {
                long[] s = sums.computeIfAbsent(List.of(m, dep), k -> new long[2]);
                s[0] += v[0];
                s[1] += v[1];
            });
        });
        addDepartmentSums(sums);
    }

    private void addDepartmentSums(Map<List<Object>, long[]> sums) {
        db.dsl().connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO DUES_DEPARTMENT_MONTH t USING (VALUES "
                    + "(CAST(? AS DATE), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))) s(P, D, DUE, PAID) "
                    + "ON t.PERIOD = s.P AND t.DEPARTMENT_ID = s.D "
                    + "WHEN MATCHED THEN UPDATE SET DUE_FEN = t.DUE_FEN + s.DUE, PAID_FEN = t.PAID_FEN + s.PAID "
                    + "WHEN NOT MATCHED THEN INSERT (PERIOD, DEPARTMENT_ID, DUE_FEN, PAID_FEN) "
                    + "VALUES (s.P, s.D, s.DUE, s.PAID)")) {
                for (Map.Entry<List<Object>, long[]> e : sums.entrySet()) {
                    if (e.getValue()[0] == 0 && e.getValue()[1] == 0) {
                        continue;
                    }
                    ps.setObject(1, ((YearMonth) e.getKey().get(0)).atDay(1));
                    ps.setLong(2, (Long) e.getKey().get(1));
                    ps.setLong(3, e.getValue()[0]);
                    ps.setLong(4, e.getValue()[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Department id of each member (NO_DEPARTMENT for none). */
    private Map<Long, Long> departmentsOf(Collection<Long> members) {
        Map<Long, Long> out = new HashMap<>(members.size() * 2);
        if (members.size() > BULK) {
            MemberRepository.departmentIds(db).forEach((id, dep) -> out.put(id, dep == null ? NO_DEPARTMENT : dep));
        } else {
            for (List<Long> chunk : chunks(members)) {
                db.dsl().select(MEMBER.ID, MEMBER.DEPARTMENT_ID).from(MEMBER).where(MEMBER.ID.in(chunk))
                        .forEach(r -> out.put(r.value1(), r.value2() == null ? NO_DEPARTMENT : r.value2()));
            }
        }
        return out;
    }

    /**
     * Moves a member's dues sums from one department to another (an edit of the member's
     * department: the dashboard splits by the department members are in today).
     */
    void departmentChanged(long memberId, Long from, Long to) {
        long a = from == null ? NO_DEPARTMENT : from;
        long b = to == null ? NO_DEPARTMENT : to;
        if (a == b) {
            return;
        }
        Map<YearMonth, long[]> months = new TreeMap<>();
        db.dsl().select(DUES_CHARGE.PERIOD, DSL.sum(DUES_CHARGE.AMOUNT_FEN)).from(DUES_CHARGE)
                .where(DUES_CHARGE.MEMBER_ID.eq(memberId)).groupBy(DUES_CHARGE.PERIOD)
                .forEach(r -> months.computeIfAbsent(YearMonth.from(r.value1()), k -> new long[2])[0] += r.value2()
                        .longValue());
        db.dsl().select(DUES_PAYMENT.PAID_ON, DUES_PAYMENT.AMOUNT_FEN).from(DUES_PAYMENT)
                .where(DUES_PAYMENT.MEMBER_ID.eq(memberId))
                .forEach(r -> months.computeIfAbsent(YearMonth.from(r.value1()), k -> new long[2])[1] += r.value2());
        Map<List<Object>, long[]> sums = new LinkedHashMap<>();
        months.forEach((m, v) -> {
            sums.put(List.of(m, a), new long[] {-v[0], -v[1]});
            sums.put(List.of(m, b), new long[] {v[0], v[1]});
        });
        addDepartmentSums(sums);
    }

    private void balancesAndArrears(DuesDelta d) {
        Map<Long, Long> before = balancesOf(d.byMember.keySet());
        var range = db.dsl().select(DSL.min(DUES_ARREARS_MONTH.PERIOD), DSL.max(DUES_ARREARS_MONTH.PERIOD))
                .from(DUES_ARREARS_MONTH).fetchOne();
        YearMonth first = range.value1() == null ? null : YearMonth.from(range.value1());
        YearMonth last = range.value2() == null ? null : YearMonth.from(range.value2());
        YearMonth lowest = null;
        YearMonth highest = null;
        for (Map<YearMonth, long[]> months : d.byMember.values()) {
            for (YearMonth m : months.keySet()) {
                lowest = lowest == null || m.isBefore(lowest) ? m : lowest;
                highest = highest == null || m.isAfter(highest) ? m : highest;
            }
        }
        YearMonth newFirst = first == null || lowest.isBefore(first) ? lowest : first;
        YearMonth newLast = last == null || highest.isAfter(last) ? highest : last;

        // the net (charged less paid) of each member in the months after their earliest change, as stored now
        Map<Long, YearMonth> earliest = new HashMap<>();
        d.byMember.forEach((member, months) -> {
            YearMonth e = ((TreeMap<YearMonth, long[]>) months).firstKey();
            if (e.isBefore(newLast)) {
                earliest.put(member, e);
            }
        });
        Map<Long, Map<YearMonth, Long>> later = laterNets(earliest);

        Map<YearMonth, Integer> flips = new TreeMap<>();
        Map<Long, Long> after = new HashMap<>(d.byMember.size() * 2);
        for (Map.Entry<Long, Map<YearMonth, long[]>> e : d.byMember.entrySet()) {
            long member = e.getKey();
            TreeMap<YearMonth, long[]> delta = (TreeMap<YearMonth, long[]>) e.getValue();
            long change = 0;
            for (long[] v : delta.values()) {
                change += v[0] - v[1];
            }
            long total = before.getOrDefault(member, 0L) + change;
            after.put(member, total);
            Map<YearMonth, Long> nets = later.getOrDefault(member, Map.of());
            // walk from the last month down: balance after month M = total - nets of months after M
            long afterM = total;
            YearMonth from = delta.firstKey();
            for (YearMonth m = newLast; !m.isBefore(from); m = m.minusMonths(1)) {
                long deltaUpTo = 0;
                for (Map.Entry<YearMonth, long[]> x : delta.headMap(m, true).entrySet()) {
                    deltaUpTo += x.getValue()[0] - x.getValue()[1];
                }
                long beforeM = afterM - deltaUpTo;
                int flip = (afterM > 0 ? 1 : 0) - (beforeM > 0 ? 1 : 0);
                if (flip != 0) {
                    flips.merge(m, flip, Integer::sum);
                }
                afterM -= nets.getOrDefault(m, 0L);
            }
        }
        writeBalances(after);

        // extend the months covered (earlier months owe nothing; later ones as the last), then apply the flips
        if (first == null) {
            insertOwing(newFirst, newLast, 0);
        } else {
            if (newFirst.isBefore(first)) {
                insertOwing(newFirst, first.minusMonths(1), 0);
            }
            if (newLast.isAfter(last)) {
                int atLast = db.dsl().select(DUES_ARREARS_MONTH.MEMBERS_OWING).from(DUES_ARREARS_MONTH)
                        .where(DUES_ARREARS_MONTH.PERIOD.eq(last.atDay(1))).fetchOne().value1();
                insertOwing(last.plusMonths(1), newLast, atLast);
            }
        }
        flips.forEach((m, f) -> {
            if (f != 0) {
                db.dsl().update(DUES_ARREARS_MONTH)
                        .set(DUES_ARREARS_MONTH.MEMBERS_OWING, DUES_ARREARS_MONTH.MEMBERS_OWING.plus(f))
                        .where(DUES_ARREARS_MONTH.PERIOD.eq(m.atDay(1))).execute();
            }
        });
    }

    private void insertOwing(YearMonth from, YearMonth to, int owing) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            db.dsl().insertInto(DUES_ARREARS_MONTH, DUES_ARREARS_MONTH.PERIOD, DUES_ARREARS_MONTH.MEMBERS_OWING)
                    .values(m.atDay(1), owing).execute();
        }
    }

    /**
     * Per member, the net (charged for the month less paid in it) of each month after the given
     * one, from the stored rows.
     */
    private Map<Long, Map<YearMonth, Long>> laterNets(Map<Long, YearMonth> after) {
        Map<Long, Map<YearMonth, Long>> out = new HashMap<>();
        if (after.isEmpty()) {
            return out;
        }
        if (after.size() > BULK / 10) {
            YearMonth min = after.values().stream().min(YearMonth::compareTo).orElseThrow();
            try (var cursor = db.dsl().select(DUES_CHARGE.MEMBER_ID, DUES_CHARGE.PERIOD, DUES_CHARGE.AMOUNT_FEN)
                    .from(DUES_CHARGE).where(DUES_CHARGE.PERIOD.gt(min.atDay(1))).fetchSize(5000).fetchLazy()) {
                for (var r : cursor) {
                    YearMonth from = after.get(r.value1());
                    YearMonth m = YearMonth.from(r.value2());
                    if (from != null && m.isAfter(from)) {
                        out.computeIfAbsent(r.value1(), k -> new HashMap<>()).merge(m, r.value3(), Long::sum);
                    }
                }
            }
            try (var cursor = db.dsl().select(DUES_PAYMENT.MEMBER_ID, DUES_PAYMENT.PAID_ON, DUES_PAYMENT.AMOUNT_FEN)
                    .from(DUES_PAYMENT).where(DUES_PAYMENT.PAID_ON.gt(min.atEndOfMonth())).fetchSize(5000)
                    .fetchLazy()) {
                for (var r : cursor) {
                    YearMonth from = after.get(r.value1());
                    YearMonth m = YearMonth.from(r.value2());
                    if (from != null && m.isAfter(from)) {
                        out.computeIfAbsent(r.value1(), k -> new HashMap<>()).merge(m, -r.value3(), Long::sum);
                    }
                }
            }
            return out;
        }
        after.forEach((member, from) -> {
            Map<YearMonth, Long> nets = new HashMap<>();
            db.dsl().select(DUES_CHARGE.PERIOD, DUES_CHARGE.AMOUNT_FEN).from(DUES_CHARGE)
                    .where(DUES_CHARGE.MEMBER_ID.eq(member)).and(DUES_CHARGE.PERIOD.gt(from.atDay(1)))
                    .forEach(r -> nets.merge(YearMonth.from(r.value1()), r.value2(), Long::sum));
            db.dsl().select(DUES_PAYMENT.PAID_ON, DUES_PAYMENT.AMOUNT_FEN).from(DUES_PAYMENT)
                    .where(DUES_PAYMENT.MEMBER_ID.eq(member)).and(DUES_PAYMENT.PAID_ON.gt(from.atEndOfMonth()))
                    .forEach(r -> nets.merge(YearMonth.from(r.value1()), -r.value2(), Long::sum));
            out.put(member, nets);
        });
        return out;
    }

    private Map<Long, Long> balancesOf(Collection<Long> members) {
        Map<Long, Long> out = new HashMap<>(members.size() * 2);
        if (members.size() > BULK) {
            try (var cursor = db.dsl().select(DUES_MEMBER_BALANCE.MEMBER_ID, DUES_MEMBER_BALANCE.BALANCE_FEN)
                    .from(DUES_MEMBER_BALANCE).fetchSize(5000).fetchLazy()) {
                for (var r : cursor) {
                    out.put(r.value1(), r.value2());
                }
            }
        } else {
            for (List<Long> chunk : chunks(members)) {
                db.dsl().select(DUES_MEMBER_BALANCE.MEMBER_ID, DUES_MEMBER_BALANCE.BALANCE_FEN).from(DUES_MEMBER_BALANCE)
                        .where(DUES_MEMBER_BALANCE.MEMBER_ID.in(chunk)).forEach(r -> out.put(r.value1(), r.value2()));
            }
        }
        return out;
    }

    private void writeBalances(Map<Long, Long> balances) {
        db.dsl().connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO DUES_MEMBER_BALANCE (MEMBER_ID, BALANCE_FEN) "
                    + "KEY (MEMBER_ID) VALUES (?, ?)")) {
                int n = 0;
                for (Map.Entry<Long, Long> e : balances.entrySet()) {
                    ps.setLong(1, e.getKey());
                    ps.setLong(2, e.getValue());
                    ps.addBatch();
                    if (++n % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    // --- members ----------------------------------------------------------------------------------

    /** Members just inserted, before any of their events: counted as the statistics count members without events. */
    void membersAdded(List<Long> ids, List<LocalDate> joinDates, List<MemberStatus> statuses) {
        Map<LocalDate, Integer> changes = new TreeMap<>();
        db.dsl().connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO MEMBER_WITHOUT_EVENTS (MEMBER_ID, JOIN_DATE, "
                    + "STATUS) VALUES (?, ?, ?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(1, ids.get(i));
                    ps.setObject(2, joinDates.get(i));
                    ps.setString(3, statuses.get(i).name());
                    ps.addBatch();
                    if ((i + 1) % 5000 == 0) {
                        ps.executeBatch();
                    }
                    MembershipLedger.holdingChanges(MembershipLedger.syntheticMarks(joinDates.get(i), statuses.get(i)))
                            .forEach((day, v) -> changes.merge(day, v, Integer::sum));
                }
                ps.executeBatch();
            }
        });
        addHoldingChanges(changes);
    }

    /**
     * A member's join date or status changed in the register: matters only while they have no
     * lifecycle event (the statistics then take both from the register).
     */
    void registerChanged(long memberId, LocalDate joinDate, MemberStatus status) {
        var row = db.dsl().selectFrom(MEMBER_WITHOUT_EVENTS).where(MEMBER_WITHOUT_EVENTS.MEMBER_ID.eq(memberId))
                .fetchOne();
        if (row == null || row.getJoinDate().equals(joinDate) && row.getStatus().equals(status.name())) {
            return;
        }
        Map<LocalDate, Integer> changes = new TreeMap<>();
        MembershipLedger.holdingChanges(MembershipLedger.syntheticMarks(row.getJoinDate(),
                MemberStatus.valueOf(row.getStatus()))).forEach((day, v) -> changes.merge(day, -v, Integer::sum));
        MembershipLedger.holdingChanges(MembershipLedger.syntheticMarks(joinDate, status))
                .forEach((day, v) -> changes.merge(day, v, Integer::sum));
        db.dsl().update(MEMBER_WITHOUT_EVENTS).set(MEMBER_WITHOUT_EVENTS.JOIN_DATE, joinDate)
                .set(MEMBER_WITHOUT_EVENTS.STATUS, status.name())
                .where(MEMBER_WITHOUT_EVENTS.MEMBER_ID.eq(memberId)).execute();
        addHoldingChanges(changes);
    }

    /**
     * Lifecycle events about to be inserted (call before inserting them; they get higher ids
     * than every stored event, in list order): the holders over time change by the difference
     * between each member's marks with and without them.
     */
    void eventsAdding(List<MemberEvent> events) {
        Map<Long, List<StatusMark>> added = new LinkedHashMap<>();
        for (MemberEvent e : events) {
            if (e.type() != MemberEventType.UPDATE) {
                added.computeIfAbsent(e.memberId(), k -> new ArrayList<>(1))
                        .add(new StatusMark(e.eventDate(), e.type(), e.statusAfter()));
            }
        }
        if (added.isEmpty()) {
            return;
        }
        Map<Long, List<StatusMark>> stored = new HashMap<>();
        Map<Long, List<StatusMark>> synthetic = new HashMap<>();
        for (List<Long> chunk : chunks(added.keySet())) {
            db.dsl().selectFrom(MEMBER_WITHOUT_EVENTS).where(MEMBER_WITHOUT_EVENTS.MEMBER_ID.in(chunk))
                    .forEach(r -> synthetic.put(r.getMemberId(), MembershipLedger.syntheticMarks(r.getJoinDate(),
                            MemberStatus.valueOf(r.getStatus()))));
            // a member listed without events has none stored (new members of an import: no look-up)
            List<Long> withEvents = chunk.stream().filter(id -> !synthetic.containsKey(id)).toList();
            if (withEvents.isEmpty()) {
                continue;
            }
            db.dsl().select(MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.EVENT_DATE, MEMBER_EVENT.EVENT_TYPE,
                    MEMBER_EVENT.STATUS_AFTER).from(MEMBER_EVENT)
                    .where(MEMBER_EVENT.MEMBER_ID.in(withEvents))
                    .and(MEMBER_EVENT.EVENT_TYPE.ne(MemberEventType.UPDATE.name()))
                    .orderBy(MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.ID)
                    .forEach(r -> stored.computeIfAbsent(r.value1(), k -> new ArrayList<>(2))
                            .add(new StatusMark(r.value2(), MemberEventType.valueOf(r.value3()),
                                    MemberStatus.valueOf(r.value4()))));
        }
        Map<LocalDate, Integer> changes = new TreeMap<>();
        added.forEach((member, marks) -> {
            List<StatusMark> old = stored.get(member);
            List<StatusMark> beforeMarks = old != null ? sorted(old) : synthetic.getOrDefault(member, List.of());
            List<StatusMark> all = new ArrayList<>(old == null ? List.of() : old);
            all.addAll(marks);
            MembershipLedger.holdingChanges(beforeMarks).forEach((day, v) -> changes.merge(day, -v, Integer::sum));
            MembershipLedger.holdingChanges(sorted(all)).forEach((day, v) -> changes.merge(day, v, Integer::sum));
        });
        List<Long> gone = new ArrayList<>(synthetic.keySet());
        for (List<Long> chunk : chunks(gone)) {
            db.dsl().deleteFrom(MEMBER_WITHOUT_EVENTS).where(MEMBER_WITHOUT_EVENTS.MEMBER_ID.in(chunk)).execute();
        }
        addHoldingChanges(changes);
    }

    /** Marks in recording order, sorted by date (stable: recording order within a day). */
    private static List<StatusMark> sorted(List<StatusMark> byId) {
        List<StatusMark> l = new ArrayList<>(byId);
        l.sort((a, b) -> a.date().compareTo(b.date()));
        return l;
    }

    private void addHoldingChanges(Map<LocalDate, Integer> changes) {
        if (changes.values().stream().allMatch(v -> v == 0)) {
            return;
        }
        db.dsl().connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO MEMBER_HOLDING_CHANGE t USING (VALUES "
                    + "(CAST(? AS DATE), CAST(? AS INT))) s(D, V) ON t.CHANGE_DAY = s.D "
                    + "WHEN MATCHED THEN UPDATE SET DELTA = t.DELTA + s.V "
                    + "WHEN NOT MATCHED THEN INSERT (CHANGE_DAY, DELTA) VALUES (s.D, s.V)")) {
                for (Map.Entry<LocalDate, Integer> e : changes.entrySet()) {
                    if (e.getValue() != 0) {
                        ps.setObject(1, e.getKey());
                        ps.setInt(2, e.getValue());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        });
        List<LocalDate> touched = changes.entrySet().stream().filter(e -> e.getValue() != 0).map(Map.Entry::getKey)
                .toList();
        for (int i = 0; i < touched.size(); i += 1000) {
            db.dsl().deleteFrom(MEMBER_HOLDING_CHANGE)
                    .where(MEMBER_HOLDING_CHANGE.CHANGE_DAY.in(touched.subList(i, Math.min(touched.size(), i + 1000))))
                    .and(MEMBER_HOLDING_CHANGE.DELTA.eq(0)).execute();
        }
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        List<Long> cur = new ArrayList<>(Math.min(ids.size(), 1000));
        for (Long id : ids) {
            cur.add(id);
            if (cur.size() == 1000) {
                out.add(cur);
                cur = new ArrayList<>(1000);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }
}
