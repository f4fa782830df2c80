package cn.uniondesk.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.LifecycleRequest;
import cn.uniondesk.service.report.DashboardService.Dashboard;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's figures on the known history; remembered figures follow every change. */
class DashboardServiceTest {
    @TempDir
    Path dir;
    AppContext ctx;
    ReportFixture f;

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir);
        f = new ReportFixture().load(ctx);
        ctx.dues().applyRoll(ReportFixture.OCT);
        ctx.dues().applyRoll(ReportFixture.NOV);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void figuresOfTheDayAndTheTrend() {
        Dashboard d = ctx.dashboard().dashboard(); // 2026-11-23
        assertThat(d.membersNow()).isEqualTo(5);
        assertThat(d.memberIds()).containsExactlyInAnyOrder(f.m1, f.m3, f.m4, f.m7, f.m8);
        // joined: m3, m8 (入会), m4 (转入); left: m2 (转出), m5 (退会, 20 Nov)
        assertThat(d.joined()).isEqualTo(3);
        assertThat(d.joinedIds()).containsExactlyInAnyOrder(f.m3, f.m4, f.m8);
        assertThat(d.left()).isEqualTo(2);
        assertThat(d.leftIds()).containsExactlyInAnyOrder(f.m2, f.m5);
        assertThat(d.trend()).hasSize(12);
        assertThat(d.trend().get(10).month()).isEqualTo(ReportFixture.OCT);
        assertThat(d.trend().get(10).members()).isEqualTo(4);
        assertThat(d.trend().get(9).members()).isEqualTo(5); // September: m6 still alive, m8 gone
        assertThat(d.deadlines().get(0).due()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(d.deadlines().get(0).period()).isEqualTo(ReportFixture.NOV);
        assertThat(d.cases().available()).isTrue();
        assertThat(d.cases().openByState()).isEmpty();
        assertThat(d.dueFen()).isEqualTo(ctx.dues().collection(ReportFixture.NOV).dueFen());
        assertThat(d.departments()).extracting(DashboardService.DepartmentRate::department)
                .containsExactly("一车间", "二车间");
    }

    @Test
    void rememberedFiguresFollowPaymentsAndLifecycleSteps() {
        Dashboard before = ctx.dashboard().dashboard();
        int arrears = before.arrears();
        assertThat(arrears).isPositive(); // October was rolled and nobody paid
        long owedBy = ctx.dues().arrears(ReportFixture.OCT).get(0).memberId();
        long owed = ctx.dues().arrears(ReportFixture.OCT).get(0).owedFen();
        ctx.dues().recordPayment(owedBy, owed, DuesService.Method.CASH, LocalDate.of(2026, 10, 30), null, null,
                false);
        Dashboard paid = ctx.dashboard().dashboard();
        assertThat(paid.arrears()).isEqualTo(arrears - 1);
        assertThat(paid.previousDepartments().stream().mapToLong(DashboardService.DepartmentRate::paidFen).sum())
                .isEqualTo(owed);

        ctx.members().applyLifecycle(f.m1, new LifecycleRequest(MemberEventType.LEAVE, LocalDate.of(2026, 11, 22),
                "本人申请", null, null));
        Dashboard after = ctx.dashboard().dashboard();
        assertThat(after.membersNow()).isEqualTo(before.membersNow() - 1);
        assertThat(after.leftIds()).contains(f.m1);
        assertThat(YearMonth.from(after.today())).isEqualTo(ReportFixture.NOV);
    }
}
