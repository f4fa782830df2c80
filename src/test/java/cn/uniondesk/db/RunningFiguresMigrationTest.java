package cn.uniondesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.report.MembershipLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the release before V9 (schema 8) with members, events (out of order, repeated,
 * UPDATEs, members without any), charges (zero and negative ones) and payments (refunds, dates
 * before and after the charges) upgrades to V9, whose running figures then equal a computation
 * from every row; later writes through the repositories (also for members without events) keep
 * them so.
 */
class RunningFiguresMigrationTest {
    @TempDir
    Path dir;

    private static final String[] STEPS = {"LEAVE", "JOIN", "RETIRE", "DECEASE", "TRANSFER_OUT", "TRANSFER_IN",
        "UPDATE"};

    @Test
    void backfillOfAnExistingDatabaseEqualsTheFiguresFromEveryRow() throws Exception {
        String url = Database.url(dir);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("8").load().migrate();
        Random rnd = new Random(7);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO DEPARTMENT (NAME) VALUES ('一车间'), ('二车间'), ('三车间')");
            }
            PreparedStatement member = c.prepareStatement("INSERT INTO MEMBER (NAME, NAME_PINYIN, NAME_INITIALS, "
                    + "GENDER, ID_NUMBER, BIRTH_DATE, DEPARTMENT_ID, JOIN_DATE, STATUS) VALUES (?,?,?,?,?,?,?,?,?)");
            PreparedStatement event = c.prepareStatement("INSERT INTO MEMBER_EVENT (MEMBER_ID, EVENT_TYPE, EVENT_DATE, "
                    + "STATUS_AFTER, OPERATOR, RECORDED_AT) VALUES (?,?,?,?,?,?)");
            PreparedStatement charge = c.prepareStatement("INSERT INTO DUES_CHARGE (MEMBER_ID, PERIOD, KIND, BASE_FEN, "
                    + "AMOUNT_FEN, CREATED_AT) VALUES (?,?,?,0,?,?)");
            PreparedStatement payment = c.prepareStatement("INSERT INTO DUES_PAYMENT (MEMBER_ID, AMOUNT_FEN, METHOD, "
                    + "PAID_ON, RECORDED_AT, RECORDED_BY) VALUES (?,?,?,?,?,'t')");
            LocalDateTime now = LocalDateTime.of(2026, 11, 23, 9, 0);
            for (int i = 1; i <= 60; i++) {
                LocalDate join = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(1000));
                int dept = rnd.nextInt(4);
                boolean noEvents = i % 9 == 0;
                String status = noEvents && i % 2 == 0 ? "LEFT" : "ACTIVE";
                member.setString(1, "会员" + i);
                member.setString(2, "huiyuan");
                member.setString(3, "hy");
                member.setString(4, i % 2 == 0 ? "F" : "M");
                member.setString(5, String.format("ID%016d", i));
                member.setObject(6, LocalDate.of(1980, 1, 1));
                member.setObject(7, dept == 0 ? null : (long) dept, java.sql.Types.BIGINT);
                member.setObject(8, join);
                member.setString(9, status);
                member.executeUpdate();
                if (!noEvents) {
                    addEvent(event, i, "JOIN", join, "ACTIVE", now);
                    LocalDate d = join;
                    for (int k = rnd.nextInt(4); k > 0; k--) {
                        String step = STEPS[rnd.nextInt(STEPS.length)];
                        // some steps are back-dated (recorded after later ones) or share a day
                        d = rnd.nextInt(4) == 0 ? d.minusDays(rnd.nextInt(40)) : d.plusDays(rnd.nextInt(200));
                        String after = switch (step) {
                            case "LEAVE" -> "LEFT";
                            case "RETIRE" -> "RETIRED";
                            case "DECEASE" -> "DECEASED";
                            case "TRANSFER_OUT" -> "TRANSFERRED_OUT";
                            default -> "ACTIVE";
                        };
                        addEvent(event, i, step, d, after, now);
                    }
                }
                for (YearMonth m = YearMonth.of(2025, 6); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
                    if (rnd.nextInt(3) > 0) {
                        charge.setLong(1, i);
                        charge.setObject(2, m.atDay(1));
                        charge.setString(3, rnd.nextInt(10) == 0 ? "ADJUST" : "REGULAR");
                        charge.setLong(4, rnd.nextInt(10) == 0 ? -rnd.nextInt(300) : rnd.nextInt(3000));
                        charge.setObject(5, now);
                        charge.executeUpdate();
                    }
                    if (rnd.nextInt(2) > 0) {
                        payment.setLong(1, i);
                        payment.setLong(2, rnd.nextInt(8) == 0 ? -rnd.nextInt(500) : rnd.nextInt(4000));
                        payment.setString(3, "CASH");
                        payment.setObject(4, m.atDay(1).plusDays(rnd.nextInt(70)));
                        payment.setObject(5, now);
                        payment.executeUpdate();
                    }
                }
            }
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.appliedMigrations()).isPositive();
            ReportRepository reports = new ReportRepository(db);
            assertFiguresEqualRows(reports, "after the upgrade");

            // later writes through the repositories keep them, also for a member without events
            MemberRepository members = new MemberRepository(db);
            DuesRepository dues = new DuesRepository(db);
            long synthetic = db.inTransaction(() -> {
                long id = db.dsl().select(cn.uniondesk.db.generated.Tables.MEMBER_WITHOUT_EVENTS.MEMBER_ID)
                        .from(cn.uniondesk.db.generated.Tables.MEMBER_WITHOUT_EVENTS).limit(1).fetchOne().value1();
                members.updateStatus(id, MemberStatus.RETIRED);
                return id;
            });
            assertFiguresEqualRows(reports, "a status change of a member without events");
            db.inTransaction(() -> members.insertEvent(new MemberEvent(null, synthetic, MemberEventType.LEAVE,
                    LocalDate.of(2026, 11, 10), "r", null, null, MemberStatus.RETIRED, MemberStatus.LEFT, "t",
                    Instant.now(), null)));
            assertFiguresEqualRows(reports, "the first event of a member without events");
            db.inTransaction(() -> {
                dues.insertCharges(List.of(new cn.uniondesk.domain.dues.Charge(3, YearMonth.of(2025, 1),
                        cn.uniondesk.domain.dues.ChargeKind.ADJUST, 0, 777, null)), LocalDateTime.now());
                dues.insertPayment(4, 5000, "CASH", LocalDate.of(2024, 12, 31), null, null, null, LocalDateTime.now(),
                        "t");
                dues.deleteRegular(List.of(5L, 6L, 7L), YearMonth.of(2026, 3));
            });
            assertFiguresEqualRows(reports, "writes before the first month and a deletion");
        }
    }

    private static void addEvent(PreparedStatement ps, long member, String type, LocalDate date, String after,
            LocalDateTime at) throws java.sql.SQLException {
        ps.setLong(1, member);
        ps.setString(2, type);
        ps.setObject(3, date);
        ps.setString(4, after);
        ps.setString(5, "t");
        ps.setObject(6, at);
        ps.executeUpdate();
    }

    private static void assertFiguresEqualRows(ReportRepository reports, String when) {
        MembershipLedger ledger = reports.ledger();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2023, 12, 1); d.isBefore(LocalDate.of(2027, 6, 1)); d = d.plusDays(11)) {
            days.add(d);
        }
        assertThat(reports.holdersOn(days)).as("holders %s", when).containsExactly(ledger.holdersOn(days));
        for (YearMonth m = YearMonth.of(2024, 10); !m.isAfter(YearMonth.of(2027, 3)); m = m.plusMonths(1)) {
            Map<Long, long[]> running = reports.dueAndPaidByDepartment(m);
            Map<Long, long[]> rows = reports.dueAndPaidByDepartmentFromRows(m);
            assertThat(flat(running)).as("dues by department of %s %s", m, when).isEqualTo(flat(rows));
            assertThat(reports.arrearsCount(m)).as("arrears of %s %s", m, when)
                    .isEqualTo(reports.arrearsCountFromRows(m));
            LocalDate from = m.atDay(1);
            LocalDate to = m.atEndOfMonth();
            var counts = ledger.count(from, to).total();
            long joined = reports.marksBetween(from, to).stream()
                    .filter(x -> EnumSet.of(MemberEventType.JOIN, MemberEventType.TRANSFER_IN).contains(x.type())).count();
            long left = reports.marksBetween(from, to).stream().filter(x -> EnumSet.of(MemberEventType.LEAVE,
                    MemberEventType.TRANSFER_OUT, MemberEventType.DECEASE).contains(x.type())).count();
            assertThat(joined).as("joined in %s %s", m, when).isEqualTo(counts.joined() + counts.transferredIn());
            assertThat(left).as("left in %s %s", m, when)
                    .isEqualTo(counts.left() + counts.transferredOut() + counts.deceased());
        }
    }

    private static Map<Long, List<Long>> flat(Map<Long, long[]> m) {
        Map<Long, List<Long>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.of(v[0], v[1])));
        return out;
    }
}
