package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.ui.common.Choice;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The registration form (新建): member search, case type, the type's fields, warnings before saving. */
final class CaseFormView {
    private final CaseFormViewModel vm;
    private final Messages messages;

    CaseFormView(CaseFormViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
    }

    void show(Window owner, Consumer<CaseService.Result> onSaved) {
        CaseText text = new CaseText(messages);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("ui.cases.form.title"));
        dialog.setResizable(true);
        ButtonType okType = new ButtonType(messages.get("ui.cases.form.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("ui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(okType, cancelType);
        dialog.getDialogPane().setStyle(Fonts.rootStyle());
        dialog.getDialogPane().setId("caseForm");
        dialog.getDialogPane().setPrefSize(620, 640);

        TextField search = new TextField();
        search.setId("cf-member");
        search.setPromptText(messages.get("ui.cases.form.memberPrompt"));
        search.textProperty().bindBidirectional(vm.memberQueryProperty());
        ListView<MemberRow> matches = new ListView<>(vm.matches());
        matches.setId("cf-matches");
        matches.setPrefHeight(110);
        matches.setPrefWidth(460);
        search.setPrefWidth(460);
        matches.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(MemberRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : vm.describe(r));
            }
        });
        matches.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.memberProperty().set(b);
            }
        });
        Label chosen = new Label();
        chosen.setId("cf-chosen");
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.memberProperty().get() == null ? messages.get("ui.cases.form.noMember")
                        : vm.describe(vm.memberProperty().get()), vm.memberProperty()));
        chosen.setStyle("-fx-font-weight: bold;");

        ComboBox<Choice<CaseType>> type = new ComboBox<>(vm.types());
        type.setId("cf-type");
        type.setPromptText(messages.get("ui.cases.form.typePrompt"));
        type.valueProperty().addListener((o, a, b) -> vm.typeProperty().set(b == null ? null : b.value()));

        GridPane top = new GridPane();
        top.setHgap(10);
        top.setVgap(8);
        top.addRow(0, new Label(messages.get("ui.cases.requiredLabel", messages.get("ui.cases.col.member"))),
                new VBox(4, search, matches, chosen));
        top.addRow(1, new Label(messages.get("ui.cases.requiredLabel", messages.get("ui.cases.col.type"))), type);

        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(8);
        TextField comment = new TextField();
        comment.setId("cf-comment");
        comment.textProperty().bindBidirectional(vm.commentProperty());
        Runnable rebuild = () -> {
            fields.getChildren().clear();
            int row = FieldControls.addRows(fields, 0, vm.inputs(), text);
            fields.addRow(row, new Label(messages.get("ui.cases.step.comment")), comment);
        };
        vm.inputs().addListener((ListChangeListener<FieldInput>) c -> rebuild.run());
        rebuild.run();

        Label warnings = new Label();
        warnings.setId("cf-warnings");
        warnings.setStyle(Styles.WARNING_TEXT);
        warnings.setWrapText(true);
        warnings.textProperty().bind(vm.warningsProperty());
        Label error = new Label();
        error.setId("cf-error");
        error.setStyle(Styles.ERROR_TEXT);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        VBox content = new VBox(10, top, fields, warnings, error);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        dialog.getDialogPane().setContent(scroll);

        Button ok = (Button) dialog.getDialogPane().lookupButton(okType);
        ok.setId("cf-ok");
        ok.disableProperty().bind(vm.busyProperty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(r -> {
                dialog.setResult(okType);
                dialog.close();
                onSaved.accept(r);
            });
        });
        ((Button) dialog.getDialogPane().lookupButton(cancelType)).setId("cf-cancel");
        dialog.show();
    }
}
