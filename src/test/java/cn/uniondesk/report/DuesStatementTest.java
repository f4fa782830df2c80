package cn.uniondesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.excel.DuesStatementXlsx;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.MemberStatement;
import cn.uniondesk.service.DuesService.StatementMonth;
import cn.uniondesk.service.DuesService.YearlyStatement;
import cn.uniondesk.service.NotFoundException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuesStatementTest {
    @TempDir
    Path dir;
    AppContext ctx;
    DuesService dues;
    long zhang;
    long li;

    long member(String name, int seq, String wage, String card) {
        String body = "320505" + "19850101" + String.format("%03d", seq);
        return ctx.members().register(new MemberDraft(name, null, null, body + IdNumber.checkChar(body), null, null,
                null, null, null, null, null, false, null, LocalDate.of(2015, 1, 1), card, wage, false, null, null),
                null).memberId();
    }

    /**
     * 张三 (5678.90 → 28.35 a month) owes December 2025 when 2026 starts, pays Jan–Oct by payroll
     * plus December's arrears in cash in March (a receipt), and November is open. 李四 (4000 →
     * 20.00) pays 60.00 in advance in January with a receipt.
     */
    @BeforeEach
    void aYearOfDues() {
        ctx = TestApp.open(dir.resolve("db"));
        dues = ctx.dues();
        zhang = member("张三", 11, "5678.90", "GH001");
        li = member("李四", 21, "4000", "GH002");
        dues.applyRoll(YearMonth.of(2025, 12));
        for (int m = 1; m <= 11; m++) {
            YearMonth ym = YearMonth.of(2026, m);
            dues.applyRoll(ym);
            if (m <= 10) {
                dues.recordPayments(java.util.List.of(new DuesService.PaymentLine(zhang, 2835)),
                        DuesService.Method.PAYROLL, ym.atDay(25), ym + " 工资代扣");
            }
        }
        dues.recordPayment(zhang, 2835, DuesService.Method.CASH, LocalDate.of(2026, 3, 10), null, null, true);
        dues.recordPayment(li, 6000, DuesService.Method.CASH, LocalDate.of(2026, 1, 5), null, null, true);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void statementShowsDuePaidBalanceAndReceiptsPerMonth() {
        YearlyStatement s = dues.yearlyStatement(2026, null);
        assertThat(s.members()).extracting(MemberStatement::name).containsExactly("张三", "李四");
        MemberStatement z = s.members().get(0);
        assertThat(z.openingFen()).isEqualTo(2835);
        assertThat(z.months()).hasSize(12);
        StatementMonth mar = z.months().get(2);
        assertThat(mar.dueFen()).isEqualTo(2835);
        assertThat(mar.paidFen()).isEqualTo(2 * 2835);
        assertThat(mar.balanceFen()).isEqualTo(0);
        assertThat(mar.receipts()).containsExactly("2026-000001");
        assertThat(z.months().get(10).balanceFen()).isEqualTo(2835);
        assertThat(z.months().get(11).dueFen()).isZero();
        assertThat(z.dueFen()).isEqualTo(11 * 2835);
        assertThat(z.paidFen()).isEqualTo(11 * 2835);
        assertThat(z.closingFen()).isEqualTo(2835);
        MemberStatement l = s.members().get(1);
        assertThat(l.openingFen()).isEqualTo(2000);
        assertThat(l.months().get(0).receipts()).containsExactly("2026-000002");
        assertThat(l.months().get(0).balanceFen()).isEqualTo(2000 + 2000 - 6000);
        assertThat(l.closingFen()).isEqualTo(2000 + 11 * 2000 - 6000);
        // one member only
        assertThat(dues.yearlyStatement(2026, li).members()).singleElement()
                .satisfies(x -> assertThat(x.closingFen()).isEqualTo(l.closingFen()));
        assertThatThrownBy(() -> dues.yearlyStatement(2026, 999_999L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void workbookHasOneSheetFrozenHeaderYuanFormatAndFormulaTotalsThatMatch() throws Exception {
        YearlyStatement s = dues.yearlyStatement(2026, null);
        Path x = dir.resolve("statement.xlsx");
        DuesStatementXlsx.write(s, "示例工会", x);
        try (InputStream in = Files.newInputStream(x); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            Sheet sh = wb.getSheetAt(0);
            assertThat(sh.getRow(0).getCell(0).getStringCellValue()).isEqualTo("年度会费对账单");
            assertThat(sh.getRow(1).getCell(0).getStringCellValue()).contains("示例工会").contains("2026年");
            assertThat(sh.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sh.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
            // 张三's block: opening row 5, months rows 6-17, subtotal row 18 (1-based)
            assertThat(sh.getRow(4).getCell(3).getStringCellValue()).isEqualTo("上年结转");
            assertThat(sh.getRow(4).getCell(6).getNumericCellValue()).isEqualTo(28.35);
            Row mar = sh.getRow(7);
            assertThat(mar.getCell(3).getStringCellValue()).isEqualTo("2026-03");
            assertThat(mar.getCell(5).getNumericCellValue()).isEqualTo(56.70);
            assertThat(mar.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(mar.getCell(7).getStringCellValue()).isEqualTo("2026-000001");
            Row sub = sh.getRow(17);
            assertThat(sub.getCell(3).getStringCellValue()).isEqualTo("小计");
            assertThat(sub.getCell(4).getCellType()).isEqualTo(CellType.FORMULA);
            XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            assertThat(sub.getCell(4).getNumericCellValue()).isEqualTo(311.85); // cached
            assertThat(ev.evaluate(sub.getCell(4)).getNumberValue()).isEqualTo(311.85, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(ev.evaluate(sub.getCell(6)).getNumberValue()).isEqualTo(28.35, org.assertj.core.data.Offset.offset(1e-9));
            // grand total: both members; subtotals not counted twice
            Row total = sh.getRow(4 + 2 * 14);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            for (int c : new int[] {4, 5, 6}) {
                Cell cell = total.getCell(c);
                assertThat(cell.getCellType()).isEqualTo(CellType.FORMULA);
                long expected = c == 4 ? s.dueFen() : c == 5 ? s.paidFen() : s.closingFen();
                assertThat(Math.round(ev.evaluate(cell).getNumberValue() * 100)).as("column " + c).isEqualTo(expected);
                assertThat(Math.round(cell.getNumericCellValue() * 100)).as("cached " + c).isEqualTo(expected);
            }
        }
    }

    @Test
    void pdfHasOneMemberPerPageWithTotalsInFiguresAndCapitalsAndSignatureLines() throws Exception {
        YearlyStatement s = dues.yearlyStatement(2026, null);
        Path p = dir.resolve("statement.pdf");
        DuesStatementPdf.write(s, "示例工会", p);
        if (System.getProperty("statement.pdf") != null) {
            Files.copy(p, Path.of(System.getProperty("statement.pdf")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        PdfReader reader = new PdfReader(Files.readAllBytes(p));
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(2);
            PdfTextExtractor ex = new PdfTextExtractor(reader);
            String one = ex.getTextFromPage(1);
            assertThat(one).contains("2026年度会费对账单").contains("示例工会").contains("张三").contains("GH001")
                    .contains("上年结转").contains("2026年3月").contains("56.70").contains("2026-000001")
                    .contains("本年应缴合计：311.85 元（大写：叁佰壹拾壹元捌角伍分）")
                    .contains("年末欠缴：28.35 元（大写：贰拾捌元叁角伍分）")
                    .contains("会员签字").contains("第 1 页 共 2 页");
            String two = ex.getTextFromPage(2);
            assertThat(two).contains("李四").contains("2026-000002").contains("本年实缴合计：60.00 元（大写：陆拾元整）")
                    .contains("年末欠缴：180.00 元");
        } finally {
            reader.close();
        }
    }
}
