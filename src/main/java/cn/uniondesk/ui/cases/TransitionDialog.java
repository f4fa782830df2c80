package cn.uniondesk.ui.cases;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** One workflow step: the fields the target state needs, a comment, then the service decides. */
final class TransitionDialog {
    private final TransitionViewModel vm;
    private final Messages messages;

    TransitionDialog(TransitionViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    void show(Window owner) {
        CaseText text = new CaseText(messages);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(vm.title());
        ButtonType okType = new ButtonType(messages.get("ui.cases.step.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("ui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(okType, cancelType);
        dialog.getDialogPane().setStyle(Fonts.rootStyle());
        dialog.getDialogPane().setId("stepDialog");
        dialog.getDialogPane().setPrefWidth(540);

        Label heading = new Label(vm.title());
        heading.setStyle(Styles.HEADING);
        Label target = new Label(vm.targetText());
        target.setStyle(Styles.MUTED_TEXT);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = FieldControls.addRows(grid, 0, vm.inputs(), text);
        TextArea comment = new TextArea();
        comment.setId("stepComment");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        String commentLabel = messages.get("ui.cases.step.comment");
        grid.addRow(row, new Label(vm.commentRequired() ? messages.get("ui.cases.requiredLabel", commentLabel)
                : commentLabel), comment);
        Label error = new Label();
        error.setId("stepError");
        error.setStyle(Styles.ERROR_TEXT);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        VBox content = new VBox(10, heading, target, grid, error);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);

        Button ok = (Button) dialog.getDialogPane().lookupButton(okType);
        ok.setId("stepOk");
        ok.disableProperty().bind(vm.busyProperty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.submit(() -> {
                dialog.setResult(okType);
                dialog.close();
            });
        });
        ((Button) dialog.getDialogPane().lookupButton(cancelType)).setId("stepCancel");
        dialog.show();
    }
}
