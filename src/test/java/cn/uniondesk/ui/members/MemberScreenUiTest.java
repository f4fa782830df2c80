package cn.uniondesk.ui.members;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.domain.MemberDraft;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.UiFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
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

@ExtendWith(ApplicationExtension.class)
class MemberScreenUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = new UiFixture(dir, stage);
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        ui.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<MemberRow> table(FxRobot robot) {
        return robot.lookup("#memberTable").queryAs(TableView.class);
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void addMemberThroughTheFormAndSeeThemInTheList(FxRobot robot) throws TimeoutException {
        waitFor(() -> table(robot).getItems().size() == ui.ctx.members().count());
        robot.clickOn("#addMember");
        waitFor(() -> robot.lookup("#form-name").tryQuery().isPresent());
        robot.clickOn("#form-name").write("张三丰");
        robot.clickOn("#form-idNumber").write(TestData.ZSF_ID);
        assertThat(robot.lookup("#form-birthDate").queryAs(DatePicker.class).getValue())
                .isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(robot.lookup("#form-save").queryAs(Button.class).isDisabled()).as("join date missing").isTrue();
        DatePicker joinDate = robot.lookup("#form-joinDate").queryAs(DatePicker.class);
        robot.clickOn(joinDate.getEditor()).write("2020-05-01");
        assertThat(joinDate.getValue()).isEqualTo(LocalDate.of(2020, 5, 1));
        robot.interact(() -> {
            ComboBox<?> dept = robot.lookup("#form-department").queryAs(ComboBox.class);
            dept.getSelectionModel().selectFirst();
        });
        assertThat(robot.lookup("#form-save").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#form-save");
        waitFor(() -> table(robot).getItems().stream().anyMatch(r -> r.name().equals("张三丰")));
        waitFor(() -> robot.lookup("#form-name").tryQuery().isEmpty());
        assertThat(table(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("张三丰");
    }

    @Test
    void typingPinyinInitialsInTheSearchFieldFindsTheMember(FxRobot robot) throws TimeoutException {
        waitFor(() -> table(robot).getItems().size() == ui.ctx.members().count());
        ui.ctx.members().register(new MemberDraft("张三丰", null, "汉族", TestData.ZSF_ID, null, null, null, null, null,
                null, null, false, null, LocalDate.of(2020, 5, 1), null, null, false, null, null), null);
        robot.clickOn("#search").write("zsf");
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEqualTo("zsf");
        waitFor(() -> !table(robot).getItems().isEmpty() && table(robot).getItems().get(0).name().equals("张三丰"));
        assertThat(table(robot).getItems().size()).isLessThan(ui.ctx.members().count());
    }

    @Test
    @SuppressWarnings("unchecked")
    void transferOutThroughTheLifecycleDialogShowsInTheHistory(FxRobot robot) throws TimeoutException {
        try {
            waitFor(() -> table(robot).getItems().size() == ui.ctx.members().count());
        } catch (TimeoutException e) {
            throw new AssertionError("items " + table(robot).getItems().size() + " count " + ui.ctx.members().count()
                    + " scene " + table(robot).getScene() + " showing " + (table(robot).getScene() == null ? null
                    : table(robot).getScene().getWindow().isShowing()) + " tables " + robot.lookup("#memberTable").queryAll().size());
        }
        MemberRow active = table(robot).getItems().stream().filter(r -> r.status() == MemberStatus.ACTIVE)
                .findFirst().orElseThrow();
        robot.interact(() -> table(robot).getSelectionModel().select(active));
        try {
            waitFor(() -> !robot.lookup("#action-TRANSFER_OUT").queryAs(Button.class).isDisabled());
        } catch (TimeoutException e) {
            throw new AssertionError("selected " + table(robot).getSelectionModel().getSelectedItem() + " buttons "
                    + robot.lookup("#action-TRANSFER_OUT").queryAll().size() + " detail "
                    + robot.lookup("#detail").queryAll().size());
        }
        assertThat(robot.lookup("#action-JOIN").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#action-TRANSFER_OUT");
        waitFor(() -> robot.lookup("#lc-reason").tryQuery().isPresent());
        robot.clickOn("#lc-reason").write("工作调动");
        robot.clickOn("#lc-counterpart").write("无锡市新区总工会");
        robot.clickOn("#lc-ok");
        waitFor(() -> robot.lookup("#lc-confirmText").queryLabeled().isVisible());
        assertThat(robot.lookup("#lc-confirmText").queryLabeled().getText()).contains("转出", "无锡市新区总工会");
        robot.clickOn("#lc-ok");
        TableView<MemberEvent> history = robot.lookup("#historyTable").queryAs(TableView.class);
        waitFor(() -> history.getItems().stream().anyMatch(e -> e.type() == MemberEventType.TRANSFER_OUT
                && "无锡市新区总工会".equals(e.counterpartUnion()) && TestData.OPERATOR.equals(e.operator())));
        waitFor(() -> table(robot).getItems().stream()
                .anyMatch(r -> r.id() == active.id() && r.status() == MemberStatus.TRANSFERRED_OUT));
        waitFor(() -> !robot.lookup("#action-TRANSFER_IN").queryAs(Button.class).isDisabled());
    }
}
