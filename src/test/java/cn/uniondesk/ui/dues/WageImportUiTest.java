package cn.uniondesk.ui.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * The dues screen's two tools: the top bar holds 工资表导入… and 年度对账单…; the wage import dialog
 * checks the shipped sample sheet on the demo union, shows the rows that need attention and
 * writes on 写入. Writes docs/screenshots/dues-wage-import.png.
 */
@ExtendWith(ApplicationExtension.class)
class WageImportUiTest {
    static final Path SHOT = Path.of("docs", "screenshots", "dues-wage-import.png");

    @TempDir
    Path dir;
    AppContext ctx;
    FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    LocalDate today = LocalDate.now(TestData.CLOCK);
    DuesView duesView;
    WageImportViewModel wages;
    Scene dialogScene;

    @Start
    void start(Stage stage) {
        ctx = TestData.demo(dir);
        Messages m = Messages.chinese();
        DuesViewModel vm = new DuesViewModel(ctx.dues(), ctx.members(), executor, m, today);
        duesView = new DuesView(vm);
        wages = new WageImportViewModel(ctx.wageImport(), executor, m, YearMonth.from(today));
        DuesTools.install(duesView, vm, wages, new StatementExportViewModel(ctx.dues(), ctx.union(), executor, m));
        stage.setScene(new Scene(duesView, 1280, 800));
        stage.show();
        Stage dialog = new Stage();
        dialog.initOwner(stage);
        dialogScene = new Scene(new WageImportDialog(wages), 1000, 600);
        dialog.setScene(dialogScene);
        dialog.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        ctx.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSampleSheetIsCheckedThenWritten(FxRobot robot) throws Exception {
        HBox bar = (HBox) duesView.getTop();
        assertThat(bar.getChildren()).extracting(Node::getId).contains("duesWageImport", "duesStatement");
        assertThat(((Button) duesView.lookup("#duesStatement")).getText()).isEqualTo("年度对账单…");

        WaitForAsyncUtils.asyncFx(() -> {
            wages.fileProperty().set(Path.of("sample-data", "demo-wages.xlsx").toAbsolutePath());
            wages.monthTextProperty().set("2026-09");
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn("#wageCheck");
        TableView<WageImportViewModel.Row> table = robot.lookup("#wageTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).anySatisfy(r -> assertThat(r.result()).isEqualTo("查无此人，跳过"));
        assertThat(table.getItems()).anySatisfy(r -> assertThat(r.note()).startsWith("名册中姓名为"));
        assertThat(robot.lookup("#wageSummary").queryAs(Label.class).getText()).contains("应补交");
        Button apply = robot.lookup("#wageApply").queryAs(Button.class);
        assertThat(apply.isDisabled()).isFalse();

        WritableImage image = WaitForAsyncUtils.asyncFx(() -> dialogScene.snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(SHOT.getParent());
        ImageIO.write(png, "png", SHOT.toFile());

        robot.clickOn("#wageBook");
        robot.clickOn("#wageApply");
        Label msg = robot.lookup("#wageMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> msg.getText().startsWith("已写入"));
        assertThat(msg.getText()).contains("补交").contains("已入账");
        assertThat(table.getItems()).isEmpty();
    }
}
