package cn.uniondesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.i18n.Messages;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ShellNavigationUiTest {
    ShellViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ShellViewModel(Messages.chinese());
        stage.setScene(new Scene(new ShellView(vm), 1000, 600));
        stage.show();
    }

    @Test
    void showsLoadingUntilReadyThenTheUnionNameInTheTitle(FxRobot robot) {
        assertThat(robot.lookup("#loading").tryQuery()).isPresent();
        assertThat(vm.titleProperty().get()).isEqualTo("基层工会工作台");
        robot.interact(() -> vm.ready("某某公司工会"));
        assertThat(vm.titleProperty().get()).isEqualTo("某某公司工会 — 基层工会工作台");
        assertThat(robot.lookup("#unionName").queryLabeled().getText()).isEqualTo("某某公司工会");
    }

    @Test
    void everySectionNotBuiltYetSaysWhatWillBeThere(FxRobot robot) {
        for (Section s : Section.values()) {
            if (s.comingKey() == null) {
                continue;
            }
            robot.clickOn("#nav-" + s.name().toLowerCase(Locale.ROOT));
            String id = "#coming-" + s.name().toLowerCase(Locale.ROOT);
            assertThat(robot.lookup(id).tryQuery()).as(id).isPresent();
            assertThat(robot.lookup(id).queryAll().iterator().next().isVisible()).isTrue();
            assertThat(robot.lookup(id + " .label").queryAllAs(Labeled.class))
                    .anyMatch(l -> l.getText().equals(Messages.chinese().get(s.comingKey())));
        }
        robot.clickOn("#nav-members");
        assertThat(robot.lookup("#loading").tryQuery()).isPresent();
    }

    @Test
    void englishNavigationComesFromTheEnglishBundle() {
        Messages en = Messages.forLocale(Locale.ENGLISH);
        assertThat(en.get(Section.MEMBERS.labelKey())).isEqualTo("Members");
        assertThat(en.get("ui.members.count", 300)).isEqualTo("300 members");
    }
}
