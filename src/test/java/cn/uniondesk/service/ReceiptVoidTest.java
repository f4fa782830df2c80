package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.Role;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Voiding a receipt keeps it, marked, and reverses the payment it recorded; the receipts list. */
class ReceiptVoidTest {
    @TempDir
    Path dir;
    AppContext ctx;
    DuesService dues;
    static final YearMonth NOV = YearMonth.of(2026, 11);
    long member;

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir);
        dues = ctx.dues();
        String body = "32050519850101011";
        member = ctx.members().register(new MemberDraft("张三", null, null, body + IdNumber.checkChar(body), null, null,
                null, null, null, null, null, false, null, LocalDate.of(2015, 1, 1), "C11", "5000", false, null, null),
                null).memberId();
        dues.applyRoll(YearMonth.of(2026, 10));
        dues.applyRoll(NOV);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aVoidedReceiptStaysMarkedAndItsPaymentNoLongerCounts() {
        var wrong = dues.recordPayment(member, 2600, DuesService.Method.CASH, LocalDate.of(2026, 11, 3), null, null,
                true);
        assertThat(dues.paidTotal(member)).isEqualTo(2600);

        long reversed = dues.voidReceipt(2026, 1, " 金额开错 ");

        assertThat(reversed).isEqualTo(2600);
        assertThat(dues.paidTotal(member)).isZero();
        assertThat(dues.collection(NOV).paidFen()).isZero();
        var right = dues.recordPayment(member, 2500, DuesService.Method.CASH, LocalDate.of(2026, 11, 3), null, null,
                true);
        // the corrected receipt covers the oldest open month, not a prepayment
        assertThat(dues.receiptInfo(right.receiptNo()).orElseThrow().months()).isEqualTo("2026-10");
        assertThat(dues.receipts(2026)).extracting(DuesService.ReceiptInfo::number, DuesService.ReceiptInfo::voided,
                DuesService.ReceiptInfo::voidReason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(wrong.receiptNo(), true, "金额开错"),
                        org.assertj.core.groups.Tuple.tuple(right.receiptNo(), false, null));
        assertThat(dues.receipts(2026).get(0).memberName()).isEqualTo("张三");
        assertThat(dues.receipts(2025)).isEmpty();
    }

    @Test
    void aReceiptIsVoidedOnceAndOnlyWithAReason() {
        dues.recordPayment(member, 2500, DuesService.Method.CASH, LocalDate.of(2026, 11, 3), null, null, true);
        int audit = ctx.audit().count();
        assertThatThrownBy(() -> dues.voidReceipt(2026, 1, "  ")).isInstanceOf(RuleViolationException.class);
        assertThat(ctx.audit().count()).isEqualTo(audit);
        dues.voidReceipt(2026, 1, "重开");
        long paid = dues.paidTotal(member);

        assertThatThrownBy(() -> dues.voidReceipt(2026, 1, "再来一次"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("dues.receiptAlreadyVoid"));
        assertThat(dues.paidTotal(member)).isEqualTo(paid);
        assertThat(ctx.audit().count()).isEqualTo(audit + 1);
    }

    @Test
    void anAuditorCannotVoid() {
        dues.recordPayment(member, 2500, DuesService.Method.CASH, LocalDate.of(2026, 11, 3), null, null, true);
        ctx.session().switchTo("审计员", Role.AUDITOR);
        assertThatThrownBy(() -> dues.voidReceipt(2026, 1, "重开")).isInstanceOf(PermissionDeniedException.class);
        assertThat(dues.receiptInfo("2026-000001").orElseThrow().voided()).isFalse();
        assertThat(dues.paidTotal(member)).isEqualTo(2500);
    }

    @Test
    void receiptNumbersAreParsedStrictly() {
        assertThat(DuesService.parseReceiptNumber("2026-000123")).containsExactly(2026, 123);
        assertThat(DuesService.parseReceiptNumber("2026")).isNull();
        assertThat(DuesService.parseReceiptNumber("abc-1")).isNull();
        assertThat(DuesService.parseReceiptNumber("2026-0")).isNull();
        assertThat(dues.receiptInfo("2026-000999")).isEmpty();
    }
}
