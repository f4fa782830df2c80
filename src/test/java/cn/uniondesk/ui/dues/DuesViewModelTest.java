package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Role;
import cn.uniondesk.service.Session;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService.ReportLine;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuesViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    DuesViewModel vm;
    final Messages messages = Messages.chinese();
    final LocalDate today = LocalDate.now(TestData.CLOCK);
    final YearMonth current = YearMonth.from(today);

    @BeforeEach
    void open() {
        ctx = DemoCopy.open(dir);
        vm = new DuesViewModel(ctx.dues(), ctx.members(), new SameThreadExecutor(), messages, today);
        vm.activate();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void showsTheCurrentMonthsFiguresAndAnEmptyPreviewOfTheRolledMonth() {
        assertThat(vm.monthProperty().get()).isEqualTo(current);
        assertThat(vm.errorProperty().get()).isEmpty();
        var c = ctx.dues().collection(current);
        assertThat(c.dueFen()).isPositive();
        assertThat(vm.dueTextProperty().get()).isEqualTo(DuesViewModel.yuan(c.dueFen()));
        assertThat(vm.paidTextProperty().get()).isEqualTo(DuesViewModel.yuan(c.paidFen()));
        assertThat(vm.outstandingTextProperty().get()).isEqualTo(DuesViewModel.yuan(c.outstandingFen()));
        assertThat(vm.rateTextProperty().get()).endsWith("%");
        assertThat(vm.previewProperty().get().isEmpty()).isTrue();
        assertThat(vm.canApplyProperty().get()).isFalse();
        assertThat(vm.changeLines()).isEmpty();
        assertThat(vm.rows()).isNotEmpty();
    }

    @Test
    void rollingAMonthBeforeTheDemoYearAddsChargesThenPreviewsEmpty() {
        YearMonth old = YearMonth.of(current.getYear() - 2, 6);
        vm.monthProperty().set(old);
        assertThat(vm.previewProperty().get().month()).isEqualTo(old);
        assertThat(vm.previewProperty().get().added()).isNotEmpty();
        assertThat(vm.canApplyProperty().get()).isTrue();
        assertThat(vm.changeLines()).isNotEmpty();
        assertThat(vm.rows()).isEmpty();
        int added = vm.previewProperty().get().added().size();

        vm.applyRoll();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains(old.toString());
        assertThat(ctx.dues().monthCharges(old)).hasSize(added);
        assertThat(vm.previewProperty().get().isEmpty()).isTrue();
        assertThat(vm.canApplyProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(added);
        assertThat(vm.dueTextProperty().get()).isNotEqualTo("0.00");
    }

    @Test
    void paymentByCardNumberRecordsAReceiptAndTheBatchTotalAddsUp() {
        ReportLine a = vm.rows().stream().filter(l -> l.dueFen() > 0 && l.paidFen() == 0).findFirst().orElseThrow();
        ReportLine b = vm.rows().stream().filter(l -> l.dueFen() > 0 && l.paidFen() == 0 && l.memberId() != a.memberId())
                .findFirst().orElseThrow();
        long paidBefore = ctx.dues().collection(current).paidFen();

        vm.keyInputProperty().set(a.cardNo());
        vm.lookup();
        assertThat(vm.memberTextProperty().get()).contains(a.name());
        assertThat(vm.amountInputProperty().get()).isEqualTo(DuesViewModel.yuan(a.dueFen()));
        vm.submit();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.lastReceiptProperty().get()).matches(today.getYear() + "-\\d{6}");
        assertThat(vm.messageProperty().get()).contains(vm.lastReceiptProperty().get());
        assertThat(vm.keyInputProperty().get()).isEmpty();
        assertThat(vm.amountInputProperty().get()).isEmpty();
        String firstReceipt = vm.lastReceiptProperty().get();

        vm.keyInputProperty().set(b.cardNo());
        vm.amountInputProperty().set("12.34");
        vm.submit();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.lastReceiptProperty().get()).isNotEqualTo(firstReceipt);
        assertThat(vm.batchCount()).isEqualTo(2);
        assertThat(vm.batchTotalFen()).isEqualTo(a.dueFen() + 1234);
        assertThat(vm.batchTextProperty().get()).isEqualTo(
                "本批合计 2 笔 " + DuesViewModel.yuan(a.dueFen() + 1234) + " 元");
        assertThat(ctx.dues().collection(current).paidFen()).isEqualTo(paidBefore + a.dueFen() + 1234);
        assertThat(vm.paidTextProperty().get()).isEqualTo(DuesViewModel.yuan(paidBefore + a.dueFen() + 1234));
        int year = today.getYear();
        int seq = Integer.parseInt(firstReceipt.substring(5));
        assertThat(ctx.dues().receipt(year, seq)).isPresent();

        vm.resetBatch();
        assertThat(vm.batchTextProperty().get()).isEqualTo("本批合计 0 笔 0.00 元");
    }

    @Test
    void anUnknownCardShowsAClearMessageAndWritesNothing() {
        long paidBefore = ctx.dues().collection(current).paidFen();
        vm.keyInputProperty().set("NO-SUCH-CARD");
        vm.amountInputProperty().set("10");
        vm.submit();

        assertThat(vm.errorProperty().get()).isEqualTo("找不到会员：NO-SUCH-CARD");
        assertThat(vm.lastReceiptProperty().get()).isEmpty();
        assertThat(vm.batchCount()).isZero();
        assertThat(vm.keyInputProperty().get()).isEqualTo("NO-SUCH-CARD");
        assertThat(ctx.dues().collection(current).paidFen()).isEqualTo(paidBefore);
    }

    @Test
    void aBadAmountIsRefusedBeforeAnythingIsWritten() {
        ReportLine a = vm.rows().get(0);
        long paidBefore = ctx.dues().collection(current).paidFen();
        vm.keyInputProperty().set(a.cardNo());
        vm.amountInputProperty().set("1.234");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo("金额格式不对：1.234");
        vm.amountInputProperty().set("0");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo("金额必须大于零");
        assertThat(ctx.dues().collection(current).paidFen()).isEqualTo(paidBefore);
    }

    @Test
    void theUnpaidFilterShowsOnlyMembersWithNothingPaid() {
        int all = vm.rows().size();
        vm.filterProperty().set(DuesViewModel.Filter.UNPAID);
        assertThat(vm.rows()).isNotEmpty().allMatch(l -> l.paidFen() == 0);
        ReportLine a = vm.rows().get(0);
        vm.keyInputProperty().set(a.cardNo());
        vm.amountInputProperty().set("5");
        vm.submit();
        assertThat(vm.filterProperty().get()).isEqualTo(DuesViewModel.Filter.UNPAID);
        assertThat(vm.rows()).allMatch(l -> l.paidFen() == 0).noneMatch(l -> l.memberId() == a.memberId());
        vm.filterProperty().set(DuesViewModel.Filter.ALL);
        assertThat(vm.rows()).hasSize(all);
        vm.filterProperty().set(DuesViewModel.Filter.ARREARS);
        assertThat(vm.rows()).allMatch(l -> l.outstandingFen() > 0);
        vm.filterProperty().set(DuesViewModel.Filter.EXEMPT);
        assertThat(vm.rows()).allMatch(l -> l.exemption() != null);
    }

    @Test
    void anAuditorSeesTheMonthButPostingAndPayingAreRefusedAsText() {
        ctx.close();
        ctx = AppContext.open(dir, new Session(TestData.OPERATOR, Role.AUDITOR), TestData.CLOCK);
        DuesViewModel ro = new DuesViewModel(ctx.dues(), ctx.members(), new SameThreadExecutor(), messages, today);
        ro.activate();
        assertThat(ro.rows()).isNotEmpty();
        ro.monthProperty().set(YearMonth.of(current.getYear() - 2, 6));
        assertThat(ro.canApplyProperty().get()).isTrue();
        ro.applyRoll();
        assertThat(ro.errorProperty().get()).isEqualTo(
                messages.get("permission.denied", messages.get("role.AUDITOR")));
        assertThat(ctx.dues().monthCharges(YearMonth.of(current.getYear() - 2, 6))).isEmpty();
        ro.keyInputProperty().set(ctx.dues().monthlyReport(current).lines().get(0).cardNo());
        ro.amountInputProperty().set("10");
        ro.submit();
        assertThat(ro.errorProperty().get()).startsWith(messages.get("permission.denied", messages.get("role.AUDITOR")));
        assertThat(ro.batchCount()).isZero();
    }
}
