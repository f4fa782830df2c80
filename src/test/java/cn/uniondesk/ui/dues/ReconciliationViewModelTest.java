package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.AuditEntry;
import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.MismatchKind;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.SameThreadExecutor;
import cn.uniondesk.ui.dues.ReconciliationViewModel.Line;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final Messages messages = Messages.chinese();
    final LocalDate today = LocalDate.now(TestData.CLOCK);
    final YearMonth month = YearMonth.from(today);
    PayrollFixture sheet;
    ReconciliationViewModel vm;
    final AtomicInteger booked = new AtomicInteger();

    @BeforeEach
    void open() {
        ctx = DemoCopy.open(dir.resolve("data"));
        sheet = PayrollFixture.write(ctx, month, dir.resolve("代扣.xlsx"));
        vm = new ReconciliationViewModel(ctx.dues(), new SameThreadExecutor(), messages, today);
        vm.setOnBooked(booked::incrementAndGet);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private Line line(MismatchKind kind, Long memberId) {
        return vm.allLines().stream().filter(l -> l.mismatch().kind() == kind
                && (memberId == null || memberId.equals(l.mismatch().memberId()))).findFirst().orElseThrow();
    }

    private long paid(long memberId) {
        return ctx.dues().paidTotal(memberId);
    }

    @Test
    void everyMismatchIsListedWithItsProposalAndTheProposalsAreCheckedByDefault() {
        vm.chooseFile(sheet.file());

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.allLines()).extracting(l -> l.mismatch().kind()).containsExactlyInAnyOrder(
                MismatchKind.NOT_A_MEMBER, MismatchKind.AMOUNT_DIFFERS, MismatchKind.AMOUNT_DIFFERS,
                MismatchKind.MISSING_FROM_PAYROLL, MismatchKind.DUPLICATE_LINE);
        // grouped by kind
        assertThat(vm.rows()).extracting(l -> l.mismatch().kind()).isSortedAccordingTo(Enum::compareTo);
        Line less = line(MismatchKind.AMOUNT_DIFFERS, sheet.less());
        assertThat(less.actionable()).isTrue();
        assertThat(less.acceptedProperty().get()).isTrue();
        assertThat(less.proposalText()).isEqualTo("按实扣 " + DuesViewModel.yuan(sheet.lessDeductedFen())
                + " 元入账，少扣的 1.00 元计入欠缴");
        assertThat(line(MismatchKind.AMOUNT_DIFFERS, sheet.more()).proposalText()).contains("多扣的 1.00 元抵以后月份");
        Line stranger = line(MismatchKind.NOT_A_MEMBER, null);
        assertThat(stranger.mismatch().name()).isEqualTo(PayrollFixture.STRANGER);
        assertThat(stranger.proposalText()).isEqualTo("建议退还本人 20.00 元（记为应退款）");
        assertThat(line(MismatchKind.DUPLICATE_LINE, sheet.twice()).acceptedProperty().get()).isTrue();
        Line missing = line(MismatchKind.MISSING_FROM_PAYROLL, sheet.missing());
        assertThat(missing.actionable()).isFalse();
        assertThat(missing.accepted()).isFalse();
        assertThat(missing.proposalText()).startsWith("不入账：应缴");
        assertThat(vm.matchedTextProperty().get()).isEqualTo("相符 " + sheet.matchedCount() + " 人，"
                + DuesViewModel.yuan(sheet.matchedFen()) + " 元");
        // the duplicate's first line matches; its second is the mismatch
        assertThat(vm.sheetTotalFen()).isEqualTo(sheet.matchedFen() + sheet.lessDeductedFen()
                + sheet.moreDeductedFen() + sheet.strangerFen() + sheet.twiceFen());
        assertThat(vm.mismatchedTextProperty().get()).startsWith("不符 5 项");
        assertThat(vm.bookTextProperty().get()).isEqualTo("确认后入账 " + (sheet.matchedCount() + 2) + " 笔 "
                + DuesViewModel.yuan(sheet.matchedFen() + sheet.lessDeductedFen() + sheet.moreDeductedFen())
                + " 元；记应退款 2 项 " + DuesViewModel.yuan(sheet.strangerFen() + sheet.twiceFen()) + " 元");
        assertThat(vm.canBookProperty().get()).isTrue();
        // reconciling wrote nothing
        assertThat(ctx.dues().collection(month).paidFen()).isZero();
        assertThat(ctx.dues().payrollBooked(month)).isFalse();
    }

    @Test
    void bookingWritesTheMatchesAndOnlyTheCheckedAdjustments() {
        vm.chooseFile(sheet.file());
        line(MismatchKind.AMOUNT_DIFFERS, sheet.more()).acceptedProperty().set(false);
        line(MismatchKind.DUPLICATE_LINE, sheet.twice()).acceptedProperty().set(false);
        long morePaidBefore = paid(sheet.more());
        long lessPaidBefore = paid(sheet.less());
        assertThat(vm.confirmText()).contains("代扣入账 " + (sheet.matchedCount() + 1) + " 笔")
                .contains("记为应退款 1 项").contains("未勾选的 2 项不处理");

        vm.book();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("已入账“" + DuesService.payrollBatchRef(month) + "”："
                + (sheet.matchedCount() + 1) + " 笔");
        assertThat(ctx.dues().collection(month).paidFen()).isEqualTo(sheet.matchedFen() + sheet.lessDeductedFen());
        assertThat(paid(sheet.less())).isEqualTo(lessPaidBefore + sheet.lessDeductedFen());
        assertThat(paid(sheet.more())).isEqualTo(morePaidBefore);
        List<AuditEntry> refunds = ctx.audit().find(null, "payroll", null, 50).stream()
                .filter(a -> a.action().equals("PAYROLL_REFUND_DUE")).toList();
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).after()).contains(PayrollFixture.STRANGER);
        assertThat(vm.canBookProperty().get()).isFalse();
        assertThat(booked.get()).isEqualTo(1);
    }

    @Test
    void aMonthAlreadyBookedIsSaidAtOnceAndCannotBeBookedAgain() {
        vm.chooseFile(sheet.file());
        // meanwhile someone books the month (another window, the command line)
        ReconciliationViewModel other = new ReconciliationViewModel(ctx.dues(), new SameThreadExecutor(), messages,
                today);
        other.chooseFile(sheet.file());
        other.book();
        long paidAfterFirst = ctx.dues().collection(month).paidFen();

        vm.book();

        assertThat(vm.errorProperty().get()).isEqualTo("这一批代扣（" + DuesService.payrollBatchRef(month)
                + "）已经入账，不能重复入账");
        assertThat(vm.canBookProperty().get()).isFalse();
        assertThat(ctx.dues().collection(month).paidFen()).isEqualTo(paidAfterFirst);

        ReconciliationViewModel later = new ReconciliationViewModel(ctx.dues(), new SameThreadExecutor(), messages,
                today);
        later.chooseFile(sheet.file());
        assertThat(later.warningProperty().get()).contains("已经入账");
        assertThat(later.canBookProperty().get()).isFalse();
        assertThat(later.allLines()).isNotEmpty();
    }

    @Test
    void theKindFilterShowsOneKindAndCheckAllActsOnlyOnWhatIsShown() {
        vm.chooseFile(sheet.file());
        assertThat(vm.count(null)).isEqualTo(5);
        assertThat(vm.count(MismatchKind.AMOUNT_DIFFERS)).isEqualTo(2);

        vm.kindFilterProperty().set(MismatchKind.AMOUNT_DIFFERS);
        assertThat(vm.rows()).hasSize(2).allMatch(l -> l.mismatch().kind() == MismatchKind.AMOUNT_DIFFERS);
        vm.acceptAllShown(false);
        vm.kindFilterProperty().set(null);

        assertThat(vm.rows()).hasSize(5);
        assertThat(vm.acceptedIds()).containsExactlyInAnyOrder(line(MismatchKind.NOT_A_MEMBER, null).mismatch().id(),
                line(MismatchKind.DUPLICATE_LINE, null).mismatch().id());
    }

    @Test
    void aSheetWithoutADeductionHeaderIsRefusedClearlyAndNothingIsWritten() throws Exception {
        Path bad = dir.resolve("名单.csv");
        Files.writeString(bad, "姓名,部门\n张三,一车间\n");
        int auditBefore = ctx.audit().count();

        vm.chooseFile(bad);

        assertThat(vm.errorProperty().get()).startsWith("无法读取 名单.csv：");
        assertThat(vm.allLines()).isEmpty();
        assertThat(vm.canBookProperty().get()).isFalse();
        assertThat(ctx.audit().count()).isEqualTo(auditBefore);
        assertThat(ctx.dues().collection(month).paidFen()).isZero();
    }

    @Test
    void changingTheMonthChecksTheSameSheetAgainstThatMonth() {
        vm.monthProperty().set(month);
        vm.chooseFile(sheet.file());
        assertThat(vm.resultProperty().get().month()).isEqualTo(month);

        vm.monthProperty().set(month.minusMonths(1));

        assertThat(vm.resultProperty().get().month()).isEqualTo(month.minusMonths(1));
        // the previous month was booked by the demo's payroll
        assertThat(vm.warningProperty().get()).contains("已经入账");
        assertThat(vm.canBookProperty().get()).isFalse();
    }

    @Test
    void anAuditorMayCheckASheetButNotBookIt() {
        ctx.session().switchTo("审计员", Role.AUDITOR);
        vm.setReadOnly(!ctx.session().may(cn.uniondesk.domain.Permission.MEMBER_WRITE));

        vm.chooseFile(sheet.file());
        assertThat(vm.allLines()).hasSize(5);
        assertThat(vm.canBookProperty().get()).isFalse();
        vm.book();

        assertThat(ctx.dues().payrollBooked(month)).isFalse();
        assertThat(booked.get()).isZero();
    }

    @Test
    void theServiceRefusesAnAuditorEvenWhenTheScreenWouldLetHim() {
        vm.chooseFile(sheet.file());
        ctx.session().switchTo("审计员", Role.AUDITOR);

        vm.book();

        assertThat(vm.errorProperty().get()).startsWith("当前角色（审计）无权");
        assertThat(ctx.dues().payrollBooked(month)).isFalse();
    }
}
