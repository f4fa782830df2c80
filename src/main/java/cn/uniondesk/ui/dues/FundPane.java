package cn.uniondesk.ui.dues;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** 工会经费 tab: the month's four figures with the computed ones, 保存, and the year's months below. */
final class FundPane extends VBox {
    private final FundViewModel vm;
    private final Messages messages;

    FundPane(FundViewModel vm) {
        super(8);
        this.vm = vm;
        this.messages = vm.messages();
        setId("duesFund");
        setPadding(new Insets(8, 0, 0, 0));

        Button prev = new Button(messages.get("ui.dues.prevMonth"));
        prev.setId("fundPrevMonth");
        prev.setOnAction(e -> vm.previousMonth());
        Button next = new Button(messages.get("ui.dues.nextMonth"));
        next.setId("fundNextMonth");
        next.setOnAction(e -> vm.nextMonth());
        TextField monthField = new TextField(vm.monthProperty().get().toString());
        monthField.setId("fundMonth");
        monthField.setPrefColumnCount(7);
        monthField.setOnAction(e -> {
            if (!vm.goToMonth(monthField.getText())) {
                monthField.setText(vm.monthProperty().get().toString());
            }
        });
        vm.monthProperty().addListener((o, a, b) -> monthField.setText(b.toString()));
        Label state = new Label();
        state.setId("fundState");
        state.setStyle(Styles.MUTED_TEXT);
        state.textProperty().bind(vm.stateProperty());
        HBox monthBar = new HBox(8, new Label(messages.get("ui.dues.month")), prev, monthField, next, state);
        monthBar.setAlignment(Pos.CENTER_LEFT);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        entry(form, 0, "ui.dues.fund.payroll", "fundPayroll", vm.payrollProperty(), vm.payrollProblemProperty());
        entry(form, 1, "ui.dues.fund.received", "fundReceived", vm.receivedProperty(), vm.receivedProblemProperty());
        entry(form, 2, "ui.dues.fund.remitted", "fundRemitted", vm.remittedProperty(), vm.remittedProblemProperty());
        entry(form, 3, "ui.dues.fund.share", "fundShare", vm.shareProperty(), vm.shareProblemProperty());
        computed(form, 0, "ui.dues.fund.due", "fundDue", vm.dueTextProperty());
        computed(form, 1, "ui.dues.fund.upper", "fundUpper", vm.upperTextProperty());
        computed(form, 2, "ui.dues.fund.retained", "fundRetained", vm.retainedTextProperty());

        Button save = new Button(messages.get("ui.dues.fund.save"));
        save.setId("fundSave");
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.readOnlyProperty().or(vm.busyProperty()));
        save.setOnAction(e -> vm.save());
        Label msg = new Label();
        msg.setId("fundMessage");
        msg.setWrapText(true);
        msg.textProperty().bind(vm.messageProperty());
        Label err = new Label();
        err.setId("fundError");
        err.setStyle(Styles.ERROR_TEXT);
        err.setWrapText(true);
        err.textProperty().bind(vm.errorProperty());
        Label note = new Label(messages.get(vm.readOnlyProperty().get() ? "ui.dues.fund.readOnly" : "ui.dues.fund.note"));
        note.setStyle(Styles.MUTED_TEXT);
        note.setWrapText(true);
        vm.readOnlyProperty().addListener((o, a, b) -> note.setText(messages.get(b ? "ui.dues.fund.readOnly"
                : "ui.dues.fund.note")));
        HBox saveBar = new HBox(12, save, msg, err);
        saveBar.setAlignment(Pos.CENTER_LEFT);

        Label yearTitle = new Label();
        yearTitle.setId("fundYearTitle");
        yearTitle.setStyle("-fx-font-weight: bold;");
        yearTitle.textProperty().bind(vm.yearTitleProperty());
        TableView<FundViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("fundTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("ui.dues.fund.empty")));
        table.getColumns().add(column("ui.dues.fund.col.month", 90, FundViewModel.Row::monthText));
        table.getColumns().add(column("ui.dues.fund.col.payroll", 130, FundViewModel.Row::payroll));
        table.getColumns().add(column("ui.dues.fund.col.due", 110, FundViewModel.Row::due));
        table.getColumns().add(column("ui.dues.fund.col.received", 110, FundViewModel.Row::received));
        table.getColumns().add(column("ui.dues.fund.col.share", 80, FundViewModel.Row::share));
        table.getColumns().add(column("ui.dues.fund.col.upper", 110, FundViewModel.Row::upper));
        table.getColumns().add(column("ui.dues.fund.col.remitted", 110, FundViewModel.Row::remitted));
        table.getColumns().add(column("ui.dues.fund.col.retained", 110, FundViewModel.Row::retained));
        table.setOnMouseClicked(e -> {
            FundViewModel.Row r = table.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && r != null) {
                vm.monthProperty().set(r.month());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(monthBar, form, saveBar, note, yearTitle, table);
    }

    private void entry(GridPane form, int row, String key, String id, StringProperty value,
            ObservableValue<String> problem) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(12);
        field.textProperty().bindBidirectional(value);
        field.editableProperty().bind(vm.readOnlyProperty().not());
        field.setOnAction(e -> vm.save());
        Label p = new Label();
        p.setId(id + "Problem");
        p.setStyle(Styles.ERROR_TEXT);
        p.textProperty().bind(problem);
        p.setPrefWidth(300);
        p.setWrapText(true);
        form.add(new Label(messages.get(key)), 0, row);
        form.add(field, 1, row);
        form.add(p, 2, row);
    }

    private void computed(GridPane form, int row, String key, String id, ObservableValue<String> value) {
        Label k = new Label(messages.get(key));
        k.setStyle(Styles.MUTED_TEXT);
        Label v = new Label();
        v.setId(id);
        v.setStyle("-fx-font-weight: bold;");
        v.textProperty().bind(value);
        form.add(k, 3, row);
        form.add(v, 4, row);
        GridPane.setMargin(k, new Insets(0, 0, 0, 24));
    }

    private TableColumn<FundViewModel.Row, String> column(String key, double width,
            Function<FundViewModel.Row, String> value) {
        TableColumn<FundViewModel.Row, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        if (!key.endsWith(".month")) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return c;
    }
}
