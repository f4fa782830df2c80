package cn.uniondesk.ui.members;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.testing.TestApp;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ImportButtonUiTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final FxBackgroundExecutor executor = new FxBackgroundExecutor(1);
    final AtomicInteger opened = new AtomicInteger();

    @Start
    void start(Stage stage) {
        ctx = TestApp.open(dir);
        MemberListView view = new MemberListView(new MemberListViewModel(ctx.members(), executor,
                Messages.forLocale(Locale.SIMPLIFIED_CHINESE)));
        view.setImportAction(afterClose -> {
            opened.incrementAndGet();
            afterClose.run();
        });
        stage.setScene(new Scene(view, 1000, 600));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        ctx.close();
    }

    @Test
    void membersScreenOffersTheExcelImport(FxRobot robot) {
        Button b = robot.lookup("#importExcel").queryAs(Button.class);
        assertThat(b.isVisible()).isTrue();
        assertThat(b.getText()).isEqualTo("导入Excel…");
        robot.clickOn(b);
        assertThat(opened.get()).isEqualTo(1);
    }
}
