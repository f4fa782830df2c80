package cn.uniondesk.ui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.Role;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.MemberQuery;
import cn.uniondesk.service.Session;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.cases.CaseDetailViewModel.TimelineLine;
import cn.uniondesk.ui.common.Choice;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import cn.uniondesk.ui.shell.Section;
import cn.uniondesk.ui.shell.ShellView;
import cn.uniondesk.ui.shell.ShellViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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
 * The must-show walk: a 生活救助 case from 登记 to 归档 with two accounts on a real H2. The clerk
 * registers, verifies and reviews; the window is rebuilt for each session as the application does
 * at login; the chair approves, pays and closes. The registrant's refusals are shown from the
 * service's own words.
 */
@ExtendWith(ApplicationExtension.class)
class AidCaseWalkUiTest {
    static final Path SHOTS = Path.of("docs", "screenshots");
    static final String CLERK = "小王";
    static final String CHAIR = "王主席";

    @TempDir
    Path dir;
    Stage stage;
    AppContext ctx;
    FxBackgroundExecutor executor;
    final List<Path> opened = new ArrayList<>();
    CasesView page;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        try (AppContext setup = TestData.demo(dir)) {
            setup.members().count();
        }
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        signOut();
    }

    private void signOut() {
        if (executor != null) {
            executor.close();
            executor = null;
        }
        if (ctx != null) {
            ctx.close();
            ctx = null;
        }
    }

    /** Signs in as {@code user}: a fresh context and a fresh window, the 帮扶 section shown. */
    private void signIn(FxRobot robot, String user, Role role) throws TimeoutException {
        signOut();
        ctx = AppContext.open(dir, new Session(user, role), TestData.CLOCK);
        executor = new FxBackgroundExecutor(2);
        Messages messages = Messages.chinese();
        robot.interact(() -> {
            ShellViewModel shellVm = new ShellViewModel(messages);
            ShellView shell = new ShellView(shellVm);
            page = CasesView.create(ctx.cases(), ctx.members(), ctx.session(), executor, messages, opened::add,
                    dir.resolve("view"), LocalDate.now(TestData.CLOCK));
            shell.setAidPage(page);
            shellVm.signedIn(user, role);
            shellVm.ready(ctx.union().union().map(UnionInfo::name).orElse(null));
            shellVm.sectionProperty().set(Section.AID);
            stage.setScene(new Scene(shell, 1280, 800));
            stage.show();
        });
        waitFor(() -> robot.lookup("#caseTable").tryQuery().isPresent() && !types(robot).getItems().isEmpty());
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<CaseRow> table(FxRobot robot) {
        return robot.lookup("#caseTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Choice<CaseType>> types(FxRobot robot) {
        return robot.lookup("#caseTypeFilter").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static List<TimelineLine> timeline(FxRobot robot) {
        return robot.lookup("#caseTimeline").queryAs(TableView.class).getItems();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private void selectCase(FxRobot robot, String caseNo) throws TimeoutException {
        waitFor(() -> table(robot).getItems().stream().anyMatch(r -> r.aidCase().caseNo().equals(caseNo)));
        robot.interact(() -> {
            CaseRow r = table(robot).getItems().stream().filter(x -> x.aidCase().caseNo().equals(caseNo)).findFirst()
                    .orElseThrow();
            table(robot).getSelectionModel().select(r);
        });
        waitFor(() -> text(robot, "#caseTitle").startsWith(caseNo));
    }

    /** Clicks a step, fills the dialog's fields and comment, confirms; waits for the new state. */
    private void step(FxRobot robot, String action, Map<String, String> fields, String comment, String newState)
            throws TimeoutException {
        robot.clickOn("#caseAction-" + action);
        waitFor(() -> shown(robot, "#stepDialog"));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            robot.interact(() -> robot.lookup("#field-" + f.getKey()).queryTextInputControl().setText(""));
            robot.clickOn("#field-" + f.getKey()).write(f.getValue());
        }
        if (comment != null) {
            robot.clickOn("#stepComment").write(comment);
        }
        robot.clickOn("#stepOk");
        waitFor(() -> text(robot, "#caseState").equals(newState));
    }

    private void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(SHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name).toFile());
    }

    @Test
    void anAidCaseWalksFromRegistrationToClosingWithTwoAccounts(FxRobot robot) throws Exception {
        // --- the clerk registers, verifies and reviews
        signIn(robot, CLERK, Role.CLERK);
        MemberRow member = ctx.members().search(MemberQuery.all()).stream().filter(r -> r.cardNo() != null)
                .findFirst().orElseThrow();
        robot.clickOn("#caseNew");
        waitFor(() -> shown(robot, "#caseForm"));
        robot.clickOn("#cf-member").write(member.cardNo());
        @SuppressWarnings("unchecked")
        ListView<MemberRow> matches = robot.lookup("#cf-matches").queryAs(ListView.class);
        waitFor(() -> matches.getItems().size() == 1);
        robot.clickOn(robot.lookup("#cf-matches .list-cell").nth(0).queryAs(Node.class));
        assertThat(text(robot, "#cf-chosen")).startsWith(member.name());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Choice<CaseType>> type = robot.lookup("#cf-type").queryAs(ComboBox.class);
            type.setValue(type.getItems().stream().filter(c -> c.value() == CaseType.LIVING_AID).findFirst()
                    .orElseThrow());
        });
        waitFor(() -> robot.lookup("#field-summary").tryQuery().isPresent());
        robot.clickOn("#cf-ok");
        waitFor(() -> text(robot, "#cf-error").equals("请填写事由"));
        robot.clickOn("#field-summary").write("爱人患病，家庭生活困难");
        robot.clickOn("#field-requestedAmount").write("800");
        WritableImage form = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#caseForm").query().getScene()
                .snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(SHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(form, null), "png", SHOTS.resolve("cases-form.png").toFile());
        robot.clickOn("#cf-ok");
        waitFor(() -> !shown(robot, "#caseForm") && text(robot, "#caseTitle").contains("生活救助"));
        String caseNo = text(robot, "#caseTitle").split("\\s")[0].split("　")[0];
        assertThat(caseNo).matches("BF2026-\\d{4}");
        assertThat(text(robot, "#caseMessage")).isEqualTo("已登记案件 " + caseNo);
        assertThat(text(robot, "#caseState")).isEqualTo("登记");
        assertThat(text(robot, "#caseMember")).startsWith(member.name());

        step(robot, "verify", Map.of("verification", "入户走访，爱人住院，家中确有困难"), "已入户核实", "核实");
        step(robot, "review", Map.of(), "同意上报", "审核");
        assertThat(text(robot, "#caseAmount")).isEqualTo("申请 800.00 元");
        // the registrant may not approve: the button is off, and the service says why
        assertThat(button(robot, "#caseAction-approve").isDisabled()).isTrue();
        assertThat(text(robot, "#caseRefusals")).contains("干事不能执行“审批通过”");

        // --- the chair signs in: a new window on the same data; approves
        signIn(robot, CHAIR, Role.ADMIN);
        selectCase(robot, caseNo);
        assertThat(button(robot, "#caseAction-approve").isDisabled()).isFalse();
        step(robot, "approve", Map.of(), "同意救助 800 元", "审批");
        assertThat(text(robot, "#caseAmount")).isEqualTo("申请 800.00 元；核定 800.00 元");

        // --- the registrant again: paying is refused by separation of duties
        signIn(robot, CLERK, Role.CLERK);
        selectCase(robot, caseNo);
        assertThat(button(robot, "#caseAction-pay").isDisabled()).isTrue();
        assertThat(text(robot, "#caseRefusals")).isEqualTo("职责分离：本案登记人不能“发放”，须由其他人办理");

        // --- the chair pays and closes
        signIn(robot, CHAIR, Role.ADMIN);
        selectCase(robot, caseNo);
        robot.clickOn("#caseAction-pay");
        waitFor(() -> shown(robot, "#stepDialog"));
        assertThat(robot.lookup("#field-paidAmount").queryTextInputControl().getText()).isEqualTo("800.00");
        robot.clickOn("#stepOk");
        waitFor(() -> text(robot, "#stepError").equals("请填写发放方式"));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Choice<String>> method = robot.lookup("#field-paymentMethod").queryAs(ComboBox.class);
            method.setValue(method.getItems().stream().filter(c -> "BANK_TRANSFER".equals(c.value())).findFirst()
                    .orElseThrow());
        });
        robot.clickOn("#stepOk");
        waitFor(() -> text(robot, "#caseState").equals("发放"));
        step(robot, "close", Map.of(), "资料归档", "归档");
        assertThat(robot.lookup("#caseNoActions").queryAs(Label.class).getText()).isEqualTo("本案已办结，没有后续步骤");

        List<TimelineLine> tl = timeline(robot);
        assertThat(tl).extracting(TimelineLine::what).containsExactly("登记", "核实", "审核", "审批通过 → 审批", "发放",
                "归档");
        assertThat(tl).extracting(TimelineLine::who).containsExactly("小王（干事）", "小王（干事）", "小王（干事）",
                "王主席（管理员）", "王主席（管理员）", "王主席（管理员）");
        assertThat(tl).extracting(TimelineLine::comment).containsExactly("", "已入户核实", "同意上报", "同意救助 800 元", "",
                "资料归档");
        assertThat(tl).allSatisfy(l -> assertThat(l.when()).startsWith("2026-11-20"));
        var stored = ctx.cases().find(caseNo);
        assertThat(stored.state()).isEqualTo("CLOSED");
        assertThat(stored.paidBy()).isEqualTo(CHAIR);
        assertThat(stored.registeredBy()).isEqualTo(CLERK);
        assertThat(stored.paymentMethod()).isEqualTo("BANK_TRANSFER");

        // an attachment, for the picture
        ctx.cases().addAttachment(stored.id(), "救助申请书.pdf", "%PDF-1.4 申请书".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        robot.interact(() -> table(robot).getSelectionModel().clearSelection());
        selectCase(robot, caseNo);
        waitFor(() -> robot.lookup("#caseAttachments").queryAs(TableView.class).getItems().size() == 1);
        snapshot("cases-detail.png");

        // more cases of other types and states, for the list's picture
        List<MemberRow> others = ctx.members().search(MemberQuery.all()).subList(1, 6);
        var cs = ctx.cases();
        int before = cs.list(CaseService.CaseQuery.all()).size();
        cs.register(CaseType.MEDICAL_AID, others.get(0).id(), Map.of("summary", "住院手术费用负担重", "hospital",
                "市第一人民医院", "diagnosis", "腰椎间盘突出"), null);
        long edu = cs.register(CaseType.EDUCATION_AID, others.get(1).id(), Map.of("summary", "子女考入大学",
                "studentName", "刘小明", "school", "南京大学"), null).aidCase().id();
        cs.transition(edu, "verify", null, Map.of("verification", "属实"));
        cs.register(CaseType.FESTIVAL_VISIT, others.get(2).id(), Map.of("summary", "春节送温暖", "programmePeriod",
                "2027年春节", "gifts", "米、油"), null);
        cs.register(CaseType.CONDOLENCE, others.get(3).id(), Map.of("summary", "住院慰问", "subkind", "ILLNESS"), null);
        cs.register(CaseType.LABOUR_DISPUTE, others.get(4).id(), Map.of("summary", "拖欠加班费", "opposingParty",
                "某劳务派遣公司", "claim", "支付加班费", "claimAmount", "3600"), null);
        robot.interact(() -> page.viewModel().refresh());
        waitFor(() -> table(robot).getItems().size() == before + 5);
        selectCase(robot, caseNo);
        snapshot("cases-list.png");
    }
}
