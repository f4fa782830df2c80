package cn.uniondesk.ui.dues;

import static cn.uniondesk.ui.dues.DuesReconcileUiTest.clickDialogButton;
import static cn.uniondesk.ui.dues.DuesReconcileUiTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.uniondesk.app.AppContext;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.ReceiptInfo;
import cn.uniondesk.service.DuesService.ReportLine;
import cn.uniondesk.ui.TestData;
import cn.uniondesk.ui.common.FxBackgroundExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

/** 收据: voiding with a reason and a confirmation; read-only roles; printing after a cash payment; refunds. */
@ExtendWith(ApplicationExtension.class)
class DuesReceiptsUiTest {
    @TempDir
    Path dir;
    AppContext ctx;
    FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    LocalDate today = LocalDate.now(TestData.CLOCK);
    DuesViewModel vm;
    ReceiptsViewModel receipts;
    final List<Path> opened = new CopyOnWriteArrayList<>();
    final List<String> numbers = new ArrayList<>();
    List<ReportLine> payers;

    @org.junit.jupiter.api.BeforeAll
    static void demoTemplate() {
        DemoCopy.warm();
    }

    @Start
    void start(Stage stage) {
        ctx = DemoCopy.open(dir.resolve("data"));
        payers = ctx.dues().monthlyReport(YearMonth.from(today)).lines().stream()
                .filter(l -> l.dueFen() > 0 && l.paidFen() == 0).limit(4).toList();
        for (ReportLine l : payers.subList(0, 3)) {
            numbers.add(ctx.dues().recordPayment(l.memberId(), l.dueFen(), DuesService.Method.CASH, today, null, null,
                    true).receiptNo());
        }
        ctx.dues().voidReceipt(today.getYear(), DuesService.parseReceiptNumber(numbers.get(2))[1], "金额开错，已重开");
        numbers.add(ctx.dues().recordPayment(payers.get(2).memberId(), payers.get(2).dueFen(),
                DuesService.Method.CASH, today, null, null, true).receiptNo());
        Messages m = Messages.chinese();
        vm = new DuesViewModel(ctx.dues(), ctx.members(), executor, m, today);
        receipts = new ReceiptsViewModel(ctx.dues(), ctx.union(), opened::add, dir.resolve("receipts"), executor, m,
                today.getYear());
        ReconciliationViewModel recon = new ReconciliationViewModel(ctx.dues(), executor, m, today);
        stage.setScene(new Scene(new DuesView(vm, recon, receipts), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        ctx.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<ReceiptInfo> showReceipts(FxRobot robot) throws TimeoutException {
        robot.clickOn("收据");
        TableView<ReceiptInfo> table = robot.lookup("#receiptsTable").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == numbers.size());
        return table;
    }

    private ReceiptInfo stored(String number) {
        return ctx.dues().receiptInfo(number).orElseThrow();
    }

    @Test
    void voidingAsksForAReasonThenConfirmsAndKeepsTheReceiptMarked(FxRobot robot) throws Exception {
        TableView<ReceiptInfo> table = showReceipts(robot);
        Button voidButton = robot.lookup("#receiptsVoid").queryAs(Button.class);
        assertThat(voidButton.isDisabled()).isTrue();
        robot.clickOn(numbers.get(1));
        assertThat(voidButton.isDisabled()).isFalse();

        long paidBefore = ctx.dues().paidTotal(payers.get(1).memberId());
        robot.clickOn(voidButton);
        waitFor(() -> robot.lookup("#voidReason").tryQuery().isPresent());
        DialogButtons.assertDisabled(robot, "voidDialog", "下一步", true);
        robot.clickOn("#voidReason").write("交款人姓名写错");
        DialogButtons.assertDisabled(robot, "voidDialog", "下一步", false);
        clickDialogButton(robot, "voidDialog", "下一步");
        waitFor(() -> robot.lookup("#voidConfirm").tryQuery().isPresent());
        assertThat(robot.lookup("#voidConfirm").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .contains(numbers.get(1)).contains("交款人姓名写错");
        clickDialogButton(robot, "voidConfirm", "作废");

        waitFor(() -> table.getItems().stream().anyMatch(r -> r.number().equals(numbers.get(1)) && r.voided()));
        ReceiptInfo r = stored(numbers.get(1));
        assertThat(r.voided()).isTrue();
        assertThat(r.voidReason()).isEqualTo("交款人姓名写错");
        assertThat(robot.lookup("#receiptsMessage").queryAs(Label.class).getText())
                .isEqualTo("收据 " + numbers.get(1) + " 已作废，冲销缴款 " + DuesViewModel.yuan(payers.get(1).dueFen())
                        + " 元");
        assertThat(ctx.dues().paidTotal(payers.get(1).memberId())).isEqualTo(paidBefore - payers.get(1).dueFen());
        assertThat(table.getItems()).hasSize(numbers.size());
        assertThat(voidButton.isDisabled()).isTrue();
        // the others are untouched
        assertThat(stored(numbers.get(0)).voided()).isFalse();
    }

    @Test
    void cancellingTheConfirmationVoidsNothing(FxRobot robot) throws Exception {
        showReceipts(robot);
        robot.clickOn(numbers.get(0));
        robot.clickOn("#receiptsVoid");
        waitFor(() -> robot.lookup("#voidReason").tryQuery().isPresent());
        robot.clickOn("#voidReason").write("试一试");
        clickDialogButton(robot, "voidDialog", "下一步");
        clickDialogButton(robot, "voidConfirm", "取消");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stored(numbers.get(0)).voided()).isFalse();
    }

    @Test
    void readOnlyRolesMayOpenButSeeVoidDisabled(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setReadOnly(true));
        showReceipts(robot);
        robot.clickOn(numbers.get(0));
        assertThat(robot.lookup("#receiptsVoid").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#receiptsOpen").queryAs(Button.class).isDisabled()).isFalse();

        robot.clickOn("#receiptsOpen");
        waitFor(() -> opened.size() == 1);
        assertThat(opened.get(0)).exists();
        assertThat(opened.get(0).getFileName().toString()).isEqualTo("会费收据-" + numbers.get(0) + ".pdf");
    }

    @Test
    void afterACashPaymentTheReceiptCanBePrintedAtOnce(FxRobot robot) throws Exception {
        Button print = robot.lookup("#duesPrintReceipt").queryAs(Button.class);
        assertThat(print.isVisible()).isFalse();
        ReportLine payer = payers.get(3);
        robot.clickOn("#duesPayKey").write(payer.cardNo()).type(KeyCode.ENTER);
        TextField amount = robot.lookup("#duesPayAmount").queryAs(TextField.class);
        waitFor(() -> !amount.getText().isEmpty());
        robot.type(KeyCode.ENTER);
        waitFor(print::isVisible);
        String number = vm.lastReceiptProperty().get();
        assertThat(print.getText()).isEqualTo("打印收据 " + number);

        robot.clickOn(print);

        waitFor(() -> opened.size() == 1);
        assertThat(opened.get(0).getFileName().toString()).isEqualTo("会费收据-" + number + ".pdf");
        assertThat(ReceiptsViewModelTest.pdfText(opened.get(0))).contains(number).contains(payer.name());
        assertThat(robot.lookup("#duesPayKey").queryAs(TextField.class).isFocused()).isTrue();
    }

    @Test
    void aRefundAboveWhatWasPaidIsRefusedInTheDialogThenARightOneIsRecorded(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#duesTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        ReportLine payer = payers.get(0);
        long paid = ctx.dues().paidTotal(payer.memberId());
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (((ReportLine) table.getItems().get(i)).memberId() == payer.memberId()) {
                    table.getSelectionModel().select(i);
                    table.scrollTo(i);
                }
            }
        });
        robot.clickOn("#duesRefund");
        Label paidText = robot.lookup("#refundPaid").queryAs(Label.class);
        waitFor(() -> !paidText.getText().isEmpty());
        robot.clickOn("#refundAmount").write(DuesViewModel.yuan(paid + 1));
        robot.clickOn("#refundReason").write("多缴退回");
        clickDialogButton(robot, "refundDialog", "登记退款");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#refundAmountError").queryAs(Label.class).getText())
                .isEqualTo("退款金额不能超过该会员已缴的 " + DuesViewModel.yuan(paid) + " 元");
        assertThat(robot.lookup("#refundDialog").tryQuery()).isPresent();
        assertThat(ctx.dues().paidTotal(payer.memberId())).isEqualTo(paid);

        TextField amount = robot.lookup("#refundAmount").queryAs(TextField.class);
        robot.interact(() -> amount.setText("1.00"));
        clickDialogButton(robot, "refundDialog", "登记退款");
        Label msg = robot.lookup("#duesMessage").queryAs(Label.class);
        waitFor(() -> msg.getText().startsWith("已为 " + payer.name() + " 登记退款"));
        assertThat(ctx.dues().paidTotal(payer.memberId())).isEqualTo(paid - 100);
        assertThat(robot.lookup("#refundDialog").tryQuery()).isEmpty();
    }

    @Test
    void rendersTheReceiptsForLookingAt(FxRobot robot) throws Exception {
        TableView<ReceiptInfo> table = showReceipts(robot);
        robot.clickOn(numbers.get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).anyMatch(ReceiptInfo::voided);
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#dues").query().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("docs", "screenshots", "dues-receipts.png");
        Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertThat(out).exists();
    }

    /** Dialog buttons by their text. */
    static final class DialogButtons {
        static void assertDisabled(FxRobot robot, String paneId, String text, boolean disabled) {
            javafx.scene.control.DialogPane pane = robot.lookup("#" + paneId)
                    .queryAs(javafx.scene.control.DialogPane.class);
            Button b = pane.getButtonTypes().stream().map(pane::lookupButton).map(Button.class::cast)
                    .filter(x -> text.equals(x.getText())).findFirst().orElseThrow();
            assertThat(b.isDisabled()).isEqualTo(disabled);
        }
    }
}
