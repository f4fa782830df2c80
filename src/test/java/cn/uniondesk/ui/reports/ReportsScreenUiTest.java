package cn.uniondesk.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.DocumentPrinter;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

/** 报表: pick a month, build the set, print the PDF (through a fake of the system's print action). */
@ExtendWith(ApplicationExtension.class)
class ReportsScreenUiTest {
    @TempDir
    Path dir;
    AppContext ctx;
    FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    final List<String> handed = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        ctx = TestData.demo(dir.resolve("data"));
        DocumentPrinter fake = new DocumentPrinter() {
            @Override
            public void open(Path file) {
                handed.add("open " + file.getFileName());
            }

            @Override
            public void print(Path file) {
                handed.add("print " + file.getFileName());
            }
        };
        ReportsViewModel vm = new ReportsViewModel(ctx.reports(), executor, Messages.chinese(), fake,
                dir.resolve("reports"), LocalDate.now(TestData.CLOCK));
        stage.setScene(new Scene(new ReportsView(vm), 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        ctx.close();
    }

    @Test
    void buildTheMonthThenPrintAndOpenIt(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#reportMonth").queryAs(TextField.class).getText()).isEqualTo("2026-10");
        assertThat(robot.lookup("#printPdf").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#buildMonthly");
        Label status = robot.lookup("#reportStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("已生成"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).contains("2026年10月").contains("逻辑校验全部相符");
        assertThat(dir.resolve("reports").resolve("月度报表-2026-10.pdf")).exists();
        assertThat(Files.size(dir.resolve("reports").resolve("月度报表-2026-10.xlsx"))).isPositive();

        robot.clickOn("#printPdf");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !handed.isEmpty());
        robot.clickOn("#openXlsx");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> handed.size() == 2);
        assertThat(handed).containsExactly("print 月度报表-2026-10.pdf", "open 月度报表-2026-10.xlsx");

        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#reports").query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("docs", "screenshots", "reports-screen.png");
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
    }

    @Test
    void aBadMonthIsExplainedAndNothingIsBuilt(FxRobot robot) throws Exception {
        TextField month = robot.lookup("#reportMonth").queryAs(TextField.class);
        robot.interact(() -> month.setText("2026-13"));
        robot.clickOn("#buildMonthly");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reportError").queryAs(Label.class).getText()).contains("2026-13");
        assertThat(dir.resolve("reports")).doesNotExist();
    }
}
