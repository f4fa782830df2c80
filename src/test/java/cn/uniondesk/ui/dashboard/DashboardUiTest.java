package cn.uniondesk.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService.ReportLine;
import cn.uniondesk.service.report.DashboardService.Dashboard;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import cn.uniondesk.ui.dues.DuesView;
import cn.uniondesk.ui.dues.DuesViewModel;
import cn.uniondesk.ui.members.MemberListView;
import cn.uniondesk.ui.members.MemberListViewModel;
import cn.uniondesk.ui.shell.Section;
import cn.uniondesk.ui.shell.ShellView;
import cn.uniondesk.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/** 工作台 on the demo union, wired as the app wires it: a click on a number opens the list it counts. */
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {
    @TempDir
    Path dir;
    AppContext ctx;
    FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    ShellViewModel shellVm;
    DashboardViewModel vm;

    @Start
    void start(Stage stage) {
        ctx = TestData.demo(dir);
        Messages messages = Messages.chinese();
        shellVm = new ShellViewModel(messages);
        ShellView shell = new ShellView(shellVm);
        MemberListViewModel membersVm = new MemberListViewModel(ctx.members(), executor, messages);
        shell.setMembersPage(new MemberListView(membersVm));
        DuesViewModel duesVm = new DuesViewModel(ctx.dues(), ctx.members(), executor, messages,
                LocalDate.now(TestData.CLOCK));
        shell.setDuesPage(new DuesView(duesVm));
        vm = new DashboardViewModel(ctx.dashboard(), executor, messages,
                new SectionNavigator(shellVm, membersVm, duesVm));
        shell.setDashboardPage(new DashboardView(vm));
        shellVm.ready("示范工会");
        shellVm.sectionProperty().set(Section.DASHBOARD);
        stage.setScene(new Scene(shell, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        ctx.close();
    }

    private void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickingTheArrearsCountOpensTheDuesListFilteredToArrears(FxRobot robot) throws TimeoutException {
        waitFor(() -> vm.dashboardProperty().get() != null);
        Dashboard d = vm.dashboardProperty().get();
        assertThat(d.arrears()).isPositive();
        assertThat(robot.lookup("#dash-arrears").queryAs(Button.class).getText())
                .isEqualTo(Integer.toString(d.arrears()));

        robot.clickOn("#dash-arrears");
        waitFor(() -> shellVm.sectionProperty().get() == Section.DUES);
        TableView<ReportLine> table = robot.lookup("#duesTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        assertThat(robot.lookup("#duesFilter").queryAs(ComboBox.class).getValue().toString()).isEqualTo("欠缴");
        assertThat(table.getItems()).allMatch(l -> l.outstandingFen() > 0);
        assertThat(table.getItems()).hasSize(d.arrears());
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickingTheMemberCountOpensTheRegisterOfThoseMembers(FxRobot robot) throws TimeoutException {
        waitFor(() -> vm.dashboardProperty().get() != null);
        Dashboard d = vm.dashboardProperty().get();
        robot.clickOn("#dash-members");
        waitFor(() -> shellVm.sectionProperty().get() == Section.MEMBERS);
        TableView<MemberRow> table = robot.lookup("#memberTable").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == d.membersNow());
        assertThat(table.getItems()).allMatch(r -> r.status().holdsMembership());
        assertThat(robot.lookup("#onlyFilter").queryAs(Label.class).getText()).contains("在册会员");
        robot.clickOn("#onlyClear");
        waitFor(() -> table.getItems().size() > d.membersNow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickingADepartmentBarOpensThatDepartmentsDuesOfThatMonth(FxRobot robot) throws TimeoutException {
        waitFor(() -> vm.dashboardProperty().get() != null && !vm.departments().isEmpty());
        var r = vm.dashboardProperty().get().previousDepartments().get(0);
        robot.clickOn("#dash-dept-" + r.month() + "-0");
        waitFor(() -> shellVm.sectionProperty().get() == Section.DUES);
        TableView<ReportLine> table = robot.lookup("#duesTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        assertThat(table.getItems()).allMatch(l -> l.department().equals(r.department()));
        assertThat(robot.lookup("#duesDepartmentFilter").queryAs(Label.class).getText()).contains(r.department());
    }

    @Test
    void rendersTheDashboardForLookingAt(FxRobot robot) throws Exception {
        waitFor(() -> vm.dashboardProperty().get() != null && !vm.departments().isEmpty());
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#dashboard").query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("docs", "screenshots", "dashboard.png");
        java.nio.file.Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertThat(out).exists();
    }
}
