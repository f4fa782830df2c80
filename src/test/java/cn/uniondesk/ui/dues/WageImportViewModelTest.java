package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.Session;
import cn.uniondesk.testing.TestApp;
import cn.uniondesk.ui.common.SameThreadExecutor;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WageImportViewModelTest {
    static final YearMonth SEP = YearMonth.of(2026, 9);

    @TempDir
    Path dir;
    AppContext ctx;
    WageImportViewModel vm;
    StatementExportViewModel statements;
    long zhang;
    int applied;

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
        zhang = member("张三", 11, "5000");
        member("李四", 21, "5000");
        ctx.dues().applyRoll(SEP);
        ctx.dues().applyRoll(SEP.plusMonths(1));
        vm = new WageImportViewModel(ctx.wageImport(), new SameThreadExecutor(), Messages.chinese(),
                YearMonth.of(2026, 11));
        vm.setOnApplied(() -> applied++);
        statements = new StatementExportViewModel(ctx.dues(), ctx.union(), new SameThreadExecutor(),
                Messages.chinese());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    Path sheet(String name, Object... wages) throws Exception {
        Path f = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("工资");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("姓名");
            h.createCell(1).setCellValue("身份证号");
            h.createCell(2).setCellValue("基本工资");
            String[] names = {"张三", "李四", "王五"};
            int[] seqs = {11, 21, 31};
            for (int i = 0; i < wages.length; i++) {
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue(names[i]);
                r.createCell(1).setCellValue(id(seqs[i]));
                if (wages[i] instanceof Number n) {
                    r.createCell(2).setCellValue(n.doubleValue());
                } else {
                    r.createCell(2).setCellValue(wages[i].toString());
                }
            }
            wb.write(os);
        }
        return f;
    }

    @Test
    void checkListsRowsNeedingAttentionWithBackDuesThenApplyWritesAndBooks() throws Exception {
        vm.fileProperty().set(sheet("w.xlsx", 7000, 5000, 4000));
        vm.monthTextProperty().set("2026-09");
        vm.check();
        // the unchanged row is hidden until asked for
        assertThat(vm.rows()).extracting(WageImportViewModel.Row::rowNumber).containsExactly(2, 4);
        WageImportViewModel.Row z = vm.rows().get(0);
        assertThat(z.result()).isEqualTo("变更");
        assertThat(z.oldWage()).isEqualTo("5000.00");
        assertThat(z.newWage()).isEqualTo("7000.00");
        assertThat(z.backDues()).isEqualTo("20.00");
        assertThat(vm.rows().get(1).result()).isEqualTo("查无此人，跳过");
        assertThat(vm.summaryProperty().get()).contains("变更 1 人").contains("不变 1 人").contains("合计 20.00 元");
        vm.showUnchangedProperty().set(true);
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.canApplyProperty().get()).isTrue();

        vm.bookBackDuesProperty().set(true);
        vm.apply();
        assertThat(vm.messageProperty().get()).isEqualTo("已写入 1 人的缴费基数，补交 20.00 元已入账");
        assertThat(applied).isEqualTo(1);
        assertThat(vm.canApplyProperty().get()).isFalse();
        assertThat(ctx.dues().wageHistory(zhang)).extracting(e -> e.getValue()).containsExactly(700000L);
        assertThat(ctx.dues().backDues(zhang, SEP).charges()).isEmpty();
    }

    @Test
    void anErrorRowKeepsApplyDisabledAndWritesNothing() throws Exception {
        vm.fileProperty().set(sheet("bad.xlsx", 7000, -1));
        vm.check();
        assertThat(vm.rows()).filteredOn(WageImportViewModel.Row::error).singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo("错误：金额无效“-1”"));
        assertThat(vm.errorProperty().get()).contains("第一处在第 3 行").contains("未写入任何数据");
        assertThat(vm.canApplyProperty().get()).isFalse();
        vm.apply();
        assertThat(ctx.dues().wageHistory(zhang)).isEmpty();
    }

    @Test
    void anUnreadableFileOrMonthIsSaidClearly() throws Exception {
        Path f = dir.resolve("x.xlsx");
        Files.writeString(f, "no");
        vm.fileProperty().set(f);
        vm.check();
        assertThat(vm.errorProperty().get()).startsWith("无法读取 x.xlsx：");
        vm.fileProperty().set(sheet("w.xlsx", 7000));
        vm.monthTextProperty().set("九月");
        vm.check();
        assertThat(vm.errorProperty().get()).isEqualTo("月份格式应为 YYYY-MM：九月");
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aReadOnlyRoleMayCheckButNotWrite() throws Exception {
        ctx.close();
        ctx = AppContext.open(dir.resolve("db"), new Session("审计员", cn.uniondesk.domain.Role.AUDITOR),
                TestApp.CLOCK);
        vm = new WageImportViewModel(ctx.wageImport(), new SameThreadExecutor(), Messages.chinese(), SEP);
        vm.setReadOnly(true);
        vm.fileProperty().set(sheet("w.xlsx", 7000));
        vm.check();
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.canApplyProperty().get()).isFalse();
    }

    @Test
    void statementOfOneMemberAndOfAll() throws Exception {
        Path one = dir.resolve("one.pdf");
        statements.export(2026, zhang, one);
        assertThat(statements.messageProperty().get()).isEqualTo("已生成 one.pdf：1 人，年末欠缴合计 50.00 元");
        assertThat(Files.readAllBytes(one)).startsWith("%PDF".getBytes());
        Path all = dir.resolve("all.xlsx");
        statements.export(2026, null, all);
        assertThat(statements.messageProperty().get()).contains("2 人").contains("100.00");
        try (InputStream in = Files.newInputStream(all); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getRow(4).getCell(1).getStringCellValue()).isEqualTo("张三");
        }
        assertThat(statements.suggestedName(2026, "张三")).isEqualTo("2026年度会费对账单-张三");
        statements.export(2026, 999_999L, dir.resolve("none.pdf"));
        assertThat(statements.errorProperty().get()).isNotEmpty();
        assertThat(dir.resolve("none.pdf")).doesNotExist();
    }
}
