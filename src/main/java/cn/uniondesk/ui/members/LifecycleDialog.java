package cn.uniondesk.ui.members;

import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.IsoDateConverter;
import cn.uniondesk.ui.common.Styles;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A lifecycle step in two stages: the input (date, reason, other union), then a confirmation. */
final class LifecycleDialog {
    private final LifecycleViewModel vm;
    private final Messages messages;

    LifecycleDialog(LifecycleViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
    }

    void show(Window owner, Consumer<MemberEvent> onDone) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(vm.title());
        ButtonType okType = new ButtonType(messages.get("ui.lifecycle.next"), ButtonBar.ButtonData.OK_DONE);
        ButtonType backType = new ButtonType(messages.get("ui.lifecycle.back"), ButtonBar.ButtonData.BACK_PREVIOUS);
        ButtonType cancelType = new ButtonType(messages.get("ui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(backType, okType, cancelType);
        dialog.getDialogPane().setStyle(Fonts.rootStyle());
        dialog.getDialogPane().setId("lifecycleDialog");
        dialog.getDialogPane().setPrefWidth(520);

        DatePicker date = new DatePicker();
        date.setId("lc-date");
        date.setConverter(new IsoDateConverter());
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField reason = new TextField();
        reason.setId("lc-reason");
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        TextField counterpart = new TextField();
        counterpart.setId("lc-counterpart");
        counterpart.textProperty().bindBidirectional(vm.counterpartUnionProperty());
        TextField ref = new TextField();
        ref.setId("lc-reference");
        ref.textProperty().bindBidirectional(vm.referenceNoProperty());

        GridPane input = new GridPane();
        input.setHgap(10);
        input.setVgap(8);
        int row = 0;
        input.addRow(row++, new Label(messages.get("ui.lifecycle.date")), date);
        if (vm.needsReason()) {
            input.addRow(row++, new Label(messages.get("ui.lifecycle.reason")), reason);
        }
        if (vm.isTransfer()) {
            input.addRow(row++, new Label(messages.get("ui.lifecycle.counterpart")), counterpart);
            input.addRow(row++, new Label(messages.get("ui.lifecycle.referenceNo")), ref);
        }
        reason.setPrefWidth(320);
        counterpart.setPrefWidth(320);

        Label confirmText = new Label();
        confirmText.setId("lc-confirmText");
        confirmText.setWrapText(true);
        confirmText.setStyle("-fx-font-size: 14px;");
        StackPane stages = new StackPane(input, confirmText);
        input.visibleProperty().bind(vm.confirmingProperty().not());
        confirmText.visibleProperty().bind(vm.confirmingProperty());

        Label error = new Label();
        error.setId("lc-error");
        error.setStyle(Styles.ERROR_TEXT);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label heading = new Label(vm.title());
        heading.setStyle(Styles.HEADING);
        VBox content = new VBox(12, heading, stages, error);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);

        Button ok = (Button) dialog.getDialogPane().lookupButton(okType);
        ok.setId("lc-ok");
        ok.disableProperty().bind(vm.busyProperty());
        ok.textProperty().bind(javafx.beans.binding.Bindings.when(vm.confirmingProperty())
                .then(messages.get("ui.lifecycle.confirmButton")).otherwise(messages.get("ui.lifecycle.next")));
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (!vm.confirmingProperty().get()) {
                if (vm.next()) {
                    confirmText.setText(vm.confirmationText());
                }
            } else {
                vm.confirm(ev -> {
                    dialog.setResult(okType);
                    dialog.close();
                    onDone.accept(ev);
                });
            }
        });
        Button back = (Button) dialog.getDialogPane().lookupButton(backType);
        back.setId("lc-back");
        back.visibleProperty().bind(vm.confirmingProperty());
        back.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.back();
        });
        ((Button) dialog.getDialogPane().lookupButton(cancelType)).setId("lc-cancel");
        dialog.show();
    }
}
