package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The member view's 帮扶 pane: hardship file summary (eligibility, review due), the file form, the member's cases. */
public final class MemberAidPane extends VBox {
    public MemberAidPane(MemberAidViewModel vm) {
        super(8);
        Messages messages = vm.messages();
        setId("memberAid");
        setPadding(new Insets(8, 0, 0, 0));
        Label fileTitle = new Label(messages.get("ui.aid.file"));
        fileTitle.setStyle("-fx-font-weight: bold;");
        Label summary = new Label();
        summary.setId("aidHardship");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.hardshipTextProperty());
        Label review = new Label();
        review.setId("aidReview");
        review.setStyle(Styles.MUTED_TEXT);
        review.textProperty().bind(vm.reviewTextProperty());
        Button edit = new Button();
        edit.setId("aidHardshipEdit");
        edit.textProperty().bind(javafx.beans.binding.Bindings.when(vm.hasFileProperty())
                .then(messages.get("ui.aid.editFile")).otherwise(messages.get("ui.aid.newFile")));
        edit.setVisible(vm.canEdit());
        edit.managedProperty().bind(edit.visibleProperty());
        edit.disableProperty().bind(vm.memberProperty().isNull());
        edit.setOnAction(e -> {
            HardshipFormViewModel form = vm.hardshipForm();
            if (form != null) {
                new HardshipFormView(form).show(getScene().getWindow());
            }
        });
        Label error = new Label();
        error.setStyle(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.errorProperty());
        Label casesTitle = new Label(messages.get("ui.aid.cases"));
        casesTitle.setStyle("-fx-font-weight: bold;");
        TableView<CaseRow> table = new TableView<>(vm.cases());
        table.setId("aidCases");
        table.setPlaceholder(new Label(messages.get("ui.aid.noCases")));
        table.getColumns().add(col(messages, "ui.cases.col.no", 92, r -> r.aidCase().caseNo()));
        table.getColumns().add(col(messages, "ui.cases.col.type", 70, vm::typeLabel));
        table.getColumns().add(col(messages, "ui.cases.col.state", 48, vm::stateLabel));
        table.getColumns().add(col(messages, "ui.cases.col.amount", 76, vm::amount));
        table.getColumns().add(col(messages, "ui.cases.col.date", 84, r -> r.aidCase().registeredOn().toString()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setStyle("-fx-font-size: 12px;");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(fileTitle, summary, review, edit, error, casesTitle, table);
    }

    private static TableColumn<CaseRow, String> col(Messages m, String key, double w, Function<CaseRow, String> v) {
        TableColumn<CaseRow, String> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(w);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(v.apply(cell.getValue())));
        return c;
    }
}
