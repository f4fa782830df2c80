package cn.uniondesk.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.cases.LedgerRow;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseReportSourcesTest {
    @TempDir
    Path dir;

    @Test
    void theMonthlyLedgerAndTheDashboardCountTheDemoCases() {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.demo().loadDemo();
            LocalDate today = TestApp.CLOCK.instant().atZone(TestApp.ZONE).toLocalDate();
            LocalDate from = today.withDayOfMonth(1);
            List<LedgerRow> paid = ctx.cases().ledger(from, today);
            assertThat(paid).isNotEmpty();
            AidLedgerSource.AidLedger ledger = CaseReportSources.ledger(ctx.cases()).ledger(from, today);
            assertThat(ledger.recorded()).isTrue();
            assertThat(ledger.cases()).isEqualTo(paid.size());
            assertThat(ledger.rows().stream().mapToLong(AidLedgerSource.Row::amountFen).sum())
                    .isEqualTo(paid.stream().mapToLong(r -> r.paid().fen()).sum());

            CaseFigures.Summary s = CaseReportSources.figures(ctx.cases(), ctx.hardship())
                    .summary(ctx.session().operator(), today);
            assertThat(s.available()).isTrue();
            assertThat(s.openByState().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
            assertThat(s.aidPaidByType().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(paid.stream().mapToLong(r -> r.paid().fen()).sum());
            assertThat(s.reviewsDue()).isPositive();
        }
    }
}
