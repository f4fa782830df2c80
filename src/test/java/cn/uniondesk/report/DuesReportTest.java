package cn.uniondesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.excel.DuesReportXlsx;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.testing.TestApp;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuesReportTest {
    @TempDir
    Path dir;
    DuesService.MonthlyReport report;
    static final YearMonth NOV = YearMonth.of(2026, 11);

    @BeforeEach
    void demoWithARollAndSomePayments() {
        try (AppContext ctx = TestApp.open(dir.resolve("db"))) {
            ctx.demo().loadDemo();
            ctx.dues().applyRoll(NOV);
            ctx.dues().monthlyReport(NOV).lines().stream().limit(100).filter(l -> l.dueFen() > 0).forEach(l ->
                    ctx.dues().recordPayment(l.memberId(), l.dueFen(), DuesService.Method.PAYROLL,
                            LocalDate.of(2026, 11, 25), "2026-11 代扣", null, false));
            report = ctx.dues().monthlyReport(NOV);
        }
    }

    @Test
    void workbookHasTitleFrozenHeaderFormulasAndTotalsThatMatchTheService() throws Exception {
        Path x = dir.resolve("dues.xlsx");
        DuesReportXlsx.write(report, "示例工会", x);
        try (InputStream in = Files.newInputStream(x); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("会费收缴月报");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("会费收缴月报");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).contains("示例工会").contains("2026年11月");
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getRepeatingRows()).isNotNull();
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
            int totalRow = 4 + report.departments().size();
            Row total = s.getRow(totalRow);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            Cell due = total.getCell(2);
            assertThat(due.getCellType()).isEqualTo(CellType.FORMULA);
            XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            assertThat(Math.round(ev.evaluate(due).getNumberValue() * 100)).isEqualTo(report.totals().dueFen());
            assertThat(Math.round(ev.evaluate(total.getCell(4)).getNumberValue() * 100))
                    .isEqualTo(report.totals().paidFen());
            assertThat(s.getRow(4).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(s.getRow(4).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            Sheet m = wb.getSheet("会员明细");
            assertThat(m.getLastRowNum() - 3).isEqualTo(report.lines().size());
        }
    }

    @Test
    void pdfHasHeaderPageNumbersAndSignatureLines() throws Exception {
        Path p = dir.resolve("dues.pdf");
        DuesReportPdf.write(report, "示例工会", p);
        PdfReader reader = new PdfReader(Files.readAllBytes(p));
        try {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            PdfTextExtractor ex = new PdfTextExtractor(reader);
            String first = ex.getTextFromPage(1);
            assertThat(first).contains("会费收缴月报").contains("示例工会").contains("2026年11月").contains("填报人")
                    .contains("审核人").contains("单位盖章").contains("第 1 页");
            String last = ex.getTextFromPage(pages);
            // the table header repeats on every page of the member list
            assertThat(last).contains("会员证号").contains("第 " + pages + " 页");
        } finally {
            reader.close();
        }
    }

    @Test
    void totalsAddUp() {
        long due = report.departments().stream().mapToLong(DuesService.DepartmentTotals::dueFen).sum();
        long lines = report.lines().stream().mapToLong(DuesService.ReportLine::dueFen).sum();
        assertThat(due).isEqualTo(report.totals().dueFen()).isEqualTo(lines);
        assertThat(report.totals().paidFen()).isPositive();
    }
}
