package cn.uniondesk.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.db.Database;
import cn.uniondesk.db.MemberRepository;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.domain.report.AgeBand;
import cn.uniondesk.domain.report.PeriodCounts;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 会员统计月报 from the member events: a known history gives known figures, and start + changes = end. */
class MembershipReportTest {
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

    @Test
    void novemberFiguresComeFromTheEventsAndBalance() {
        MembershipReport r = ctx.reports().membership(ReportFixture.NOV);
        PeriodCounts t = r.total();
        assertThat(List.of(t.start(), t.joined(), t.transferredIn(), t.transferredOut(), t.left(), t.deceased(),
                t.end())).containsExactly(4, 2, 1, 1, 1, 0, 5);
        assertThat(t.balanced()).isTrue();
        assertThat(t.women()).isEqualTo(2);
        assertThat(t.migrantWorkers()).isEqualTo(2);
        assertThat(t.retired()).isEqualTo(1);
        assertThat(t.ageBands()).containsExactly(0, 1, 3, 0, 1);
        assertThat(t.ageBand(AgeBand.FROM_56)).isEqualTo(1);
        PeriodCounts a = r.departments().get("一车间");
        PeriodCounts b = r.departments().get("二车间");
        assertThat(List.of(a.start(), a.joined(), a.transferredOut(), a.end())).containsExactly(3, 1, 1, 3);
        assertThat(List.of(b.start(), b.joined(), b.transferredIn(), b.left(), b.end())).containsExactly(1, 1, 1, 1, 2);
        assertThat(r.unbalancedDepartments()).isEmpty();
        assertThat(r.departmentsAddUp()).isTrue();
    }

    @Test
    void aPastMonthShowsWhatItWasThenNotTheRegisterToday() {
        PeriodCounts oct = ctx.reports().membership(ReportFixture.OCT).total();
        assertThat(List.of(oct.start(), oct.joined(), oct.deceased(), oct.end())).containsExactly(5, 0, 1, 4);
        assertThat(oct.balanced()).isTrue();
        // November's start is October's end
        assertThat(ctx.reports().membership(ReportFixture.NOV).total().start()).isEqualTo(oct.end());
    }

    @Test
    void contradictoryEventsBreakTheIdentityAndTheReportSaysSo() {
        ctx.close();
        // a second 入会 of a member who is already in the register (an import gone wrong, say)
        try (Database db = Database.open(dir)) {
            new MemberRepository(db).insertEvent(new MemberEvent(null, f.m1, MemberEventType.JOIN,
                    LocalDate.of(2026, 11, 12), null, null, null, MemberStatus.ACTIVE, MemberStatus.ACTIVE, "x",
                    Instant.now(), null));
        }
        ctx = TestApp.open(dir);
        MembershipReport r = ctx.reports().membership(ReportFixture.NOV);
        assertThat(r.total().joined()).isEqualTo(3);
        assertThat(r.total().expectedEnd()).isEqualTo(6);
        assertThat(r.total().end()).isEqualTo(5);
        assertThat(r.balanced()).isFalse();
        assertThat(r.unbalancedDepartments()).containsExactly("一车间");
        ReportService.MonthlySet set = ctx.reports().monthlySet(ReportFixture.NOV);
        assertThat(set.failedChecks()).extracting(ReportSheet.Check::figures)
                .anyMatch(s -> s.contains("4 + 3 + 1 − 1 − 1 − 0 = 6") && s.contains("期末 5"));
    }
}
