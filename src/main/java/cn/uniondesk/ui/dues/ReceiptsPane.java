package cn.uniondesk.ui.dues;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService.ReceiptInfo;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** 收据 tab: the year's receipts, 打开/打印 and 作废. */
final class ReceiptsPane extends VBox {
    private final ReceiptsViewModel vm;
    private final Messages messages;

    ReceiptsPane(ReceiptsViewModel vm) {
        super(8);
        this.vm = vm;
        this.messages = vm.messages();
        setId("duesReceipts");
        setPadding(new Insets(8, 0, 0, 0));

        Label summary = new Label();
        summary.setId("receiptsSummary");
        summary.setStyle("-fx-font-weight: bold;");
        summary.textProperty().bind(vm.summaryProperty());
        TextField search = new TextField();
        search.setId("receiptsSearch");
        search.setPromptText(messages.get("ui.dues.receipts.searchPrompt"));
        search.setPrefColumnCount(16);
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button open = new Button(messages.get("ui.dues.receipts.open"));
        open.setId("receiptsOpen");
        open.disableProperty().bind(vm.canOpenProperty().not());
        open.setOnAction(e -> vm.openSelected());
        Button voidButton = new Button(messages.get("ui.dues.receipts.void"));
        voidButton.setId("receiptsVoid");
        voidButton.disableProperty().bind(vm.canVoidProperty().not());
        voidButton.setOnAction(e -> askVoid());
        Button reload = new Button(messages.get("ui.dues.refresh"));
        reload.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, summary, spacer, search, open, voidButton, reload);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<ReceiptInfo> table = new TableView<>(vm.rows());
        table.setId("receiptsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("ui.dues.receipts.empty")));
        table.getColumns().add(column("ui.dues.receipts.col.number", 120, ReceiptInfo::number));
        table.getColumns().add(column("ui.dues.receipts.col.date", 100, r -> r.issuedOn().toString()));
        table.getColumns().add(column("ui.dues.receipts.col.member", 90, ReceiptInfo::memberName));
        table.getColumns().add(column("ui.dues.col.card", 140, r -> r.cardNo() == null ? "" : r.cardNo()));
        table.getColumns().add(column("ui.dues.receipts.col.months", 150, ReceiptInfo::months));
        table.getColumns().add(column("ui.dues.receipts.col.amount", 90, r -> DuesViewModel.yuan(r.amountFen())));
        table.getColumns().add(column("ui.dues.receipts.col.issuedBy", 90, ReceiptInfo::issuedBy));
        table.getColumns().add(column("ui.dues.receipts.col.state", 70, r -> messages.get(r.voided()
                ? "ui.dues.receipts.state.void" : "ui.dues.receipts.state.valid")));
        table.getColumns().add(column("ui.dues.receipts.col.voidReason", 220,
                r -> r.voidReason() == null ? "" : r.voidReason()));
        table.setRowFactory(t -> {
            TableRow<ReceiptInfo> row = new TableRow<>() {
                @Override
                protected void updateItem(ReceiptInfo item, boolean empty) {
                    super.updateItem(item, empty);
                    setStyle(item != null && !empty && item.voided() ? "-fx-text-background-color: #9a2a2a;" : "");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.openSelected();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label msg = new Label();
        msg.setId("receiptsMessage");
        msg.setWrapText(true);
        msg.textProperty().bind(vm.messageProperty());
        Label err = new Label();
        err.setId("receiptsError");
        err.setStyle(Styles.ERROR_TEXT);
        err.setWrapText(true);
        err.textProperty().bind(vm.errorProperty());
        getChildren().addAll(bar, table, new HBox(12, msg, err));
    }

    /** 作废: the reason (required), then a confirmation. */
    private void askVoid() {
        ReceiptInfo r = vm.selectedProperty().get();
        if (r == null) {
            return;
        }
        Dialog<String> ask = new Dialog<>();
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        ask.setTitle(messages.get("ui.dues.receipts.void"));
        ask.setHeaderText(messages.get("ui.dues.receipts.voidHeader", r.number(), r.memberName(),
                DuesViewModel.yuan(r.amountFen())));
        ButtonType next = new ButtonType(messages.get("ui.dues.receipts.voidNext"), ButtonBar.ButtonData.OK_DONE);
        ask.getDialogPane().getButtonTypes().addAll(next, new ButtonType(messages.get("ui.sec.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        TextField reason = new TextField();
        reason.setId("voidReason");
        reason.setPromptText(messages.get("ui.dues.receipts.reasonPrompt"));
        reason.setPrefColumnCount(30);
        Label problem = new Label();
        problem.setId("voidReasonProblem");
        problem.setStyle(Styles.ERROR_TEXT);
        reason.textProperty().addListener((o, a, b) -> problem.setText(vm.voidReasonProblem(b)));
        Label note = new Label(messages.get("ui.dues.receipts.voidNote"));
        note.setStyle(Styles.MUTED_TEXT);
        note.setWrapText(true);
        ask.getDialogPane().setContent(new VBox(6, new Label(messages.get("ui.dues.receipts.reason")), reason,
                problem, note));
        ask.getDialogPane().setStyle(Fonts.rootStyle());
        ask.getDialogPane().setId("voidDialog");
        ask.getDialogPane().lookupButton(next).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.voidReasonProblem(reason.getText()).isEmpty(), reason.textProperty()));
        ask.setResultConverter(b -> b == next ? reason.getText() : null);
        ask.showAndWait().ifPresent(why -> {
            ButtonType yes = new ButtonType(messages.get("ui.dues.receipts.voidYes"), ButtonBar.ButtonData.OK_DONE);
            ButtonType no = new ButtonType(messages.get("ui.sec.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, vm.voidConfirmText(why), yes, no);
            confirm.initOwner(getScene() == null ? null : getScene().getWindow());
            confirm.setTitle(messages.get("ui.dues.receipts.void"));
            confirm.setHeaderText(messages.get("ui.dues.receipts.voidConfirmTitle"));
            confirm.getDialogPane().setStyle(Fonts.rootStyle());
            confirm.getDialogPane().setId("voidConfirm");
            confirm.showAndWait().filter(b -> b == yes).ifPresent(b -> vm.voidSelected(why));
        });
    }

    private TableColumn<ReceiptInfo, String> column(String key, double width, Function<ReceiptInfo, String> value) {
        TableColumn<ReceiptInfo, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
