package cn.uniondesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.Role;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A clerk sees the audit and accounts tabs disabled, with a note saying why; 本单位 opens first. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewUiTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final FxBackgroundExecutor executor = new FxBackgroundExecutor(1);

    @Start
    void start(Stage stage) {
        ctx = TestData.demo(dir);
        ctx.session().switchTo("clerk", Role.CLERK);
        Messages m = Messages.chinese();
        SettingsView view = new SettingsView(new UnionInfoViewModel(ctx.union(), ctx.session(), executor, m),
                new AuditViewModel(ctx.audit(), ctx.session(), executor, m),
                new BackupViewModel(ctx.backups(), ctx.session(), executor, m, zip -> null),
                new AccountsViewModel(ctx.accounts(), ctx.session(), executor, m), Role.CLERK);
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        ctx.close();
    }

    @Test
    void aClerkSeesAuditAndAccountsDisabledWithANoteAndTheUnionTabOpen(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getId).containsExactly("tab-union", "tab-audit", "tab-backup",
                "tab-accounts");
        assertThat(tabs.getTabs()).extracting(Tab::isDisable).containsExactly(false, true, false, true);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-union");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        assertThat(robot.lookup("#settings-denied").queryLabeled().getText())
                .isEqualTo("当前角色（干事）不能使用：审计、账户");
        assertThat(robot.lookup("#backup-restore").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#backup-now").queryButton().isDisabled()).isFalse();
    }
}
