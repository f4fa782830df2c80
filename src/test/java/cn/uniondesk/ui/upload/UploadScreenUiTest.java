package cn.uniondesk.ui.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.BatchState;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.BatchService;
import cn.uniondesk.sync.OfficeFixture;
import cn.uniondesk.sync.TestIntake;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The 上报 screen: a queued batch, 立即发送, and it shows 已送达 with the receipt number from a real HTTPS intake. */
@ExtendWith(ApplicationExtension.class)
class UploadScreenUiTest {
    @TempDir
    static Path dir;
    static AppContext ctx;
    static TestIntake intake;
    FxBackgroundExecutor executor = new FxBackgroundExecutor(2);

    /** The slow part (demo office, certificate) before the FX stage, whose set-up has a time limit. */
    @BeforeAll
    static void office() {
        ctx = OfficeFixture.open(dir.resolve("office"));
        intake = new TestIntake(dir).start();
        intake.register(ctx, dir);
        ctx.batches().saveSettings(intake.settings(intake.port(), 1 << 22));
        BatchService.Exported e = ctx.batches().export(OfficeFixture.MONTH, false, null);
        ctx.batches().queue(e.batch().batchId());
    }

    @Start
    void start(Stage stage) {
        UploadViewModel vm = new UploadViewModel(ctx.batches(), ctx.outbox(), ctx.identity(), executor,
                Messages.chinese(), OfficeFixture.MONTH);
        UploadSettingsViewModel settings = new UploadSettingsViewModel(ctx.batches(), ctx.outbox(), ctx.identity(),
                ctx.union(), ctx.session(), executor, Messages.chinese());
        stage.setScene(new Scene(new UploadView(vm, settings), 1100, 640));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
    }

    @AfterAll
    static void closeOffice() {
        intake.close();
        ctx.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aQueuedBatchIsSentAndShowsDeliveredWithItsReceipt(FxRobot robot) throws Exception {
        TableView<UploadViewModel.Row> table = robot.lookup("#uploadTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().get(0).state()).isEqualTo(BatchState.QUEUED);
        assertThat(table.getItems().get(0).stateText()).isEqualTo("待发送");
        assertThat(robot.lookup("#uploadFingerprint").queryAs(Label.class).getText())
                .isEqualTo("本单位公钥指纹：" + ctx.identity().show().orElseThrow().fingerprint());

        robot.clickOn("#uploadSend");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> table.getItems().size() == 1 && table.getItems().get(0).state() == BatchState.DELIVERED);
        WaitForAsyncUtils.waitForFxEvents();
        UploadViewModel.Row row = table.getItems().get(0);
        assertThat(row.stateText()).isEqualTo("已送达");
        assertThat(row.result()).isEqualTo("回执号 R2026-000001");
        assertThat(robot.lookup("#uploadStatus").queryAs(Label.class).getText()).contains("已送达 1 批");

        robot.clickOn(row.file());
        ListView<String> history = robot.lookup("#uploadHistory").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(history.getItems().get(2)).contains("待发送");
        assertThat(history.getItems().get(4)).contains("已送达").contains("R2026-000001");

        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#uploadPage").query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("docs", "screenshots", "upload.png");
        java.nio.file.Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
    }
}
