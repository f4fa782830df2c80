package cn.uniondesk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.ImportFixtures;
import cn.uniondesk.service.ImportOptions;
import cn.uniondesk.service.ImportReport;
import cn.uniondesk.service.ImportReport.Action;
import cn.uniondesk.service.ImportReport.Status;
import cn.uniondesk.service.MemberImportService;
import cn.uniondesk.service.Session;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files in sample-data/ behave as sample-data/README.md and messy-members.md say. */
class SampleDataFilesTest {
    static final Path MESSY = Path.of("sample-data/messy-members.xlsx");
    static final Path DEMO = Path.of("sample-data/demo-members.xlsx");
    static final Path PAYROLL = Path.of("sample-data/demo-payroll-2026-11.xlsx");

    @TempDir
    Path dir;
    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = AppContext.open(dir.resolve("data"), new Session("测试员"), ImportFixtures.CLOCK);
        ctx.demo().loadDemo();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    static String outcome(ImportReport r) {
        return r.rows().stream().map(x -> x.rowNumber() + ":" + x.status() + ":" + x.action() + ":"
                + x.issues().stream().map(ImportReport.RowIssue::messageKey).collect(Collectors.joining("+")))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void messySheetHasTheDocumentedOutcome() {
        assertThat(ctx.memberImport().defaultSheet(MESSY)).isEqualTo("职工名单");
        ImportReport r = ctx.memberImport().dryRun(MESSY, null, ImportOptions.DEFAULTS);
        assertThat(MemberImportService.describe(r.rows().get(3), Messages.chinese())).contains("D列", "末几位已丢失");
        assertThat(r.headerRow()).isEqualTo(4);
        assertThat(outcome(r)).isEqualTo(String.join("\n",
                "5:OK:NEW:",
                "6:OK:NEW:",
                "7:OK:NEW:",
                "8:ERROR:REJECT:import.idStoredAsNumber",
                "9:OK:NEW:",
                "10:ERROR:REJECT:id.error.WRONG_CHECK_DIGIT",
                "11:ERROR:REJECT:validation.genderMismatch",
                "13:ERROR:REJECT:import.duplicateIdInFile",
                "14:ERROR:REJECT:validation.required",
                "15:ERROR:REJECT:import.unknownDepartment",
                "16:WARNING:SKIP:import.existsSkipped",
                "17:ERROR:REJECT:import.badDate",
                "18:OK:NEW:"));
        assertThat(r.summaryLine()).isEqualTo("rows=13 ok=5 warnings=1 errors=7 imported=0 updated=0 skipped=0");
        int before = ctx.members().count();
        ImportReport c = ctx.memberImport().commit(MESSY, null, new ImportOptions(true, true, true), -1,
                cn.uniondesk.service.ImportProgress.NONE, () -> false);
        assertThat(c.imported()).isEqualTo(6);
        assertThat(c.updated()).isEqualTo(1);
        assertThat(ctx.members().count()).isEqualTo(before + 6);
    }

    @Test
    void demoWorkbookIsTheDemoRegisterAndReimportsWithZeroChanges() {
        ImportReport r = ctx.memberImport().dryRun(DEMO, null, ImportOptions.DEFAULTS);
        assertThat(r.rows()).hasSize(ctx.members().count());
        assertThat(r.count(Action.UNCHANGED)).isEqualTo(r.rows().size());
        assertThat(r.count(Status.ERROR)).isZero();
    }

    @Test
    void demoPayrollSheetMatchesTheRollButForItsThreeDocumentedMistakes() {
        java.time.YearMonth month = java.time.YearMonth.of(2026, 11);
        var deductions = cn.uniondesk.excel.PayrollSheet.read(PAYROLL, null).stream()
                .map(l -> new cn.uniondesk.service.DuesService.PayrollDeduction(l.rowNumber(), l.name(), l.idNumber(),
                        l.cardNo(), l.amountFen()))
                .toList();
        var r = ctx.dues().reconcile(month, deductions);
        assertThat(r.matches()).hasSize(268);
        assertThat(r.matchedFen()).isEqualTo(967_410L);
        assertThat(r.mismatches()).extracting(m -> m.kind().name())
                .containsExactlyInAnyOrder("AMOUNT_DIFFERS", "NOT_A_MEMBER", "MISSING_FROM_PAYROLL");
    }
}
