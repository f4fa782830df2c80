package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.ReportLine;
import cn.uniondesk.service.RuleViolationException;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefundViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final Messages messages = Messages.chinese();
    final LocalDate today = LocalDate.now(TestData.CLOCK);
    DuesViewModel dues;
    ReportLine member;
    long paidBefore;
    RefundViewModel vm;
    final List<String> done = new ArrayList<>();

    @BeforeEach
    void open() {
        ctx = DemoCopy.open(dir);
        dues = new DuesViewModel(ctx.dues(), ctx.members(), new SameThreadExecutor(), messages, today);
        dues.activate();
        // a member paid through the demo year by payroll
        YearMonth last = YearMonth.from(today).minusMonths(1);
        member = ctx.dues().monthlyReport(last).lines().stream().filter(l -> l.paidFen() > 0).findFirst()
                .orElseThrow();
        paidBefore = ctx.dues().paidTotal(member.memberId());
        ReportLine row = dues.rows().stream().filter(l -> l.memberId() == member.memberId()).findFirst().orElseThrow();
        vm = dues.refundFor(row);
        vm.load();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void showsWhatTheMemberHasPaidAndNoMessagesBeforeTyping() {
        assertThat(vm.paidTextProperty().get()).isEqualTo(member.name() + " 已缴合计 "
                + DuesViewModel.yuan(paidBefore) + " 元（退款不能超过这个数）");
        assertThat(vm.amountErrorProperty().get()).isEmpty();
        assertThat(vm.reasonErrorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void moreThanWasPaidIsRefusedWithTheLimitAndNothingIsWritten() {
        vm.amountProperty().set(DuesViewModel.yuan(paidBefore + 1));
        vm.reasonProperty().set("多缴退回");

        assertThat(vm.amountErrorProperty().get()).isEqualTo("退款金额不能超过该会员已缴的 "
                + DuesViewModel.yuan(paidBefore) + " 元");
        assertThat(vm.submit(done::add)).isFalse();
        assertThat(done).isEmpty();
        assertThat(ctx.dues().paidTotal(member.memberId())).isEqualTo(paidBefore);
    }

    @Test
    void amountAndReasonAreRequiredAndCheckedAsTyped() {
        int auditBefore = ctx.audit().count();
        assertThat(vm.submit(done::add)).isFalse();
        assertThat(vm.amountErrorProperty().get()).isEqualTo("请填写退款金额");
        assertThat(vm.reasonErrorProperty().get()).isEqualTo("请填写退款原因");

        vm.amountProperty().set("十元");
        assertThat(vm.amountErrorProperty().get()).isEqualTo("金额格式不对：十元");
        vm.amountProperty().set("0");
        assertThat(vm.amountErrorProperty().get()).isEqualTo("金额必须大于零");
        vm.amountProperty().set("1.234");
        assertThat(vm.amountErrorProperty().get()).isEqualTo("金额格式不对：1.234");
        vm.amountProperty().set("1.20");
        assertThat(vm.amountErrorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isFalse();
        vm.reasonProperty().set("   ");
        assertThat(vm.reasonErrorProperty().get()).isEqualTo("请填写退款原因");
        assertThat(vm.submit(done::add)).isFalse();

        assertThat(ctx.audit().count()).isEqualTo(auditBefore);
        assertThat(ctx.dues().paidTotal(member.memberId())).isEqualTo(paidBefore);
    }

    @Test
    void aValidRefundIsRecordedWithItsReasonAndTheScreenReloads() {
        vm.amountProperty().set("1.20");
        vm.reasonProperty().set(" 多缴退回 ");
        assertThat(vm.validProperty().get()).isTrue();

        assertThat(vm.submit(dues::refunded)).isTrue();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(ctx.dues().paidTotal(member.memberId())).isEqualTo(paidBefore - 120);
        assertThat(dues.messageProperty().get()).isEqualTo("已为 " + member.name() + " 登记退款 1.20 元");
        assertThat(ctx.audit().find(null, "member", Long.toString(member.memberId()), 5).get(0).after())
                .contains("amount_fen=-120").contains("method=REFUND");
    }

    @Test
    void theServiceItselfRefusesARefundAboveWhatWasPaid() {
        int auditBefore = ctx.audit().count();
        assertThatThrownBy(() -> ctx.dues().recordPayment(member.memberId(), paidBefore + 1,
                DuesService.Method.REFUND, today, null, "多缴退回", false))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("dues.refundTooLarge"));
        assertThat(ctx.audit().count()).isEqualTo(auditBefore);
        assertThat(ctx.dues().paidTotal(member.memberId())).isEqualTo(paidBefore);
    }

    @Test
    void readOnlyRolesGetNoRefundEntry() {
        dues.setReadOnly(true);
        assertThat(dues.refundFor(dues.rows().get(0))).isNull();
    }
}
