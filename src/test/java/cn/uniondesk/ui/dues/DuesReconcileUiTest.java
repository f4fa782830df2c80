package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.MismatchKind;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import cn.uniondesk.ui.dues.ReconciliationViewModel.Line;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/**
 * 代扣对账 on a real database with a real payroll sheet: the clerk unchecks one proposal, confirms,
 * and only the confirmed adjustments are booked.
 */
@ExtendWith(ApplicationExtension.class)
class DuesReconcileUiTest {
    @TempDir
    Path dir;
    AppContext ctx;
    FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    LocalDate today = LocalDate.now(TestData.CLOCK);
    YearMonth month = YearMonth.from(today);
    PayrollFixture sheet;
    DuesViewModel vm;
    ReconciliationViewModel recon;
    final List<Path> opened = new ArrayList<>();

    @org.junit.jupiter.api.BeforeAll
    static void demoTemplate() {
        DemoCopy.warm();
    }

    @Start
    void start(Stage stage) {
        ctx = DemoCopy.open(dir.resolve("data"));
        sheet = PayrollFixture.write(ctx, month, dir.resolve("2026年11月工资代扣.xlsx"));
        Messages m = Messages.chinese();
        vm = new DuesViewModel(ctx.dues(), ctx.members(), executor, m, today);
        recon = new ReconciliationViewModel(ctx.dues(), executor, m, today);
        ReceiptsViewModel receipts = new ReceiptsViewModel(ctx.dues(), ctx.union(), opened::add,
                dir.resolve("receipts"), executor, m, today.getYear());
        stage.setScene(new Scene(new DuesView(vm, recon, receipts), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        ctx.close();
    }

    static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the button with {@code text} in the dialog whose pane has {@code paneId}. */
    static void clickDialogButton(FxRobot robot, String paneId, String text) throws TimeoutException {
        waitFor(() -> robot.lookup("#" + paneId).tryQuery().isPresent());
        DialogPane pane = robot.lookup("#" + paneId).queryAs(DialogPane.class);
        Button b = pane.getButtonTypes().stream().map(pane::lookupButton).map(Button.class::cast)
                .filter(x -> text.equals(x.getText())).findFirst().orElseThrow();
        robot.clickOn(b);
    }

    private Line line(MismatchKind kind, long memberId) {
        return recon.allLines().stream().filter(l -> l.mismatch().kind() == kind
                && l.mismatch().memberId() != null && l.mismatch().memberId() == memberId).findFirst().orElseThrow();
    }

    private void openSheet(FxRobot robot) throws TimeoutException {
        robot.clickOn("代扣对账");
        robot.interact(() -> recon.chooseFile(sheet.file()));
        TableView<?> table = robot.lookup("#reconTable").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == 5);
    }

    @Test
    void onlyTheConfirmedAdjustmentsAreBooked(FxRobot robot) throws Exception {
        openSheet(robot);
        assertThat(robot.lookup("#reconFile").queryAs(Label.class).getText()).isEqualTo("2026年11月工资代扣.xlsx");
        assertThat(robot.lookup("#reconMatched").queryAs(Label.class).getText())
                .startsWith("相符 " + sheet.matchedCount() + " 人");
        long lessBefore = ctx.dues().paidTotal(sheet.less());
        long moreBefore = ctx.dues().paidTotal(sheet.more());

        // the clerk does not accept booking the 1 yuan over-deduction
        Line more = line(MismatchKind.AMOUNT_DIFFERS, sheet.more());
        CheckBox box = robot.lookup("#reconAccept-" + more.mismatch().id()).queryAs(CheckBox.class);
        assertThat(box.isSelected()).isTrue();
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(more.acceptedProperty().get()).isFalse();
        assertThat(robot.lookup("#reconPlan").queryAs(Label.class).getText())
                .startsWith("确认后入账 " + (sheet.matchedCount() + 1) + " 笔");

        robot.clickOn("#reconBook");
        clickDialogButton(robot, "reconConfirm", "确认入账");
        Label msg = robot.lookup("#reconMessage").queryAs(Label.class);
        waitFor(() -> !msg.getText().isEmpty());

        assertThat(msg.getText()).startsWith("已入账“" + DuesService.payrollBatchRef(month) + "”");
        assertThat(ctx.dues().payrollBooked(month)).isTrue();
        assertThat(ctx.dues().collection(month).paidFen()).isEqualTo(sheet.matchedFen() + sheet.lessDeductedFen());
        assertThat(ctx.dues().paidTotal(sheet.less())).isEqualTo(lessBefore + sheet.lessDeductedFen());
        assertThat(ctx.dues().paidTotal(sheet.more())).isEqualTo(moreBefore);
        assertThat(ctx.audit().find(null, "payroll", null, 50)).filteredOn(a -> a.action().equals("PAYROLL_REFUND_DUE"))
                .hasSize(2);
        assertThat(robot.lookup("#reconBook").queryAs(Button.class).isDisabled()).isTrue();
        // the collection tab's figures follow
        waitFor(() -> robot.lookup("#duesPaid").queryAs(Label.class).getText()
                .equals(DuesViewModel.yuan(sheet.matchedFen() + sheet.lessDeductedFen())));
    }

    @Test
    void cancellingTheConfirmationBooksNothing(FxRobot robot) throws Exception {
        openSheet(robot);
        robot.clickOn("#reconBook");
        clickDialogButton(robot, "reconConfirm", "取消");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ctx.dues().payrollBooked(month)).isFalse();
        assertThat(ctx.dues().collection(month).paidFen()).isZero();
    }

    @Test
    void readOnlyRolesMayCheckButNotBook(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setReadOnly(true));
        openSheet(robot);
        assertThat(robot.lookup("#reconBook").queryAs(Button.class).isDisabled()).isTrue();
        Line less = line(MismatchKind.AMOUNT_DIFFERS, sheet.less());
        assertThat(robot.lookup("#reconAccept-" + less.mismatch().id()).queryAs(CheckBox.class).isDisabled())
                .isTrue();
    }

    @Test
    void rendersTheReconciliationForLookingAt(FxRobot robot) throws Exception {
        openSheet(robot);
        robot.clickOn("#reconAccept-" + line(MismatchKind.AMOUNT_DIFFERS, sheet.more()).mismatch().id());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#dues").query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("docs", "screenshots", "dues-reconcile.png");
        Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertThat(out).exists();
    }
}
