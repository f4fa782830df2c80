package cn.uniondesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.ui.UiFixture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.i18n.Messages;
import java.util.Locale;
import javafx.scene.image.WritableImage;
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

/** Renders the main window on the demo union to docs/screenshots/members.png (1280x800) under Monocle. */
@ExtendWith(ApplicationExtension.class)
@SuppressWarnings("unchecked")
class MembersScreenshotTest {
    static final Path OUT = Path.of("docs", "screenshots", "members.png");

    @TempDir
    Path dir;
    UiFixture ui;

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ui = new UiFixture(dir, stage);
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void rendersTheMemberScreenOnTheDemoUnion(FxRobot robot) throws Exception {
        TableView<MemberRow> table = robot.lookup("#memberTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == ui.ctx.members().count());
        MemberRow transferred = table.getItems().stream().filter(r -> r.status() == MemberStatus.TRANSFERRED_OUT)
                .findFirst().orElse(table.getItems().get(0));
        robot.interact(() -> table.getSelectionModel().select(transferred));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#historyTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> ui.scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(OUT.getParent());
        ImageIO.write(png, "png", OUT.toFile());
        assertThat(png.getWidth()).isEqualTo(1280);
        assertThat(png.getHeight()).isEqualTo(800);
    }

    @Test
    void rendersTheMemberScreenInEnglish(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ui.close();
            ui = new UiFixture(dir.resolve("en"), stage, Messages.forLocale(Locale.ENGLISH));
        });
        TableView<MemberRow> table = robot.lookup("#memberTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == ui.ctx.members().count());
        robot.interact(() -> table.getSelectionModel().select(5));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#historyTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> ui.scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", OUT.resolveSibling("members-en.png").toFile());
        assertThat(robot.lookup("#addMember").queryButton().getText()).isEqualTo("Add member");
    }

    @Test
    void rendersTheLifecycleDialog(FxRobot robot) throws Exception {
        TableView<MemberRow> table = robot.lookup("#memberTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == ui.ctx.members().count());
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#action-TRANSFER_OUT").queryButton().isDisabled());
        robot.clickOn("#action-TRANSFER_OUT");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#lc-reason").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#lc-counterpart").queryAs(TextField.class).setText("无锡市新区总工会"));
        robot.clickOn("#lc-ok");
        WaitForAsyncUtils.waitForFxEvents();
        Scene input = robot.lookup("#lifecycleDialog").query().getScene();
        WritableImage first = WaitForAsyncUtils.asyncFx(() -> input.snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(first, null), "png", OUT.resolveSibling("lifecycle-input.png").toFile());
        assertThat(robot.lookup("#lc-error").queryLabeled().getText()).isEqualTo("请填写原因");
        robot.interact(() -> robot.lookup("#lc-reason").queryAs(TextField.class).setText("工作调动"));
        robot.clickOn("#lc-ok");
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage second = WaitForAsyncUtils.asyncFx(() -> input.snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(second, null), "png", OUT.resolveSibling("lifecycle-confirm.png").toFile());
        assertThat(robot.lookup("#lc-confirmText").queryLabeled().getText()).contains("无锡市新区总工会");
    }

    @Test
    void rendersTheMemberFormWithIssuesAtTheirFields(FxRobot robot) throws Exception {
        TableView<MemberRow> table = robot.lookup("#memberTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == ui.ctx.members().count());
        robot.clickOn("#addMember");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#form-name").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#form-name").queryAs(TextField.class).setText("张三丰");
            String id = TestData.ZSF_ID;
            robot.lookup("#form-idNumber").queryAs(TextField.class).setText(id);
            robot.lookup("#form-gender").queryAs(ComboBox.class).getSelectionModel().select(1);
            robot.lookup("#form-mobile").queryAs(TextField.class).setText("1381234");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Scene dialog = robot.lookup("#memberForm").query().getScene();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> dialog.snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", OUT.resolveSibling("member-form.png").toFile());
        assertThat(robot.lookup("#issue-GENDER").queryLabeled().getText()).isEqualTo("性别与公民身份号码不符（号码显示为男）");
    }
}
