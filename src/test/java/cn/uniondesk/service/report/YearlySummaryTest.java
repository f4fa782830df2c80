package cn.uniondesk.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Money;
import cn.uniondesk.testing.TestApp;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The yearly summary (基层工会调查表): statistical year 1 Oct – 30 Sep, line numbers, logic checks. */
class YearlySummaryTest {
    @TempDir
    Path dir;
    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir.resolve("data"));
        new ReportFixture().load(ctx).withDues(ctx);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void statisticalYearRunsFromOctoberToSeptember() {
        assertThat(YearlySummary.statisticalYearOf(LocalDate.of(2026, 9, 30))).isEqualTo(2026);
        assertThat(YearlySummary.statisticalYearOf(LocalDate.of(2026, 10, 1))).isEqualTo(2027);
        YearlySummary y = ctx.reports().yearly(2027);
        assertThat(y.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(y.to()).isEqualTo(LocalDate.of(2027, 9, 30));
    }

    @Test
    void itemsOfTheYearFromTheKnownHistoryAndEveryCheckHolds() {
        YearlySummary y = ctx.reports().yearly(2027);
        // start 5 (m1 m2 m5 m6 m7); joined m3 m8; in m4; out m2; left m5; deceased m6; end 5
        assertThat(List.of(y.value("01"), y.value("02"), y.value("03"), y.value("04"), y.value("05"), y.value("06"),
                y.value("07"))).containsExactly(5, 2, 1, 1, 1, 1, 5);
        assertThat(List.of(y.value("08"), y.value("09"), y.value("10"), y.value("11"))).containsExactly(2, 2, 1, 1);
        assertThat(y.value("12")).isEqualTo(Money.ofFen(ctx.dues().collection(ReportFixture.NOV).dueFen()));
        assertThat(y.value("13")).isEqualTo(Money.ofFen(2500));
        assertThat(y.value("15")).isEqualTo(Money.ofFen(198_000_000L));
        assertThat(y.value("16")).isEqualTo(Money.ofFen(3_960_000L));
        assertThat(y.value("17")).isEqualTo(Money.ofFen(3_960_000L));
        assertThat(y.value("18")).isEqualTo(Money.ofFen(784_000L));
        assertThat(y.value("19")).isEqualTo(0);
        assertThat(y.checks()).hasSizeGreaterThanOrEqualTo(10).allMatch(c -> c.ok());
        assertThat(y.statCode()).isEqualTo("91320500MA1X2Y3Z4W");
        assertThat(y.regionCode()).isEqualTo("320505");

        // the year before: only m8's 退会 of 2026-09-01 falls in it
        YearlySummary before = ctx.reports().yearly(2026);
        assertThat(List.of(before.value("01"), before.value("05"), before.value("07"))).containsExactly(6, 1, 5);
    }

    @Test
    void aFundRemittingMoreThanReceivedFailsItsCheck() {
        // DuesService.recordFund now refuses this; a row stored before that check (or by hand) is still caught
        ctx.close();
        try (cn.uniondesk.db.Database db = cn.uniondesk.db.Database.open(dir.resolve("data"))) {
            new cn.uniondesk.db.DuesRepository(db).saveFund(ReportFixture.NOV, 100_000_000L, 2_000_000L, 2_000_000L,
                    5_000_000L, 4000, java.time.LocalDateTime.of(2026, 11, 23, 10, 0));
        }
        ctx = TestApp.open(dir.resolve("data"));
        YearlySummary y = ctx.reports().yearly(2027);
        assertThat(y.allChecksPass()).isFalse();
        assertThat(y.checks()).filteredOn(c -> !c.ok()).singleElement()
                .satisfies(c -> assertThat(c.rule()).startsWith("18 ≤ 17"));
    }

    @Test
    void filesCarryTheCodesFromSettingsTheLinesAndTheChecks() throws Exception {
        ReportConfig c = ctx.reports().config();
        ctx.reports().saveConfig(new ReportConfig(c.monthlySheets(), Map.of(), "STAT-320505-0042", "320505001",
                c.dueDay()));
        ReportService.Written w = ctx.reports().writeYearly(2027, dir.resolve("out"),
                EnumSet.allOf(ReportService.Format.class));
        assertThat(w.failedChecks()).isEmpty();
        try (InputStream in = Files.newInputStream(w.xlsx()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("基层工会调查表（2027年度）");
            assertThat(MonthlyReportSetTest.rowStartingWith(s, "统计代码").getCell(1).getStringCellValue())
                    .isEqualTo("STAT-320505-0042");
            assertThat(MonthlyReportSetTest.rowStartingWith(s, "行政区划代码").getCell(1).getStringCellValue())
                    .isEqualTo("320505001");
            Row end = MonthlyReportSetTest.rowStartingWith(s, "年末会员人数");
            assertThat(end.getCell(1).getStringCellValue()).isEqualTo("07");
            assertThat(end.getCell(3).getNumericCellValue()).isEqualTo(5);
            Row fund = MonthlyReportSetTest.rowStartingWith(s, "工资总额");
            assertThat(fund.getCell(3).getNumericCellValue()).isEqualTo(1_980_000.00);
            assertThat(MonthlyReportSetTest.rowStartingWith(s, "相符").getCell(1).getStringCellValue())
                    .startsWith("07 = 01 + 02 + 03 − 04 − 05 − 06");
            assertThat(wb.getSheetAt(1).getSheetName()).startsWith("会员分部门年度统计");
        }
        PdfReader reader = new PdfReader(Files.readAllBytes(w.pdf()));
        try {
            String form = new PdfTextExtractor(reader).getTextFromPage(2);
            assertThat(form).contains("基层工会调查表（2027年度）").contains("STAT-320505-0042").contains("320505001")
                    .contains("2026-10-01 至 2027-09-30").contains("07 = 01 + 02 + 03 − 04 − 05 − 06")
                    .contains("填报人").contains("单位盖章");
        } finally {
            reader.close();
        }
    }
}
