package cn.uniondesk.ui.dues;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** 退款 for one member: amount and reason, checked as typed; 确定 records it, errors keep the dialog open. */
final class RefundDialog extends Dialog<ButtonType> {
    RefundDialog(RefundViewModel vm, Window owner, Consumer<String> onRecorded) {
        Messages m = vm.messages();
        initOwner(owner);
        setTitle(m.get("ui.dues.refund.title"));
        setHeaderText(m.get("ui.dues.refund.header", vm.memberName()));
        ButtonType ok = new ButtonType(m.get("ui.dues.refund.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("ui.sec.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(ok, cancel);
        getDialogPane().setStyle(Fonts.rootStyle());
        getDialogPane().setId("refundDialog");

        Label paid = new Label();
        paid.setId("refundPaid");
        paid.textProperty().bind(vm.paidTextProperty());
        TextField amount = new TextField();
        amount.setId("refundAmount");
        amount.setPromptText(m.get("ui.dues.pay.amountPrompt"));
        amount.textProperty().bindBidirectional(vm.amountProperty());
        Label amountError = error("refundAmountError");
        amountError.textProperty().bind(vm.amountErrorProperty());
        TextField reason = new TextField();
        reason.setId("refundReason");
        reason.setPrefColumnCount(28);
        reason.setPromptText(m.get("ui.dues.refund.reasonPrompt"));
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        Label reasonError = error("refundReasonError");
        reasonError.textProperty().bind(vm.reasonErrorProperty());
        Label failure = error("refundError");
        failure.textProperty().bind(vm.errorProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.add(paid, 0, 0, 2, 1);
        grid.add(new Label(m.get("ui.dues.refund.amount")), 0, 1);
        grid.add(amount, 1, 1);
        grid.add(amountError, 1, 2);
        grid.add(new Label(m.get("ui.dues.refund.reason")), 0, 3);
        grid.add(reason, 1, 3);
        grid.add(reasonError, 1, 4);
        grid.add(failure, 0, 5, 2, 1);
        getDialogPane().setContent(grid);

        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(vm.busyProperty());
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.submit(text -> {
                setResult(ok);
                close();
                onRecorded.accept(text);
            });
        });
        setOnShown(e -> amount.requestFocus());
        vm.load();
    }

    private static Label error(String id) {
        Label l = new Label();
        l.setId(id);
        l.setStyle(Styles.ERROR_TEXT);
        l.setWrapText(true);
        return l;
    }
}
