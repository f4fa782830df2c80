package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.AuditEntry;
import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 工会经费: recorded per month, checked before anything is written, overwrites audited with the old figures. */
class DuesFundTest {
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

    private List<AuditEntry> fundAudit(YearMonth m) {
        return ctx.audit().find(null, "union_fund", m.toString(), 10);
    }

    @Test
    void overwritingAMonthAuditsThePreviousFiguresAsBefore() {
        dues.recordFund(NOV, 100_000_000, 2_000_000, 500_000, 4000);
        List<AuditEntry> first = fundAudit(NOV);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).before()).isNull();
        assertThat(first.get(0).after()).contains("payroll_fen=100000000").contains("due_fen=2000000")
                .contains("upper_share_bp=4000");

        DuesService.Fund f = dues.recordFund(NOV, 120_000_000, 2_400_000, 960_000, 4000);
        assertThat(f.dueFen()).isEqualTo(2_400_000);
        assertThat(f.upperShareFen()).isEqualTo(960_000);
        assertThat(f.retainedFen()).isEqualTo(1_440_000);
        List<AuditEntry> rows = fundAudit(NOV);
        assertThat(rows).hasSize(2);
        AuditEntry overwrite = rows.stream().filter(e -> e.before() != null).findFirst().orElseThrow();
        assertThat(overwrite.before()).contains("payroll_fen=100000000").contains("received_fen=2000000")
                .contains("remitted_fen=500000");
        assertThat(overwrite.after()).contains("payroll_fen=120000000").contains("remitted_fen=960000");
        assertThat(dues.fund(NOV)).contains(f);
    }

    @Test
    void badFiguresAreRefusedWithAClearMessageAndNothingWritten() {
        Messages zh = Messages.chinese();
        dues.recordFund(NOV, 100_000_000, 2_000_000, 500_000, 4000);
        DuesService.Fund kept = dues.fund(NOV).orElseThrow();
        assertThat(refusal(() -> dues.recordFund(NOV, -1, 2_000_000, 0, 4000), zh)).isEqualTo("工会经费的金额不能为负数");
        assertThat(refusal(() -> dues.recordFund(NOV, 100, -5, 0, 4000), zh)).isEqualTo("工会经费的金额不能为负数");
        assertThat(refusal(() -> dues.recordFund(NOV, 100_000_000, 2_000_000, 2_000_001, 4000), zh))
                .isEqualTo("2026 年截至本月已上解 20000.01 元，不能多于实收经费 20000.00 元");
        assertThat(refusal(() -> dues.recordFund(NOV, 100_000_000, 2_000_000, 0, 10_001), zh))
                .isEqualTo("上解比例应在 0% 到 100% 之间：100.01%");
        assertThat(refusal(() -> dues.recordFund(NOV, 100_000_000, 2_000_000, 0, -100), zh))
                .isEqualTo("上解比例应在 0% 到 100% 之间：-1%");
        assertThat(refusal(() -> dues.recordFund(OCT, Long.MAX_VALUE / 2, 0, 0, 0), zh)).startsWith("金额过大");
        assertThat(dues.fund(NOV)).contains(kept);
        assertThat(dues.fund(OCT)).isEmpty();
        assertThat(fundAudit(NOV)).hasSize(1);
        assertThat(fundAudit(OCT)).isEmpty();
        // the limits themselves are accepted
        assertThat(dues.recordFund(OCT, 0, 0, 0, 0).dueFen()).isZero();
        assertThat(dues.recordFund(OCT, 100, 100, 100, 10_000).upperShareFen()).isEqualTo(100);
    }

    @Test
    void aMonthMayRemitAnEarlierMonthsShareButNotMoreThanTheYearReceived() {
        Messages zh = Messages.chinese();
        dues.recordFund(OCT, 100_000_000, 2_000_000, 0, 4000); // October's share not yet remitted
        // November remits October's 8,000 with its own 4,000: more than November received alone
        assertThat(dues.recordFund(NOV, 50_000_000, 1_000_000, 1_200_000, 4000).remittedFen()).isEqualTo(1_200_000);
        assertThat(refusal(() -> dues.recordFund(NOV, 50_000_000, 1_000_000, 3_000_001, 4000), zh))
                .isEqualTo("2026 年截至本月已上解 30000.01 元，不能多于实收经费 30000.00 元");
        assertThat(dues.fund(NOV).orElseThrow().remittedFen()).isEqualTo(1_200_000);
    }

    private static String refusal(Runnable r, Messages m) {
        try {
            r.run();
        } catch (RuleViolationException e) {
            return m.get(e.messageKey(), e.args().toArray());
        }
        throw new AssertionError("not refused");
    }

    @Test
    void fundsListsTheRecordedMonthsOfTheYearInOrder() {
        dues.recordFund(NOV, 100_000_000, 2_000_000, 0, 4000);
        dues.recordFund(YearMonth.of(2026, 2), 90_000_000, 1_800_000, 720_000, 4000);
        dues.recordFund(YearMonth.of(2025, 12), 1, 1, 0, 0);
        dues.recordFund(YearMonth.of(2027, 1), 1, 1, 0, 0);
        assertThat(dues.funds(2026)).extracting(DuesService.Fund::month)
                .containsExactly(YearMonth.of(2026, 2), NOV);
        assertThat(dues.funds(2024)).isEmpty();
    }

    @Test
    void onlyRolesThatWriteMayRecordButReadersMaySee() {
        dues.recordFund(NOV, 100_000_000, 2_000_000, 0, 4000);
        ctx.session().switchTo("审计", Role.AUDITOR);
        assertThatThrownBy(() -> dues.recordFund(NOV, 1, 1, 0, 0)).isInstanceOf(PermissionDeniedException.class);
        assertThat(dues.fund(NOV)).isPresent();
        assertThat(dues.funds(2026)).hasSize(1);
        assertThat(dues.fund(NOV).orElseThrow().payrollTotalFen()).isEqualTo(100_000_000);
    }
}
