package cn.uniondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.dues.Charge;
import cn.uniondesk.domain.dues.ChargeKind;
import cn.uniondesk.excel.CsvFile;
import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.service.WageImportService.Kind;
import cn.uniondesk.service.WageImportService.Line;
import cn.uniondesk.service.WageImportService.Report;
import cn.uniondesk.service.WageImportService.Warning;
import cn.uniondesk.testing.TestApp;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WageImportServiceTest {
    static final YearMonth SEP = YearMonth.of(2026, 9);
    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final YearMonth NOV = YearMonth.of(2026, 11);

    @TempDir
    Path dir;
    AppContext ctx;
    DuesService dues;
    WageImportService wages;

    @BeforeEach
    void open() {
        ctx = TestApp.open(dir.resolve("data"));
        dues = ctx.dues();
        wages = ctx.wageImport();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    static String id(int seq) {
        String body = "320505" + "19850101" + String.format("%03d", seq);
        return body + IdNumber.checkChar(body);
    }

    long member(String name, int seq, String wage) {
        return ctx.members().register(new MemberDraft(name, null, null, id(seq), null, null, null, null, null, null,
                null, false, null, LocalDate.of(2015, 1, 1), "C" + seq, wage, false, null, null), null).memberId();
    }

    /** A wage sheet as an office writes it: a title row, a blank row, the heading, the rows. */
    Path xlsx(String name, List<Object>... rows) throws Exception {
        Path f = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("工资表");
            s.createRow(0).createCell(0).setCellValue("2026年10月 职工基本工资表");
            int r = 2;
            for (List<Object> values : rows) {
                Row x = s.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        x.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        x.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            wb.write(os);
        }
        return f;
    }

    static List<Object> row(Object... v) {
        return Arrays.asList(v);
    }

    static final List<Object> HEAD = row("序号", "姓名", "身份证号", "会员编号", "基本工资（元）");

    Line line(Report r, int rowNumber) {
        return r.lines().stream().filter(l -> l.rowNumber() == rowNumber).findFirst().orElseThrow();
    }

    @Test
    void dryRunSaysWhatEveryRowComesToAndWritesNothing() throws Exception {
        long a = member("张三", 11, "5000");
        member("李四", 21, "5000");
        long c = member("王五", 31, "5000");
        member("赵六", 41, "4000");
        ctx.members().applyLifecycle(c, new LifecycleRequest(MemberEventType.LEAVE, LocalDate.of(2026, 9, 30), "离职",
                null, null));
        int auditBefore = ctx.audit().count();
        Path f = xlsx("wages.xlsx", HEAD,
                row(1, "张三", id(11), "", 6000),          // row 4: by ID, raised
                row(2, "李四", "", "C21", "5,000.00"),     // row 5: by member number, same wage (text)
                row(3, "陌生人", id(99), "", 7000),         // row 6: not in the register
                row(4, "王五", id(31), "C31", 6000),        // row 7: left
                row(5, "赵 陆", id(41), "C41", 4500.5),     // row 8: name differs from 赵六
                row(6, "张三", id(11), "", 6000),           // row 9: repeats row 4
                row(null, "合计", null, null, 32500.5));   // total row: skipped
        Report r = wages.dryRun(f, OCT);
        assertThat(r.format()).isEqualTo("xlsx");
        assertThat(r.lines()).hasSize(6);
        assertThat(line(r, 4)).satisfies(l -> {
            assertThat(l.kind()).isEqualTo(Kind.CHANGED);
            assertThat(l.memberId()).isEqualTo(a);
            assertThat(l.oldFen()).isEqualTo(500000);
            assertThat(l.newFen()).isEqualTo(600000);
            assertThat(l.from()).isEqualTo(OCT);
        });
        assertThat(line(r, 5).kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(line(r, 6).kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(line(r, 7).kind()).isEqualTo(Kind.NOT_A_MEMBER);
        assertThat(line(r, 7).detail()).isEqualTo("LEFT");
        assertThat(line(r, 8)).satisfies(l -> {
            assertThat(l.kind()).isEqualTo(Kind.CHANGED);
            assertThat(l.newFen()).isEqualTo(450050);
            assertThat(l.warnings()).containsExactly(Warning.NAME_MISMATCH);
            assertThat(l.registerName()).isEqualTo("赵六");
        });
        assertThat(line(r, 9).kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(line(r, 9).firstRow()).isEqualTo(4);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.changed()).hasSize(2);
        // a dry run writes nothing
        assertThat(ctx.audit().count()).isEqualTo(auditBefore);
        assertThat(wageHistory(a)).isEmpty();
    }

    Map<YearMonth, Long> wageHistory(long memberId) {
        Map<YearMonth, Long> out = new java.util.TreeMap<>();
        dues.wageHistory(memberId).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Test
    void invalidAmountsAreErrorsWithRowNumbersAndApplyWritesNothing() throws Exception {
        long a = member("张三", 11, "5000");
        member("李四", 21, "5000");
        member("王五", 31, "5000");
        member("赵六", 41, "5000");
        int auditBefore = ctx.audit().count();
        Path f = xlsx("bad.xlsx", HEAD,
                row(1, "张三", id(11), "", 6000),           // row 4: fine
                row(2, "李四", id(21), "", -100),           // row 5: negative
                row(3, "王五", id(31), "", "五千元"),        // row 6: not a number
                row(4, "赵六", id(41), "", "5000.123"));    // row 7: three decimals
        Report r = wages.dryRun(f, OCT);
        assertThat(r.errors()).extracting(Line::rowNumber).containsExactly(5, 6, 7);
        assertThat(r.errors()).extracting(Line::kind).containsOnly(Kind.INVALID_AMOUNT);
        assertThat(line(r, 6).detail()).isEqualTo("五千元");
        assertThatThrownBy(() -> wages.apply(f, OCT, true)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("dues.wage.hasErrors");
                    assertThat(e.args()).containsExactly(3, "5");
                });
        // nothing written: not even the good row
        assertThat(wageHistory(a)).isEmpty();
        assertThat(ctx.audit().count()).isEqualTo(auditBefore);
    }

    @Test
    void conflictingRowsForOneMemberAreAnError() throws Exception {
        long a = member("张三", 11, "5000");
        Path f = xlsx("dup.xlsx", HEAD, row(1, "张三", id(11), "", 6000), row(2, "张三", "", "C11", 6500));
        Report r = wages.dryRun(f, OCT);
        assertThat(line(r, 5).kind()).isEqualTo(Kind.DUPLICATE_CONFLICT);
        assertThat(line(r, 5).firstRow()).isEqualTo(4);
        assertThatThrownBy(() -> wages.apply(f, OCT, false)).isInstanceOf(RuleViolationException.class);
        assertThat(wageHistory(a)).isEmpty();
    }

    @Test
    void aFileWithoutAWageHeadingIsRefusedAndWritesNothing() throws Exception {
        long a = member("张三", 11, "5000");
        Path f = xlsx("nohead.xlsx", row("姓名", "身份证号", "备注"), row("张三", id(11), "6000"));
        int auditBefore = ctx.audit().count();
        assertThatThrownBy(() -> wages.apply(f, OCT, true)).isInstanceOfSatisfying(UnusableFileException.class,
                e -> assertThat(e.messageKey()).isEqualTo("dues.wage.noHeader"));
        Path notASheet = dir.resolve("x.xlsx");
        Files.writeString(notASheet, "not a workbook");
        assertThatThrownBy(() -> wages.dryRun(notASheet, OCT)).isInstanceOf(UnusableFileException.class);
        assertThat(wageHistory(a)).isEmpty();
        assertThat(ctx.audit().count()).isEqualTo(auditBefore);
    }

    @Test
    void pastDatedRaiseShowsTheBackDuesAndBooksThemOnlyWhenAsked() throws Exception {
        long a = member("张三", 11, "5000");
        long b = member("李四", 21, "5000");
        dues.applyRoll(SEP);
        dues.applyRoll(OCT);
        dues.applyRoll(NOV);
        Path f = xlsx("raise.xlsx", HEAD, row(1, "张三", id(11), "", 7000), row(2, "李四", id(21), "", 6000));
        Report dry = wages.dryRun(f, OCT);
        // 5000 → 7000: 25.00 → 35.00 for October and November
        assertThat(dry.backDues().get(a).charges()).extracting(Charge::period).containsExactly(OCT, NOV);
        assertThat(line(dry, 4).backDuesFen()).isEqualTo(2 * 1000);
        assertThat(line(dry, 5).backDuesFen()).isEqualTo(2 * 500);
        assertThat(dry.backDuesTotalFen()).isEqualTo(3000);

        Report applied = wages.apply(f, OCT, false);
        assertThat(applied.applied()).isTrue();
        assertThat(applied.backDuesBooked()).isFalse();
        assertThat(wageHistory(a)).containsEntry(OCT, 700000L);
        // not booked: October is still charged 25.00 …
        assertThat(dues.monthCharges(OCT)).filteredOn(c -> c.memberId() == a).extracting(Charge::amountFen)
                .containsExactly(2500L);
        // … and the preview was what DuesService.backDues says now that the wage is stored
        assertThat(dues.backDues(a, OCT).charges()).isEqualTo(dry.backDues().get(a).charges());
        assertThat(dues.backDues(b, OCT).totalFen()).isEqualTo(1000);
        // the same sheet again: nothing to change
        Report again = wages.dryRun(f, OCT);
        assertThat(again.changed()).isEmpty();
        assertThat(again.count(Kind.UNCHANGED)).isEqualTo(2);
        assertThat(ctx.audit().find(null, "member", Long.toString(a), 20))
                .filteredOn(e -> e.action().equals("WAGE_SET")).hasSize(1);
    }

    @Test
    void backDuesAreBookedInTheSameTransactionWhenAsked() throws Exception {
        long a = member("张三", 11, "5000");
        dues.applyRoll(SEP);
        dues.applyRoll(OCT);
        dues.applyRoll(NOV);
        Path f = xlsx("raise.xlsx", HEAD, row(1, "张三", id(11), "", 7000));
        Report r = wages.apply(f, SEP, true);
        assertThat(r.backDuesBooked()).isTrue();
        assertThat(r.backDuesTotalFen()).isEqualTo(3000);
        assertThat(dues.monthCharges(SEP)).filteredOn(c -> c.memberId() == a && c.kind() == ChargeKind.BACK)
                .extracting(Charge::amountFen).containsExactly(1000L);
        assertThat(dues.collection(OCT).dueFen()).isEqualTo(3500);
        // nothing more is owed, and rolling again changes nothing
        assertThat(dues.backDues(a, SEP).charges()).isEmpty();
        assertThat(dues.previewRoll(NOV).isEmpty()).isTrue();
        assertThat(ctx.audit().find(null, "member", Long.toString(a), 20)).extracting(e -> e.action())
                .contains("WAGE_SET", "DUES_BACK");
    }

    @Test
    void wageHistoryIsKept() throws Exception {
        long a = member("张三", 11, "5000");
        dues.setWage(a, YearMonth.of(2026, 1), 520000);
        Path f = xlsx("raise.xlsx", HEAD, row(1, "张三", id(11), "", 6000));
        Report r = wages.dryRun(f, OCT);
        assertThat(line(r, 4).oldFen()).isEqualTo(520000);
        wages.apply(f, OCT, false);
        assertThat(wageHistory(a)).containsExactly(Map.entry(YearMonth.of(2026, 1), 520000L),
                Map.entry(OCT, 600000L));
    }

    @Test
    void gbkCsvWithSynonymHeadingsAndAMonthColumn() throws Exception {
        long a = member("张三", 11, "5000");
        long b = member("李四", 21, "5000");
        member("王五", 31, "5000");
        String csv = "证件号码,员工姓名,缴费基数,生效月份\r\n"
                + id(11) + ",张三,6000,2026年9月\r\n"
                + id(21) + ",李四,5500.50,202610\r\n"
                + id(31) + ",王五,5800,下个月\r\n";
        Path f = dir.resolve("wages.csv");
        Files.write(f, csv.getBytes(CsvFile.GB18030));
        Report r = wages.dryRun(f, NOV);
        assertThat(r.format()).isEqualTo("csv");
        assertThat(line(r, 2).from()).isEqualTo(SEP);
        assertThat(line(r, 2).memberId()).isEqualTo(a);
        assertThat(line(r, 3).from()).isEqualTo(OCT);
        assertThat(line(r, 3).newFen()).isEqualTo(550050);
        assertThat(line(r, 3).memberId()).isEqualTo(b);
        assertThat(line(r, 4).kind()).isEqualTo(Kind.INVALID_MONTH);
        assertThat(line(r, 4).detail()).isEqualTo("下个月");
    }

    @Test
    void monthsAndAmountsAsClerksWriteThem() {
        assertThat(WageImportService.month(cn.uniondesk.excel.RawCell.text("2026-09"))).isEqualTo(SEP);
        assertThat(WageImportService.month(cn.uniondesk.excel.RawCell.text("2026/9"))).isEqualTo(SEP);
        assertThat(WageImportService.month(cn.uniondesk.excel.RawCell.text("2026.9"))).isEqualTo(SEP);
        assertThat(WageImportService.month(cn.uniondesk.excel.RawCell.text("2026年9月"))).isEqualTo(SEP);
        assertThat(WageImportService.month(cn.uniondesk.excel.RawCell.text("2026-09-01"))).isEqualTo(SEP);
        assertThat(WageImportService.month(cn.uniondesk.excel.RawCell.number(202609, false))).isEqualTo(SEP);
        assertThat(WageImportService.month(cn.uniondesk.excel.RawCell.number(46266, true))).isEqualTo(SEP);
        assertThat(WageImportService.month(cn.uniondesk.excel.RawCell.text("2026-13"))).isNull();
        assertThat(WageImportService.amount(cn.uniondesk.excel.RawCell.number(5678.9, false))).isEqualTo(567890);
        assertThat(WageImportService.amount(cn.uniondesk.excel.RawCell.text("￥5,678.90"))).isEqualTo(567890);
        assertThat(WageImportService.amount(cn.uniondesk.excel.RawCell.number(5678.901, false))).isNull();
        assertThat(WageImportService.amount(cn.uniondesk.excel.RawCell.text(""))).isNull();
    }

    @Test
    void anAuditorMayLookButNotApply() throws Exception {
        member("张三", 11, "5000");
        Path f = xlsx("raise.xlsx", HEAD, row(1, "张三", id(11), "", 6000));
        ctx.close();
        ctx = AppContext.open(dir.resolve("data"), new Session("审计员", cn.uniondesk.domain.Role.AUDITOR),
                TestApp.CLOCK);
        assertThat(ctx.wageImport().dryRun(f, OCT).changed()).hasSize(1);
        assertThatThrownBy(() -> ctx.wageImport().apply(f, OCT, false)).isInstanceOf(PermissionDeniedException.class);
    }
}
