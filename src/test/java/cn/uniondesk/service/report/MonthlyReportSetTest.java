package cn.uniondesk.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.testing.TestApp;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monthly set as files: one workbook with a sheet per report, one PDF with a cover page. */
class MonthlyReportSetTest {
    @TempDir
    Path dir;
    AppContext ctx;
    ReportFixture f;

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir.resolve("data"));
        f = new ReportFixture().load(ctx).withDues(ctx);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    static Row rowStartingWith(Sheet s, String text) {
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no row " + text + " in " + s.getSheetName());
    }

    static double num(FormulaEvaluator ev, Row r, int col) {
        Cell c = r.getCell(col);
        return c.getCellType() == CellType.FORMULA ? ev.evaluate(c).getNumberValue() : c.getNumericCellValue();
    }

    @Test
    void workbookHoldsEveryReportWithTheKnownFiguresAndFormulaTotals() throws Exception {
        ReportService.Written w = ctx.reports().writeMonthly(ReportFixture.NOV, dir.resolve("out"),
                EnumSet.of(ReportService.Format.XLSX));
        assertThat(w.failedChecks()).isEmpty();
        try (InputStream in = Files.newInputStream(w.xlsx()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("会员统计月报", "会费收缴月报", "工会经费收缴情况", "帮扶救助台账");
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            Sheet m = wb.getSheet("会员统计月报");
            assertThat(m.getRow(0).getCell(0).getStringCellValue()).isEqualTo("会员统计月报");
            assertThat(m.getRow(1).getCell(0).getStringCellValue()).contains(ReportFixture.UNION).contains("2026年11月");
            Row total = rowStartingWith(m, "合计");
            assertThat(total.getCell(1).getCellType()).isEqualTo(CellType.FORMULA);
            double[] got = new double[15];
            for (int i = 1; i <= 14; i++) {
                got[i] = num(ev, total, i);
            }
            // start, joined, in, out, left, deceased, end, women, 农民工, age bands
            assertThat(got).containsExactly(0, 4, 2, 1, 1, 1, 0, 5, 2, 2, 0, 1, 3, 0, 1);
            Row a = rowStartingWith(m, "一车间");
            assertThat(num(ev, a, 1)).isEqualTo(3);
            assertThat(num(ev, a, 7)).isEqualTo(3);
            assertThat(m.getPaneInformation().isFreezePane()).isTrue();
            assertThat(m.getPrintSetup().getLandscape()).isTrue();
            assertThat(m.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(m.getRepeatingRows()).isNotNull();
            assertThat(wb.getPrintArea(0)).isNotNull();
            assertThat(rowStartingWith(m, "相符").getCell(1).getStringCellValue()).contains("4 + 2 + 1 − 1 − 1 − 0 = 5");

            Sheet d = wb.getSheet("会费收缴月报");
            Row dt = rowStartingWith(d, "合计");
            cn.uniondesk.service.DuesService.Collection c = ctx.dues().collection(ReportFixture.NOV);
            assertThat(num(ev, dt, 2)).isEqualTo(c.dueFen() / 100.0);
            assertThat(num(ev, dt, 4)).isEqualTo(25.00);
            assertThat(dt.getCell(6).getCellFormula()).startsWith("IF(");
            assertThat(num(ev, dt, 6)).isCloseTo(2500.0 / c.dueFen(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(d.getRow(rowStartingWith(d, "一车间").getRowNum()).getCell(2).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0.00");
            assertThat(dt.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00%");

            Sheet fund = wb.getSheet("工会经费收缴情况");
            Row nov = rowStartingWith(fund, "2026年11月");
            assertThat(num(ev, nov, 1)).isEqualTo(1_000_000.00);
            assertThat(num(ev, nov, 2)).isEqualTo(20_000.00);
            Row ytd = rowStartingWith(fund, "2026年累计");
            assertThat(num(ev, ytd, 1)).isEqualTo(1_980_000.00);
            assertThat(num(ev, ytd, 6)).isEqualTo(7_840.00);

            Sheet aid = wb.getSheet("帮扶救助台账");
            boolean labelled = false;
            for (Row r : aid) {
                Cell c0 = r.getCell(0);
                if (c0 != null && c0.getCellType() == CellType.STRING && c0.getStringCellValue().contains(
                        "本期无帮扶救助发放")) {
                    labelled = true;
                }
            }
            assertThat(labelled).isTrue();
        }
    }

    @Test
    void pdfHasACoverPageThenEveryReportWithHeaderPagesAndSignatures() throws Exception {
        ReportService.Written w = ctx.reports().writeMonthly(ReportFixture.NOV, dir.resolve("out"),
                EnumSet.of(ReportService.Format.PDF));
        PdfReader reader = new PdfReader(Files.readAllBytes(w.pdf()));
        try {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(5);
            PdfTextExtractor ex = new PdfTextExtractor(reader);
            String cover = ex.getTextFromPage(1);
            assertThat(cover).contains(ReportFixture.UNION).contains("月度报表").contains("会员统计月报")
                    .contains("帮扶救助台账").contains("逻辑校验：全部相符").contains("第 1 页 共 " + pages + " 页");
            String membership = ex.getTextFromPage(2);
            assertThat(membership).contains("会员统计月报").contains("统计期：2026年11月").contains("一车间")
                    .contains("填报人").contains("审核人").contains("单位盖章")
                    .contains("4 + 2 + 1 − 1 − 1 − 0 = 5");
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= pages; p++) {
                all.append(ex.getTextFromPage(p));
            }
            assertThat(all).contains("会费收缴月报").contains("25.00").contains("1,000,000.00").contains("20,000.00")
                    .contains("本期无帮扶救助发放");
        } finally {
            reader.close();
        }
    }

    @Test
    void aDisabledReportAndHiddenColumnsDisappearFromBothFiles() throws Exception {
        ReportConfig c = ctx.reports().config();
        ctx.reports().saveConfig(new ReportConfig(List.of("dues", "membership"),
                Map.of("membership", Set.of("women", "age25"), "dues", Set.of("outstanding")), "STAT-01", null,
                c.dueDay()));
        ReportService.Written w = ctx.reports().writeMonthly(ReportFixture.NOV, dir.resolve("out"),
                EnumSet.allOf(ReportService.Format.class));
        try (InputStream in = Files.newInputStream(w.xlsx()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(0)).isEqualTo("会费收缴月报");
            assertThat(wb.getSheet("工会经费收缴情况")).isNull();
            Row head = rowStartingWith(wb.getSheet("会员统计月报"), "部门/车间");
            List<String> headers = new java.util.ArrayList<>();
            head.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).doesNotContain("其中女性", "25岁及以下").contains("其中农民工", "26-35岁");
            Row dh = rowStartingWith(wb.getSheet("会费收缴月报"), "部门/车间");
            List<String> dues = new java.util.ArrayList<>();
            dh.forEach(cell -> dues.add(cell.getStringCellValue()));
            assertThat(dues).doesNotContain("累计欠缴（元）").contains("收缴率");
            // the rate is still a formula on the columns that remain
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            Row dt = rowStartingWith(wb.getSheet("会费收缴月报"), "合计");
            assertThat(dt.getCell(5).getCellFormula()).startsWith("IF(");
            assertThat(num(ev, dt, 4)).isEqualTo(25.0);
        }
        PdfReader reader = new PdfReader(Files.readAllBytes(w.pdf()));
        try {
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                all.append(new PdfTextExtractor(reader).getTextFromPage(p));
            }
            assertThat(all).doesNotContain("工会经费收缴情况").doesNotContain("帮扶救助台账").doesNotContain("累计欠缴（元）")
                    .doesNotContain("25岁及以下").contains("26-35岁");
        } finally {
            reader.close();
        }
        ctx.reports().resetConfig();
        assertThat(ctx.reports().monthlySet(ReportFixture.NOV).sheets()).hasSize(4);
    }

    @Test
    void aBadConfigurationIsRefusedAndNothingIsWritten() {
        ReportConfig before = ctx.reports().config();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.reports().saveConfig(new ReportConfig(
                List.of("membership"), Map.of("dues", Set.of("nonsense")), null, null, 10)))
                .isInstanceOf(cn.uniondesk.service.RuleViolationException.class)
                .satisfies(e -> assertThat(((cn.uniondesk.service.RuleViolationException) e).messageKey())
                        .isEqualTo("reports.config.unknownColumn"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.reports().saveConfig(new ReportConfig(
                List.of("membership", "bogus"), Map.of(), null, null, 10)))
                .isInstanceOf(cn.uniondesk.service.RuleViolationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.reports().saveConfig(new ReportConfig(
                List.of("membership"), Map.of("membership", Set.of("department")), null, null, 10)))
                .isInstanceOf(cn.uniondesk.service.RuleViolationException.class);
        assertThat(ctx.reports().config()).isEqualTo(before);
        assertThat(ctx.audit().find(null, "setting", "report", 10)).isEmpty();
    }
}
