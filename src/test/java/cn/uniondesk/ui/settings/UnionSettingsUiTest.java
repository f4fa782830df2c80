package cn.uniondesk.ui.settings;

import static cn.uniondesk.domain.CreditCodeTest.withCheck;
import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
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

/**
 * 设置 → 本单位 in a window: an administrator fills in the code, saves, and a newly opened 设置
 * shows it; a clerk sees the same details read-only. Renders docs/screenshots/settings-union.png
 * (saved) and settings-union-error.png (a wrong check character).
 */
@ExtendWith(ApplicationExtension.class)
class UnionSettingsUiTest {
    static final Path SCREENSHOT = Path.of("docs", "screenshots", "settings-union.png");
    static final String CODE = withCheck("81320505MC0000001");

    @TempDir
    Path dir;
    AppContext ctx;
    Stage stage;
    final FxBackgroundExecutor executor = new FxBackgroundExecutor(1);
    final Messages m = Messages.chinese();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = TestData.demo(dir);
        UnionInfo demo = ctx.union().union().orElseThrow();
        // as if set up on the first page without a code
        ctx.union().save(new UnionInfo(demo.name(), null, null, null));
        open(Role.ADMIN);
    }

    private void open(Role role) {
        SettingsView view = new SettingsView(new UnionInfoViewModel(ctx.union(), ctx.session(), executor, m),
                new AuditViewModel(ctx.audit(), ctx.session(), executor, m),
                new BackupViewModel(ctx.backups(), ctx.session(), executor, m, zip -> null),
                new AccountsViewModel(ctx.accounts(), ctx.session(), executor, m), role);
        stage.setScene(new Scene(view, 1000, 640));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        ctx.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    @Test
    void anAdministratorFillsInTheCodeSavesItAndSeesItOnReopening(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#union-name").isEmpty());
        assertThat(robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("tab-union");
        assertThat(robot.lookup("#union-orgCode-note").queryLabeled().getText()).contains("尚未填写统一社会信用代码");

        // a wrong check character first: a message at the field, nothing saved
        String typo = CODE.substring(0, 17) + (CODE.charAt(17) == '0' ? '1' : '0');
        robot.clickOn("#union-orgCode").write(typo);
        robot.clickOn("#union-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#union-orgCode-error").queryLabeled().getText()).startsWith("统一社会信用代码校验不通过");
        assertThat(ctx.union().union().orElseThrow().orgCode()).isNull();
        WritableImage wrong = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOT.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(wrong, null), "png",
                SCREENSHOT.resolveSibling("settings-union-error.png").toFile());

        robot.interact(() -> robot.lookup("#union-orgCode").queryAs(TextField.class).clear());
        robot.clickOn("#union-orgCode").write(CODE.toLowerCase());
        robot.clickOn("#union-upper").write("苏州市虎丘区总工会");
        robot.clickOn("#union-region").write("320505");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#union-region-name").queryLabeled().getText()).isEqualTo("江苏省苏州市虎丘区");
        robot.clickOn("#union-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "已保存本单位信息".equals(robot.lookup("#union-status").queryLabeled().getText()));
        assertThat(robot.lookup("#union-orgCode-error").queryLabeled().getText()).isEmpty();
        assertThat(text(robot, "#union-orgCode")).isEqualTo(CODE);
        assertThat(ctx.union().union().orElseThrow().orgCode()).isEqualTo(CODE);

        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(SCREENSHOT.getParent());
        ImageIO.write(png, "png", SCREENSHOT.toFile());

        // settings opened anew (as after the next login) read the stored details
        robot.interact(() -> open(Role.ADMIN));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> CODE.equals(text(robot, "#union-orgCode")));
        assertThat(text(robot, "#union-upper")).isEqualTo("苏州市虎丘区总工会");
        assertThat(text(robot, "#union-region")).isEqualTo("320505");
    }

    @Test
    void aClerkSeesTheDetailsReadOnly(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ctx.union().update(new UnionInfo(ctx.union().union().orElseThrow().name(), CODE, null, "320505"));
            ctx.session().switchTo("小王", Role.CLERK);
            open(Role.CLERK);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> CODE.equals(text(robot, "#union-orgCode")));
        for (String id : new String[] {"#union-name", "#union-orgCode", "#union-upper", "#union-region"}) {
            assertThat(robot.lookup(id).queryAs(TextField.class).isEditable()).as(id).isFalse();
        }
        assertThat(robot.lookup("#union-save").tryQuery()).isEmpty();
        assertThat(robot.lookup("#union-readonly").queryLabeled().getText())
                .isEqualTo("当前角色（干事）只能查看本单位信息；修改须由管理员进行。");
        robot.clickOn("#union-name").write("别的工会");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ctx.union().union().orElseThrow().name()).isNotEqualTo("别的工会");
        assertThat(text(robot, "#union-name")).doesNotContain("别的工会");
    }
}
