package cn.uniondesk.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo union's monthly set and yearly summary, written to target/report-samples for looking
 * at (pdftoppm); on the demo's data every logic check holds.
 */
class ReportSamplesTest {
    @TempDir
    Path dir;

    @Test
    void demoUnionReportsPassEveryCheck() {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.demo().loadDemo();
            ctx.dues().recordFund(YearMonth.of(2026, 10), 1_234_567_00L, 2_469_134L, 987_654L, 4000);
            Path out = Path.of("target", "report-samples");
            ReportService.Written m = ctx.reports().writeMonthly(YearMonth.of(2026, 10), out,
                    EnumSet.allOf(ReportService.Format.class));
            assertThat(m.failedChecks()).isEmpty();
            ReportService.Written y = ctx.reports().writeYearly(2026, out, EnumSet.allOf(ReportService.Format.class));
            assertThat(y.failedChecks()).isEmpty();
            assertThat(m.files()).allMatch(p -> p.toFile().length() > 0);
        }
    }
}
