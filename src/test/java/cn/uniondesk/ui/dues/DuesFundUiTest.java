package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Money;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.report.ReportService;
import cn.uniondesk.service.report.ReportSheet;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** 工会经费 tab: a clerk enters a month's figures, saves, sees the month in the year's table and in the monthly report. */
@ExtendWith(ApplicationExtension.class)
class DuesFundUiTest {
    @TempDir
    Path dir;
    AppContext ctx;
    FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    LocalDate today = LocalDate.now(TestData.CLOCK);
    DuesViewModel vm;
    FundViewModel fund;

    @org.junit.jupiter.api.BeforeAll
    static void demoTemplate() {
        DemoCopy.warm();
    }

    @Start
    void start(Stage stage) {
        ctx = DemoCopy.open(dir);
        Messages m = Messages.chinese();
        vm = new DuesViewModel(ctx.dues(), ctx.members(), executor, m, today);
        fund = new FundViewModel(ctx.dues(), executor, m, YearMonth.from(today));
        DuesView view = new DuesView(vm, new ReconciliationViewModel(ctx.dues(), executor, m, today),
                new ReceiptsViewModel(ctx.dues(), ctx.union(), f -> { }, dir.resolve("receipts"), executor, m,
                        today.getYear()), fund);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        ctx.close();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openFundTab(FxRobot robot) throws TimeoutException {
        TabPane tabs = robot.lookup("#duesTabs").queryAs(TabPane.class);
        robot.clickOn("工会经费");
        waitFor(() -> "duesTabFund".equals(tabs.getSelectionModel().getSelectedItem().getId()));
        waitFor(() -> !fund.busyProperty().get() && !fund.stateProperty().get().isEmpty());
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).clear());
        robot.write(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMonthEnteredAndSavedShowsInTheTableAndInTheMonthlyReport(FxRobot robot) throws TimeoutException {
        openFundTab(robot);
        type(robot, "#fundMonth", "2026-10");
        robot.type(KeyCode.ENTER);
        waitFor(() -> fund.stateProperty().get().startsWith("2026-10"));
        assertThat(vm.monthProperty().get()).as("the screen follows the tab's month").isEqualTo(YearMonth.of(2026, 10));

        type(robot, "#fundPayroll", "1234567.89");
        type(robot, "#fundReceived", "24691.35");
        type(robot, "#fundRemitted", "9876.54");
        type(robot, "#fundShare", "40");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fundDue").queryAs(Label.class).getText()).isEqualTo("24691.35");
        assertThat(robot.lookup("#fundUpper").queryAs(Label.class).getText()).isEqualTo("9876.54");
        assertThat(robot.lookup("#fundRetained").queryAs(Label.class).getText()).isEqualTo("14814.81");
        robot.clickOn("#fundSave");

        TableView<FundViewModel.Row> table = robot.lookup("#fundTable").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == 1);
        FundViewModel.Row row = table.getItems().get(0);
        assertThat(row.monthText()).isEqualTo("2026-10");
        assertThat(row.payroll()).isEqualTo("1234567.89");
        assertThat(row.share()).isEqualTo("40%");
        assertThat(row.retained()).isEqualTo("14814.81");
        assertThat(robot.lookup("#fundMessage").queryAs(Label.class).getText()).startsWith("已保存 2026-10 的工会经费");

        ReportService.MonthlySet set = ctx.reports().monthlySet(YearMonth.of(2026, 10));
        ReportSheet sheet = set.sheets().stream().filter(s -> s.id().equals("fund")).findFirst().orElseThrow();
        ReportSheet.Table t = sheet.blocks().stream().filter(b -> b instanceof ReportSheet.Table)
                .map(b -> (ReportSheet.Table) b).findFirst().orElseThrow();
        List<Object> october = t.rows().get(9);
        assertThat(october).contains(Money.ofFen(123_456_789), Money.ofFen(2_469_135), Money.ofFen(987_654),
                Money.ofFen(1_481_481));
        assertThat(october).doesNotContain("未录入");
        assertThat(sheet.blocks()).filteredOn(b -> b instanceof ReportSheet.Note)
                .noneMatch(n -> ((ReportSheet.Note) n).text().contains("、10月") || ((ReportSheet.Note) n).text().contains("：10月"));
    }

    @Test
    void badFiguresAreNotSavedAndReadOnlyRolesCannotEdit(FxRobot robot) throws TimeoutException {
        openFundTab(robot);
        type(robot, "#fundPayroll", "100000");
        type(robot, "#fundReceived", "2000");
        type(robot, "#fundRemitted", "3000");
        type(robot, "#fundShare", "40");
        robot.clickOn("#fundSave");
        WaitForAsyncUtils.waitForFxEvents();
        // remitted over received is checked on the year so far, by the service, when saved
        assertThat(robot.lookup("#fundError").queryAs(Label.class).getText())
                .isEqualTo("2026 年截至本月已上解 3000.00 元，不能多于实收经费 2000.00 元");
        type(robot, "#fundShare", "140");
        robot.clickOn("#fundSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fundError").queryAs(Label.class).getText()).isEqualTo("请先改正标红的项目，尚未保存");
        assertThat(ctx.dues().fund(YearMonth.from(today))).isEmpty();

        robot.interact(() -> vm.setReadOnly(true));
        assertThat(robot.lookup("#fundSave").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#fundPayroll").queryAs(TextField.class).isEditable()).isFalse();
    }

    @Test
    void rendersTheFundTabForLookingAt(FxRobot robot) throws Exception {
        long[][] months = {
            {96_500_000, 1_930_000, 772_000}, {95_800_000, 1_916_000, 766_400}, {97_200_000, 1_944_000, 777_600},
            {98_100_000, 1_962_000, 784_800}, {98_400_000, 1_968_000, 787_200}, {99_000_000, 1_980_000, 792_000},
            {99_300_000, 1_986_000, 794_400}, {99_800_000, 1_996_000, 798_400}, {100_200_000, 2_004_000, 801_600},
            {100_600_000, 2_012_000, 0}};
        for (int i = 0; i < months.length; i++) {
            ctx.dues().recordFund(YearMonth.of(2026, i + 1), months[i][0], months[i][1], months[i][2], 4000);
        }
        openFundTab(robot);
        type(robot, "#fundPayroll", "101250.00");
        type(robot, "#fundReceived", "2025");
        type(robot, "#fundRemitted", "0");
        type(robot, "#fundShare", "40");
        waitFor(() -> robot.lookup("#fundTable").queryAs(TableView.class).getItems().size() == 10);
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#dues").query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("docs", "screenshots", "dues-fund.png");
        Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertThat(out).exists();
    }
}
