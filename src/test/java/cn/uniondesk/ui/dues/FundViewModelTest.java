package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.testing.TestApp;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FundViewModelTest {
    static final YearMonth NOV = YearMonth.of(2026, 11);
    @TempDir
    Path dir;
    AppContext ctx;
    FundViewModel vm;

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir);
        vm = new FundViewModel(ctx.dues(), new SameThreadExecutor(), Messages.chinese(), NOV);
        vm.activate();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private void fill(String payroll, String received, String remitted, String share) {
        vm.payrollProperty().set(payroll);
        vm.receivedProperty().set(received);
        vm.remittedProperty().set(remitted);
        vm.shareProperty().set(share);
    }

    @Test
    void computesDueUpperShareAndRetainedAsTyped() {
        assertThat(vm.stateProperty().get()).isEqualTo("2026-11 尚未录入");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.payrollProperty().set("1234567.89");
        assertThat(vm.dueTextProperty().get()).isEqualTo("24691.35");
        assertThat(vm.upperTextProperty().get()).isEmpty();
        vm.receivedProperty().set("24691.35");
        vm.shareProperty().set("40");
        assertThat(vm.upperTextProperty().get()).isEqualTo("9876.54");
        assertThat(vm.retainedTextProperty().get()).isEqualTo("14814.81");
        vm.remittedProperty().set("0");
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void savingRecordsTheMonthAndListsItInTheYearsTable() {
        fill("100000", "2000", "800", "40");
        assertThat(vm.save()).isTrue();
        DuesService.Fund f = ctx.dues().fund(NOV).orElseThrow();
        assertThat(f.payrollTotalFen()).isEqualTo(10_000_000);
        assertThat(f.dueFen()).isEqualTo(200_000);
        assertThat(f.receivedFen()).isEqualTo(200_000);
        assertThat(f.remittedFen()).isEqualTo(80_000);
        assertThat(f.upperShareBp()).isEqualTo(4000);
        assertThat(vm.messageProperty().get()).isEqualTo("已保存 2026-11 的工会经费：应拨缴 2000.00 元，应上解 800.00 元");
        assertThat(vm.stateProperty().get()).startsWith("2026-11 已录入");
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.monthText()).isEqualTo("2026-11");
            assertThat(r.payroll()).isEqualTo("100000.00");
            assertThat(r.due()).isEqualTo("2000.00");
            assertThat(r.share()).isEqualTo("40%");
            assertThat(r.upper()).isEqualTo("800.00");
            assertThat(r.remitted()).isEqualTo("800.00");
            assertThat(r.retained()).isEqualTo("1200.00");
        });
        assertThat(vm.yearTitleProperty().get()).isEqualTo("2026 年已录入 1 个月");

        // another month starts blank; coming back shows the saved figures
        vm.previousMonth();
        assertThat(vm.payrollProperty().get()).isEmpty();
        assertThat(vm.rows()).hasSize(1);
        vm.nextMonth();
        assertThat(vm.payrollProperty().get()).isEqualTo("100000.00");
        assertThat(vm.shareProperty().get()).isEqualTo("40");
        vm.remittedProperty().set("900");
        assertThat(vm.save()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("已更新 2026-11 的工会经费");
        assertThat(ctx.dues().fund(NOV).orElseThrow().remittedFen()).isEqualTo(90_000);
    }

    @Test
    void badInputShowsWhatIsWrongAndSavesNothing() {
        fill("", "2000", "0", "40");
        assertThat(vm.payrollProblemProperty().get()).as("blank is not called out before a save").isEmpty();
        assertThat(vm.save()).isFalse();
        assertThat(vm.payrollProblemProperty().get()).isEqualTo("请填写");

        fill("10万", "2000", "2500", "140");
        assertThat(vm.payrollProblemProperty().get()).isEqualTo("金额格式不对：应为元，最多两位小数，例如 123456.78");
        assertThat(vm.remittedProblemProperty().get()).as("checked on the year so far, when saved").isEmpty();
        assertThat(vm.shareProblemProperty().get()).isEqualTo("上解比例应在 0% 到 100% 之间：140%");
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("请先改正标红的项目，尚未保存");

        fill("-1", "2000", "0", "四成");
        assertThat(vm.payrollProblemProperty().get()).isEqualTo("工会经费的金额不能为负数");
        assertThat(vm.shareProblemProperty().get()).isEqualTo("上解比例格式不对：应为百分数，例如 40 或 40.5");
        assertThat(vm.save()).isFalse();

        fill("100000", "2000", "0", "40.123");
        assertThat(vm.shareProblemProperty().get()).startsWith("上解比例格式不对");
        assertThat(vm.save()).isFalse();

        assertThat(ctx.dues().fund(NOV)).isEmpty();
        assertThat(ctx.audit().find(null, "union_fund", NOV.toString(), 10)).isEmpty();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void readOnlyRolesCannotSave() {
        ctx.dues().recordFund(NOV, 10_000_000, 200_000, 0, 4000);
        ctx.session().switchTo("审计", Role.AUDITOR);
        vm.setReadOnly(true);
        vm.load();
        assertThat(vm.payrollProperty().get()).isEqualTo("100000.00");
        assertThat(vm.rows()).hasSize(1);
        vm.payrollProperty().set("1");
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(vm.save()).isFalse();
        assertThat(ctx.dues().fund(NOV).orElseThrow().payrollTotalFen()).isEqualTo(10_000_000);
    }

    @Test
    void aRefusalFromTheServiceIsShownAndNothingSaved() {
        ctx.session().switchTo("审计", Role.AUDITOR);
        fill("100000", "2000", "0", "40");
        assertThat(vm.save()).isTrue();
        assertThat(vm.errorProperty().get()).isNotBlank();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(ctx.dues().fund(NOV)).isEmpty();
    }
}
