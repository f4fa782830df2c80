package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.excel.PayrollSheet;
import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.testing.TestApp;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayrollReconciliationTest {
    @TempDir
    Path dir;
    AppContext ctx;
    static final YearMonth NOV = YearMonth.of(2026, 11);

    static String id(int seq) {
        String body = "320505" + "19850101" + String.format("%03d", seq);
        return body + IdNumber.checkChar(body);
    }

    long member(String name, int seq, String wage) {
        return ctx.members().register(new MemberDraft(name, null, null, id(seq), null, null, null, null, null, null,
                null, false, null, LocalDate.of(2015, 1, 1), "C" + seq, wage, false, null, null), null).memberId();
    }

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    /** A payroll sheet as a payroll office writes it: a title row, then the header, lower-case x, amounts as numbers. */
    Path payroll(Object[]... rows) throws Exception {
        Path p = dir.resolve("payroll.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(p)) {
            Sheet s = wb.createSheet("11月代扣");
            s.createRow(0).createCell(0).setCellValue("2026年11月工资代扣会费明细");
            Row h = s.createRow(2);
            String[] head = {"序号", "姓名", "身份证号码", "代扣会费（元）"};
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int r = 3;
            for (Object[] row : rows) {
                Row x = s.createRow(r++);
                x.createCell(0).setCellValue(r - 3);
                x.createCell(1).setCellValue((String) row[0]);
                x.createCell(2).setCellValue((String) row[1]);
                if (row[2] instanceof Double) {
                    x.createCell(3).setCellValue((Double) row[2]);
                } else {
                    x.createCell(3).setCellValue((String) row[2]);
                }
            }
            Row total = s.createRow(r);
            total.createCell(1).setCellValue("合计");
            total.createCell(3).setCellValue(999.0);
            wb.write(os);
        }
        return p;
    }

    @Test
    void everyKindOfMismatchIsListedAndNothingIsBookedUntilConfirmed() throws Exception {
        long ok = member("相符", 11, "5000");
        long differs = member("金额不符", 21, "6000");
        long missing = member("工资表漏了", 31, "7000");
        ctx.dues().applyRoll(NOV);
        Path file = payroll(
                new Object[] {"相符", id(11).toLowerCase(), 25.0},
                new Object[] {"金额不符", id(21), 25.0},
                new Object[] {"外单位人员", id(41), 20.0},
                new Object[] {"相符", id(11), 25.0},
                new Object[] {"坏金额", id(11), "二十五"});
        List<PayrollSheet.Line> lines = PayrollSheet.read(file, null);
        assertThat(lines).hasSize(5);
        DuesService.Reconciliation r = ctx.dues().reconcile(NOV, lines.stream()
                .map(l -> new DuesService.PayrollDeduction(l.rowNumber(), l.name(), l.idNumber(), l.cardNo(),
                        l.amountFen())).toList());
        assertThat(r.matches()).extracting(DuesService.Match::memberId).containsExactly(ok);
        assertThat(r.mismatches()).extracting(DuesService.Mismatch::kind).containsExactlyInAnyOrder(
                DuesService.MismatchKind.AMOUNT_DIFFERS, DuesService.MismatchKind.NOT_A_MEMBER,
                DuesService.MismatchKind.DUPLICATE_LINE, DuesService.MismatchKind.BAD_AMOUNT,
                DuesService.MismatchKind.MISSING_FROM_PAYROLL);
        DuesService.Mismatch diff = r.mismatches().stream()
                .filter(m -> m.kind() == DuesService.MismatchKind.AMOUNT_DIFFERS).findFirst().orElseThrow();
        assertThat(diff.memberId()).isEqualTo(differs);
        assertThat(diff.expectedFen()).isEqualTo(3000);
        assertThat(diff.deductedFen()).isEqualTo(2500);
        assertThat(diff.rowNumber()).isEqualTo(5);
        assertThat(r.mismatches()).filteredOn(m -> m.kind() == DuesService.MismatchKind.MISSING_FROM_PAYROLL)
                .extracting(DuesService.Mismatch::memberId).containsExactly(missing);
        // reconciling wrote nothing
        assertThat(ctx.dues().collection(NOV).paidFen()).isZero();

        // apply: the match is booked; the amount difference only because it is accepted
        ctx.dues().applyReconciliation(r, Set.of(), LocalDate.of(2026, 11, 25), "2026-11 代扣");
        assertThat(ctx.dues().collection(NOV).paidFen()).isEqualTo(2500);
        ctx.dues().applyReconciliation(new DuesService.Reconciliation(NOV, List.of(), r.mismatches()),
                Set.of(diff.id()), LocalDate.of(2026, 11, 25), "2026-11 代扣 补");
        assertThat(ctx.dues().collection(NOV).paidFen()).isEqualTo(5000);
        assertThat(ctx.dues().arrears(NOV)).extracting(DuesService.Arrears::memberId)
                .containsExactlyInAnyOrder(differs, missing);
        // the same batch cannot be booked twice
        assertThatThrownBy(() -> ctx.dues().applyReconciliation(r, Set.of(), LocalDate.of(2026, 11, 25),
                "2026-11 代扣")).isInstanceOf(RuleViolationException.class);
        assertThat(ctx.dues().collection(NOV).paidFen()).isEqualTo(5000);
    }

    @Test
    void sheetWithoutPayrollHeaderIsRefusedClearly() throws Exception {
        Path p = dir.resolve("x.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(p)) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("随便什么");
            wb.write(os);
        }
        assertThatThrownBy(() -> PayrollSheet.read(p, null)).isInstanceOfSatisfying(UnusableFileException.class,
                e -> assertThat(e.messageKey()).isEqualTo("dues.payroll.noHeader"));
    }
}
