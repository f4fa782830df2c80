package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.dues.Charge;
import cn.uniondesk.domain.dues.ChargeKind;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuesServiceTest {
    @TempDir
    Path dir;
    AppContext ctx;
    DuesService dues;
    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final YearMonth NOV = YearMonth.of(2026, 11);

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir);
        dues = ctx.dues();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    long member(String name, int seq, String wage, LocalDate joined) {
        String body = "320505" + "19850101" + String.format("%03d", seq);
        return ctx.members().register(new MemberDraft(name, null, null, body + IdNumber.checkChar(body), null, null,
                null, null, null, null, null, false, null, joined, "C" + seq, wage, false, null, null), null)
                .memberId();
    }

    @Test
    void rollChargesEveryActiveMemberByTheRule() {
        long a = member("张三", 11, "5678.90", LocalDate.of(2015, 1, 1));
        long b = member("李四", 21, "9.99", LocalDate.of(2015, 1, 1));
        DuesService.RollPreview p = dues.applyRoll(NOV);
        assertThat(p.added()).hasSize(2);
        assertThat(p.added()).filteredOn(c -> c.memberId() == a).singleElement()
                .satisfies(c -> assertThat(c.amountFen()).isEqualTo(2835));
        assertThat(p.added()).filteredOn(c -> c.memberId() == b).singleElement()
                .satisfies(c -> assertThat(c.amountFen()).isZero());
        assertThat(p.totalDueFen()).isEqualTo(2835);
    }

    @Test
    void rollingTheSameMonthAgainChangesNothing() {
        member("张三", 11, "5678.90", LocalDate.of(2015, 1, 1));
        dues.applyRoll(NOV);
        DuesService.RollPreview again = dues.previewRoll(NOV);
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(dues.applyRoll(NOV).isEmpty()).isTrue();
        assertThat(ctx.audit().find(null, "dues_month", "2026-11", 10)).hasSize(1);
    }

    @Test
    void changedInputsShowTheDifferenceBeforeApplying() {
        long a = member("张三", 11, "5000", LocalDate.of(2015, 1, 1));
        dues.applyRoll(NOV);
        dues.setWage(a, NOV, 600000);
        DuesService.RollPreview p = dues.previewRoll(NOV);
        assertThat(p.changed()).singleElement().satisfies(c -> {
            assertThat(c.before().amountFen()).isEqualTo(2500);
            assertThat(c.after().amountFen()).isEqualTo(3000);
        });
        // the preview wrote nothing
        assertThat(dues.previewRoll(NOV).changed()).hasSize(1);
        dues.applyRoll(NOV);
        assertThat(dues.previewRoll(NOV).isEmpty()).isTrue();
    }

    @Test
    void retireeKeepingMembershipIsChargedNothing() {
        long a = member("张三", 11, "8000", LocalDate.of(2015, 1, 1));
        ctx.members().applyLifecycle(a, new LifecycleRequest(MemberEventType.RETIRE, LocalDate.of(2026, 10, 31),
                "退休", null, null));
        Charge c = dues.applyRoll(NOV).added().get(0);
        assertThat(c.amountFen()).isZero();
        assertThat(c.exemption()).isEqualTo("STATUS:RETIRED");
    }

    @Test
    void midMonthJoinerOwesThatMonthAndLeaverNotTheNext() {
        long joiner = member("新人", 11, "5000", LocalDate.of(2026, 11, 20));
        long leaver = member("离开", 21, "5000", LocalDate.of(2015, 1, 1));
        ctx.members().applyLifecycle(leaver, new LifecycleRequest(MemberEventType.LEAVE, LocalDate.of(2026, 10, 10),
                "离职", null, null));
        assertThat(dues.previewRoll(OCT).added()).extracting(Charge::memberId).containsExactly(leaver);
        assertThat(dues.previewRoll(NOV).added()).extracting(Charge::memberId).containsExactly(joiner);
    }

    @Test
    void pastDatedRaiseProducesBackDuesShownBeforeBooking() {
        long a = member("张三", 11, "5000", LocalDate.of(2015, 1, 1));
        dues.applyRoll(YearMonth.of(2026, 9));
        dues.applyRoll(OCT);
        dues.applyRoll(NOV);
        DuesService.BackDues b = dues.setWage(a, YearMonth.of(2026, 10), 700000);
        assertThat(b.charges()).extracting(Charge::period).containsExactly(OCT, NOV);
        assertThat(b.totalFen()).isEqualTo(2 * (3500 - 2500));
        // nothing booked yet
        assertThat(dues.collection(OCT).dueFen()).isEqualTo(2500);
        dues.bookBackDues(a, YearMonth.of(2026, 10));
        assertThat(dues.collection(OCT).dueFen()).isEqualTo(3500);
        assertThat(dues.backDues(a, YearMonth.of(2026, 10)).charges()).isEmpty();
        // the roll sees the booked back-dues and has nothing more to change
        assertThat(dues.previewRoll(OCT).isEmpty()).isTrue();
        assertThat(dues.collection(YearMonth.of(2026, 9)).dueFen()).isEqualTo(2500);
    }

    @Test
    void receiptsAreNumberedWithoutGapsAndAVoidedOneStays() {
        long a = member("张三", 11, "5000", LocalDate.of(2015, 1, 1));
        dues.applyRoll(OCT);
        dues.applyRoll(NOV);
        var p1 = dues.recordPayment(a, 2500, DuesService.Method.CASH, LocalDate.of(2026, 11, 3), null, null, true);
        var p2 = dues.recordPayment(a, 2500, DuesService.Method.CASH, LocalDate.of(2026, 11, 4), null, null, true);
        assertThat(p1.receiptNo()).isEqualTo("2026-000001");
        assertThat(p2.receiptNo()).isEqualTo("2026-000002");
        assertThat(dues.receipt(2026, 1)).hasValueSatisfying(r -> assertThat(r.months()).isEqualTo("2026-10"));
        assertThat(dues.receipt(2026, 2)).hasValueSatisfying(r -> assertThat(r.months()).isEqualTo("2026-11"));
        dues.voidReceipt(2026, 1, "金额开错");
        assertThat(dues.receipt(2026, 1)).hasValueSatisfying(r -> {
            assertThat(r.voided()).isTrue();
            assertThat(r.voidReason()).isEqualTo("金额开错");
        });
        var p3 = dues.recordPayment(a, 100, DuesService.Method.CASH, LocalDate.of(2026, 11, 5), null, null, true);
        assertThat(p3.receiptNo()).isEqualTo("2026-000003");
    }

    @Test
    void arrearsCarryForwardAndSixMonthsWithoutReasonAreListedForReview() {
        long payer = member("按时", 11, "5000", LocalDate.of(2015, 1, 1));
        long debtor = member("欠缴", 21, "5000", LocalDate.of(2015, 1, 1));
        for (int m = 5; m <= 11; m++) {
            dues.applyRoll(YearMonth.of(2026, m));
            dues.recordPayment(payer, 2500, DuesService.Method.PAYROLL, LocalDate.of(2026, m, 25), "payroll", null,
                    false);
        }
        dues.recordPayment(debtor, 2500 + 1000, DuesService.Method.CASH, LocalDate.of(2026, 6, 1), null, null, false);
        var arrears = dues.arrears(NOV);
        assertThat(arrears).singleElement().satisfies(a -> {
            assertThat(a.memberId()).isEqualTo(debtor);
            assertThat(a.owedFen()).isEqualTo(7 * 2500 - 3500);
            assertThat(a.months()).isEqualTo(6); // May paid, June partly, June..Nov open
            assertThat(a.oldest()).isEqualTo(YearMonth.of(2026, 6));
        });
        assertThat(dues.reviewList(NOV)).extracting(DuesService.Arrears::memberId).containsExactly(debtor);
        dues.recordArrearsReason(debtor, "长期病假，工资停发");
        assertThat(dues.reviewList(NOV)).isEmpty();
        // the member is only listed, never changed
        assertThat(ctx.members().get(debtor).status()).isEqualTo(cn.uniondesk.domain.MemberStatus.ACTIVE);
    }

    @Test
    void refundReducesWhatWasPaid() {
        long a = member("张三", 11, "5000", LocalDate.of(2015, 1, 1));
        dues.applyRoll(NOV);
        dues.recordPayment(a, 5000, DuesService.Method.TRANSFER, LocalDate.of(2026, 11, 3), null, null, false);
        dues.recordPayment(a, 2500, DuesService.Method.REFUND, LocalDate.of(2026, 11, 4), null, "多缴退回", false);
        assertThat(dues.collection(NOV).paidFen()).isEqualTo(2500);
        assertThat(dues.arrears(NOV)).isEmpty();
    }

    @Test
    void collectionRateAndUnionFund() {
        long a = member("张三", 11, "5000", LocalDate.of(2015, 1, 1));
        member("李四", 21, "5000", LocalDate.of(2015, 1, 1));
        dues.applyRoll(NOV);
        dues.recordPayment(a, 2500, DuesService.Method.CASH, LocalDate.of(2026, 11, 3), null, null, false);
        DuesService.Collection c = dues.collection(NOV);
        assertThat(c.dueFen()).isEqualTo(5000);
        assertThat(c.paidFen()).isEqualTo(2500);
        assertThat(c.rateBp()).isEqualTo(5000);
        assertThat(c.paidMembers()).isEqualTo(1);
        DuesService.Fund f = dues.recordFund(NOV, 123_456_789, 2_469_135, 0, 4000);
        assertThat(f.dueFen()).isEqualTo(2_469_135);
        assertThat(f.upperShareFen()).isEqualTo(987_654);
        assertThat(dues.fund(NOV)).contains(f);
    }

    @Test
    void auditorCannotRollOrRecordPayments() {
        long a = member("张三", 11, "5000", LocalDate.of(2015, 1, 1));
        ctx.session().switchTo("审计", Role.AUDITOR);
        assertThatThrownBy(() -> dues.applyRoll(NOV)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> dues.recordPayment(a, 100, DuesService.Method.CASH, LocalDate.of(2026, 11, 1), null,
                null, true)).isInstanceOf(PermissionDeniedException.class);
        ctx.session().switchTo("干事", Role.CLERK);
        assertThatThrownBy(() -> dues.saveRule(cn.uniondesk.domain.dues.DuesRule.standard(NOV)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(dues.previewRoll(NOV).added()).hasSize(1);
    }

    @Test
    void paymentMustBePositive() {
        long a = member("张三", 11, "5000", LocalDate.of(2015, 1, 1));
        assertThatThrownBy(() -> dues.recordPayment(a, 0, DuesService.Method.CASH, LocalDate.of(2026, 11, 1), null,
                null, true)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void chargeKindsAreKeptApart() {
        long a = member("张三", 11, "5000", LocalDate.of(2015, 1, 1));
        dues.applyRoll(OCT);
        dues.setWage(a, OCT, 600000);
        dues.bookBackDues(a, OCT);
        assertThat(ctx.dues().backDues(a, OCT).charges()).isEmpty();
        assertThat(dues.collection(OCT).dueFen()).isEqualTo(3000);
        assertThat(ChargeKind.values()).contains(ChargeKind.BACK);
    }
}
