package cn.uniondesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.settings.SettingsView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
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

/** The real window, headless: first start, login, forced password change, idle lock, settings. */
@ExtendWith(ApplicationExtension.class)
class UnionDeskAppUiTest {
    static final Path SHOTS = Path.of("docs", "screenshots");

    @TempDir
    Path dir;
    Stage stage;
    UnionDeskApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws TimeoutException {
        if (app != null) {
            app.shutdown();
        }
        FxToolkit.cleanupStages();
    }

    private void launch(FxRobot robot, String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--data";
        args[1] = dir.toString();
        args[2] = "--lang";
        args[3] = "zh";
        System.arraycopy(extra, 0, args, 4, extra.length);
        app = new UnionDeskApp();
        robot.interact(() -> app.start(stage, args));
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean visible(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup(id).tryQuery().map(n -> n.getScene() != null).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private static TableView<MemberRow> members(FxRobot robot) {
        return robot.lookup("#memberTable").queryAs(TableView.class);
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(SHOTS);
        ImageIO.write(png, "png", SHOTS.resolve(name).toFile());
        assertThat(png.getWidth()).isEqualTo(1280);
    }

    @Test
    void firstStartDemoUnionLoginForcedPasswordChangeThenTheMemberList(FxRobot robot) throws Exception {
        launch(robot);
        assertThat(visible(robot, "#firstStartPage")).isTrue();
        snapshot(robot, "first-start.png");
        robot.clickOn("#useDemo");
        waitFor(() -> visible(robot, "#loginPage"));
        assertThat(robot.lookup("#login-user").queryTextInputControl().getText()).isEqualTo("demo");
        assertThat(robot.lookup("#login-hint").queryLabeled().getText()).contains("demo1234");
        snapshot(robot, "login.png");

        robot.clickOn("#login-password").write("wrong-pass");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#login-error").queryLabeled().getText().equals("账户名或密码不正确"));

        robot.clickOn("#login-password").write("demo1234");
        robot.type(KeyCode.ENTER);
        waitFor(() -> visible(robot, "#changePasswordPage"));
        robot.clickOn("#cp-new").write("demo-pass-2026");
        robot.clickOn("#cp-repeat").write("demo-pass-2025");
        robot.clickOn("#cp-ok");
        waitFor(() -> robot.lookup("#login-error").queryLabeled().getText().equals("两次输入的密码不一致"));
        snapshot(robot, "change-password.png");
        robot.interact(() -> robot.lookup("#cp-repeat").queryTextInputControl().setText("demo-pass-2026"));
        robot.clickOn("#cp-ok");
        waitFor(() -> robot.lookup("#memberTable").tryQuery().isPresent());
        waitFor(() -> !members(robot).getItems().isEmpty());
        assertThat(robot.lookup("#accountLabel").queryLabeled().getText()).isEqualTo("demo（管理员）");
        assertThat(stage.getTitle()).contains("demo（管理员）");
        assertThat(app.gateway().context().accounts().current().mustChangePassword()).isFalse();
    }

    @Test
    void theIdleLockCoversTheWindowAndOpensWithThePassword(FxRobot robot) throws Exception {
        try (AppContext ctx = AppContext.initialize(dir, "admin", "secret-pass".toCharArray(), false,
                TestData.CLOCK)) {
            assertThat(ctx.session().operator()).isEqualTo("admin");
        }
        launch(robot, "--idle-minutes", "0.04");
        assertThat(visible(robot, "#loginPage")).isTrue();
        robot.clickOn("#login-user").write("admin");
        robot.clickOn("#login-password").write("secret-pass");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#memberTable").tryQuery().isPresent());
        assertThat(visible(robot, "#lockPage")).isFalse();
        waitFor(() -> visible(robot, "#lockPage"));
        robot.clickOn("#lock-password").write("not-the-one");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#lock-error").queryLabeled().getText().equals("账户名或密码不正确"));
        assertThat(visible(robot, "#lockPage")).isTrue();
        robot.clickOn("#lock-password").write("secret-pass");
        robot.type(KeyCode.ENTER);
        waitFor(() -> !visible(robot, "#lockPage"));
    }

    @Test
    void settingsShowTheAuditTrailAndVerifyIt(FxRobot robot) throws Exception {
        TestData.encryptedDemo(dir);
        try (AppContext ctx = AppContext.unlock(dir, "demo", "demo1234".toCharArray(), TestData.CLOCK)) {
            ctx.accounts().changeOwnPassword("demo1234".toCharArray(), "demo-pass-2026".toCharArray());
        }
        launch(robot);
        robot.clickOn("#login-password").write("demo-pass-2026");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#memberTable").tryQuery().isPresent());
        robot.clickOn("#nav-settings");
        waitFor(() -> visible(robot, "#union-orgCode")); // 本单位 is the first tab
        robot.interact(() -> robot.lookup("#settings").queryAs(SettingsView.class).select("tab-audit"));
        waitFor(() -> visible(robot, "#auditTable"));
        waitFor(() -> !robot.lookup("#auditTable").queryAs(TableView.class).getItems().isEmpty());
        robot.clickOn("#audit-verify");
        waitFor(() -> !robot.lookup("#audit-result").queryLabeled().getText().isEmpty());
        assertThat(robot.lookup("#audit-result").queryLabeled().getText()).startsWith("审计日志完整");
        snapshot(robot, "settings-audit.png");

        robot.interact(() -> robot.lookup("#settings").queryAs(SettingsView.class).select("tab-backup"));
        waitFor(() -> visible(robot, "#backup-now"));
        robot.clickOn("#backup-now");
        waitFor(() -> robot.lookup("#backup-status").queryLabeled().getText().startsWith("已备份并核验"));
        assertThat(robot.lookup("#backupList").queryListView().getItems()).isNotEmpty();
        snapshot(robot, "settings-backup.png");

        robot.clickOn("#logoutButton");
        waitFor(() -> visible(robot, "#loginPage"));
        assertThat(stage.getTitle()).isEqualTo("基层工会工作台");
    }
}
