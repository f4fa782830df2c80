package cn.uniondesk.service.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.DemoCasesService;
import cn.uniondesk.testing.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCasesTest {
    @TempDir
    Path dir;

    @Test
    void theDemoUnionHasHardshipFilesAndCasesOfEveryTypeInSeveralStates() {
        try (AppContext ctx = TestApp.open(dir)) {
            ctx.demo().loadDemo();
            List<CaseRow> all = ctx.cases().list(CaseService.CaseQuery.all());
            Set<CaseType> types = all.stream().map(r -> r.aidCase().type()).collect(Collectors.toSet());
            assertThat(types).containsExactlyInAnyOrder(CaseType.values());
            Set<String> states = all.stream().map(r -> r.aidCase().state()).collect(Collectors.toSet());
            assertThat(states).contains("REGISTERED", "REVIEWED", "PAID", "CLOSED", "REJECTED", "MEDIATION",
                    "HANDLING", "ACCEPTED");
            assertThat(all).allSatisfy(r -> assertThat(r.aidCase().registeredBy()).isEqualTo(DemoCasesService.DEMO_CLERK));
            List<CaseRow> mine = ctx.cases().list(new CaseService.CaseQuery(null, "REVIEWED", null, null, null, true,
                    null));
            assertThat(mine).hasSizeGreaterThanOrEqualTo(2);
            assertThat(ctx.cases().ledger(TestApp.CLOCK.instant().atZone(TestApp.ZONE).toLocalDate().withDayOfMonth(1),
                    TestApp.CLOCK.instant().atZone(TestApp.ZONE).toLocalDate())).hasSize(4);
            assertThat(ctx.hardship().list(false)).hasSize(4);
            assertThat(ctx.hardship().dueForReview(60)).isNotEmpty();
            assertThat(ctx.audit().verify().intact()).isTrue();
        }
    }
}
