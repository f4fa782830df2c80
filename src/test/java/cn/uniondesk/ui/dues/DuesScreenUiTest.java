package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService.ReportLine;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/** The dues screen from the keyboard: card number, Enter, Enter records a receipted cash payment. */
@ExtendWith(ApplicationExtension.class)
class DuesScreenUiTest {
    @TempDir
    Path dir;
    AppContext ctx;
    FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    LocalDate today = LocalDate.now(TestData.CLOCK);

    DuesViewModel vm;

    @org.junit.jupiter.api.BeforeAll
    static void demoTemplate() {
        DemoCopy.warm();
    }

    @Start
    void start(Stage stage) {
        ctx = DemoCopy.open(dir);
        Messages m = Messages.chinese();
        vm = new DuesViewModel(ctx.dues(), ctx.members(), executor, m, today);
        DuesView view = new DuesView(vm, new ReconciliationViewModel(ctx.dues(), executor, m, today),
                new ReceiptsViewModel(ctx.dues(), ctx.union(), f -> { }, dir.resolve("receipts"), executor, m,
                        today.getYear()));
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

    @Test
    @SuppressWarnings("unchecked")
    void cardEnterAmountEnterRecordsAReceiptAndAddsToTheBatch(FxRobot robot) throws TimeoutException {
        TableView<ReportLine> table = robot.lookup("#duesTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        assertThat(robot.lookup("#duesApplyRoll").queryAs(Button.class).isDisabled()).isTrue();
        ReportLine line = ctx.dues().monthlyReport(YearMonth.from(today)).lines().stream()
                .filter(l -> l.dueFen() > 0 && l.paidFen() == 0).findFirst().orElseThrow();

        robot.clickOn("#duesPayKey").write(line.cardNo()).type(KeyCode.ENTER);
        TextField amount = robot.lookup("#duesPayAmount").queryAs(TextField.class);
        waitFor(() -> !amount.getText().isEmpty());
        assertThat(amount.isFocused()).isTrue();
        assertThat(amount.getText()).isEqualTo(DuesViewModel.yuan(line.dueFen()));
        robot.type(KeyCode.ENTER);

        Label batch = robot.lookup("#duesBatch").queryAs(Label.class);
        waitFor(() -> batch.getText().startsWith("本批合计 1 笔"));
        assertThat(batch.getText()).isEqualTo("本批合计 1 笔 " + DuesViewModel.yuan(line.dueFen()) + " 元");
        assertThat(robot.lookup("#duesMessage").queryAs(Label.class).getText()).contains(today.getYear() + "-");
        assertThat(robot.lookup("#duesPayKey").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#duesPayKey").queryAs(TextField.class).isFocused()).isTrue();
    }

    @Test
    void readOnlyRolesSeePostingAndPayingDisabled(FxRobot robot) throws TimeoutException {
        robot.interact(() -> vm.setReadOnly(true));
        robot.clickOn("#duesPayKey").write("GH");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#duesPayRecord").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#duesApplyRoll").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#duesRefund").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> vm.setReadOnly(false));
        assertThat(robot.lookup("#duesPayRecord").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void rendersTheDuesScreenForLookingAt(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#duesTable").queryAs(TableView.class).getItems().isEmpty());
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#dues").query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        java.nio.file.Path out = java.nio.file.Path.of("docs", "screenshots", "dues.png");
        java.nio.file.Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertThat(out).exists();
    }
}
