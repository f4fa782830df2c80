package cn.uniondesk.ui.dues;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.dues.ExemptionLabels;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService.ReportLine;
import cn.uniondesk.ui.common.Choice;
import cn.uniondesk.ui.common.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The dues screen: month figures, the roll, the month's members, and keyboard payment entry. */
public final class DuesView extends BorderPane {
    private final DuesViewModel vm;
    private final Messages messages;
    private final TableView<ReportLine> table = new TableView<>();

    /** The 收缴 tab only (no reconciliation or receipts). */
    public DuesView(DuesViewModel vm) {
        this(vm, null, null);
    }

    /**
     * The dues screen with its tabs: 收缴 (roll, members, cash entry), 代扣对账 and 收据. The month
     * picker drives every tab; the receipts tab shows the picked month's year.
     */
    public DuesView(DuesViewModel vm, ReconciliationViewModel recon, ReceiptsViewModel receipts) {
        this(vm, recon, receipts, null);
    }

    /**
     * The dues screen with its tabs, and a 工会经费 tab when {@code fund} is given; its month follows
     * the screen's month picker and leads it when changed on the tab.
     */
    public DuesView(DuesViewModel vm, ReconciliationViewModel recon, ReceiptsViewModel receipts, FundViewModel fund) {
        this.vm = vm;
        this.messages = vm.messages();
        setId("dues");
        setPadding(new Insets(12));

        // month picker and figures
        Button prev = new Button(messages.get("ui.dues.prevMonth"));
        prev.setId("duesPrevMonth");
        prev.setOnAction(e -> vm.previousMonth());
        Button next = new Button(messages.get("ui.dues.nextMonth"));
        next.setId("duesNextMonth");
        next.setOnAction(e -> vm.nextMonth());
        TextField monthField = new TextField(vm.monthProperty().get().toString());
        monthField.setId("duesMonth");
        monthField.setPrefColumnCount(7);
        monthField.setOnAction(e -> {
            if (!vm.goToMonth(monthField.getText())) {
                monthField.setText(vm.monthProperty().get().toString());
            }
        });
        monthField.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                monthField.setText(vm.monthProperty().get().toString());
            }
        });
        vm.monthProperty().addListener((o, a, b) -> monthField.setText(b.toString()));
        Label monthLabel = new Label(messages.get("ui.dues.month"));
        HBox figures = new HBox(18, figure("ui.dues.due", vm.dueTextProperty(), "duesDue"),
                figure("ui.dues.paid", vm.paidTextProperty(), "duesPaid"),
                figure("ui.dues.outstanding", vm.outstandingTextProperty(), "duesOutstanding"),
                figure("ui.dues.rate", vm.rateTextProperty(), "duesRate"));
        figures.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label(messages.get("ui.dues.title"));
        title.setStyle(Styles.HEADING);
        HBox top = new HBox(8, title, monthLabel, prev, monthField, next, spacer, figures);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 8, 0));

        // roll
        Label previewText = new Label();
        previewText.setId("duesPreview");
        previewText.setWrapText(true);
        previewText.textProperty().bind(vm.previewTextProperty());
        Button apply = new Button(messages.get("ui.dues.roll.apply"));
        apply.setId("duesApplyRoll");
        apply.disableProperty().bind(vm.canApplyProperty().not().or(vm.readOnlyProperty()));
        apply.setOnAction(e -> vm.applyRoll());
        Button reload = new Button(messages.get("ui.dues.refresh"));
        reload.setOnAction(e -> vm.refresh());
        ListView<String> changes = new ListView<>(vm.changeLines());
        changes.setId("duesChanges");
        changes.setPrefHeight(110);
        changes.setPlaceholder(new Label(messages.get("ui.dues.roll.nothing")));
        changes.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.changeLines()));
        changes.managedProperty().bind(changes.visibleProperty());
        HBox rollBar = new HBox(8, previewText, apply, reload);
        rollBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(previewText, Priority.ALWAYS);
        TitledPane roll = new TitledPane(messages.get("ui.dues.roll.title"), new VBox(6, rollBar, changes));
        roll.setExpanded(true);

        // table and filter
        ComboBox<Choice<DuesViewModel.Filter>> filterBox = new ComboBox<>();
        filterBox.setId("duesFilter");
        for (DuesViewModel.Filter f : DuesViewModel.Filter.values()) {
            filterBox.getItems().add(new Choice<>(f, messages.get(f.labelKey())));
        }
        filterBox.getSelectionModel().select(0);
        filterBox.valueProperty().addListener((o, a, b) -> vm.filterProperty().set(b == null ? null : b.value()));
        // a filter set from elsewhere (the dashboard) shows in the box too
        vm.filterProperty().addListener((o, a, b) -> filterBox.getItems().stream()
                .filter(c -> c.value() == b).findFirst().ifPresent(filterBox.getSelectionModel()::select));
        Label dept = new Label();
        dept.setId("duesDepartmentFilter");
        dept.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.departmentFilterProperty()
                .get() == null ? "" : messages.get("ui.dues.departmentFilter", vm.departmentFilterProperty().get()),
                vm.departmentFilterProperty()));
        dept.setStyle("-fx-background-color: #ddf4ff; -fx-padding: 3 8 3 8; -fx-background-radius: 10;");
        Button clearDept = new Button(messages.get("ui.members.onlyClear"));
        clearDept.setOnAction(e -> vm.departmentFilterProperty().set(null));
        HBox deptBox = new HBox(4, dept, clearDept);
        deptBox.setAlignment(Pos.CENTER_LEFT);
        deptBox.visibleProperty().bind(vm.departmentFilterProperty().isNotNull());
        deptBox.managedProperty().bind(deptBox.visibleProperty());
        Label count = new Label();
        count.textProperty().bind(vm.countTextProperty());
        count.setStyle(Styles.MUTED_TEXT);
        Button refund = new Button(messages.get("ui.dues.refund.button"));
        refund.setId("duesRefund");
        refund.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.readOnlyProperty()));
        refund.setOnAction(e -> openRefund());
        Region s1 = new Region();
        HBox.setHgrow(s1, Priority.ALWAYS);
        HBox filterBar = new HBox(8, new Label(messages.get("ui.dues.filter")), filterBox, deptBox, count, s1, refund);
        filterBar.setAlignment(Pos.CENTER_LEFT);
        table.setId("duesTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label(messages.get("ui.dues.empty")));
        table.getColumns().add(column("ui.dues.col.card", 150, ReportLine::cardNo));
        table.getColumns().add(column("ui.dues.col.name", 90, ReportLine::name));
        table.getColumns().add(column("ui.dues.col.department", 130, ReportLine::department));
        table.getColumns().add(column("ui.dues.col.base", 100, l -> yuan(l.baseFen())));
        table.getColumns().add(column("ui.dues.col.due", 80, l -> yuan(l.dueFen())));
        table.getColumns().add(column("ui.dues.col.paid", 90, l -> yuan(l.paidFen())));
        table.getColumns().add(column("ui.dues.col.outstanding", 90, l -> yuan(l.outstandingFen())));
        table.getColumns().add(column("ui.dues.col.exemption", 120, l -> ExemptionLabels.label(l.exemption())));
        VBox.setVgrow(table, Priority.ALWAYS);

        // payment entry
        TextField key = new TextField();
        key.setId("duesPayKey");
        key.setPromptText(messages.get("ui.dues.pay.keyPrompt"));
        key.setPrefColumnCount(18);
        key.textProperty().bindBidirectional(vm.keyInputProperty());
        TextField amount = new TextField();
        amount.setId("duesPayAmount");
        amount.setPromptText(messages.get("ui.dues.pay.amountPrompt"));
        amount.setPrefColumnCount(8);
        amount.textProperty().bindBidirectional(vm.amountInputProperty());
        key.setOnAction(e -> {
            vm.lookup();
            amount.requestFocus();
            amount.selectAll();
        });
        amount.setOnAction(e -> {
            vm.submit();
            key.requestFocus();
        });
        Button record = new Button(messages.get("ui.dues.pay.record"));
        record.setId("duesPayRecord");
        record.setOnAction(e -> {
            vm.submit();
            key.requestFocus();
        });
        record.disableProperty().bind(vm.keyInputProperty().isEmpty().or(vm.readOnlyProperty()));
        Label who = new Label();
        who.setId("duesPayMember");
        who.textProperty().bind(vm.memberTextProperty());
        Label batch = new Label();
        batch.setId("duesBatch");
        batch.textProperty().bind(vm.batchTextProperty());
        batch.setStyle("-fx-font-weight: bold;");
        Button newBatch = new Button(messages.get("ui.dues.pay.newBatch"));
        newBatch.setOnAction(e -> vm.resetBatch());
        Label payTitle = new Label(messages.get("ui.dues.pay.title"));
        payTitle.setStyle("-fx-font-weight: bold;");
        HBox payBar = new HBox(8, payTitle, key, amount, record, who);
        payBar.setAlignment(Pos.CENTER_LEFT);
        Label msg = new Label();
        msg.setId("duesMessage");
        msg.textProperty().bind(vm.messageProperty());
        Label err = new Label();
        err.setId("duesError");
        err.setStyle(Styles.ERROR_TEXT);
        err.setWrapText(true);
        err.textProperty().bind(vm.errorProperty());
        Region s2 = new Region();
        HBox.setHgrow(s2, Priority.ALWAYS);
        Button printLast = new Button();
        printLast.setId("duesPrintReceipt");
        printLast.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.get("ui.dues.pay.print", vm.lastReceiptProperty().get()), vm.lastReceiptProperty()));
        printLast.visibleProperty().bind(vm.lastReceiptProperty().isNotEmpty().and(
                new javafx.beans.property.SimpleBooleanProperty(receipts != null)));
        printLast.managedProperty().bind(printLast.visibleProperty());
        if (receipts != null) {
            printLast.setOnAction(e -> {
                receipts.open(vm.lastReceiptProperty().get());
                key.requestFocus();
            });
        }
        HBox statusBar = new HBox(12, msg, printLast, err, s2, batch, newBatch);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        VBox payBox = new VBox(6, payBar, statusBar);
        payBox.setPadding(new Insets(8, 0, 0, 0));
        payBox.setStyle("-fx-border-color: #d0d7de transparent transparent transparent; -fx-padding: 8 0 0 0;");

        setTop(top);
        VBox collect = new VBox(8, roll, filterBar, table, payBox);
        collect.setPadding(new Insets(8, 0, 0, 0));
        if (recon == null && receipts == null && fund == null) {
            setCenter(collect);
        } else {
            TabPane tabs = new TabPane();
            tabs.setId("duesTabs");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.getTabs().add(tab("duesTabCollect", "ui.dues.tab.collect", collect));
            if (recon != null) {
                recon.monthProperty().bind(vm.monthProperty());
                recon.setReadOnly(vm.readOnlyProperty().get());
                vm.readOnlyProperty().addListener((o, a, b) -> recon.setReadOnly(b));
                recon.setOnBooked(vm::refresh);
                tabs.getTabs().add(tab("duesTabRecon", "ui.dues.tab.recon", new ReconciliationPane(recon)));
            }
            if (receipts != null) {
                receipts.yearProperty().set(vm.monthProperty().get().getYear());
                vm.monthProperty().addListener((o, a, b) -> receipts.yearProperty().set(b.getYear()));
                receipts.setReadOnly(vm.readOnlyProperty().get());
                vm.readOnlyProperty().addListener((o, a, b) -> receipts.setReadOnly(b));
                Tab t = tab("duesTabReceipts", "ui.dues.tab.receipts", new ReceiptsPane(receipts));
                t.selectedProperty().addListener((o, a, b) -> {
                    if (b) {
                        receipts.activate();
                    } else {
                        receipts.deactivate();
                    }
                });
                tabs.getTabs().add(t);
            }
            if (fund != null) {
                fund.monthProperty().set(vm.monthProperty().get());
                vm.monthProperty().addListener((o, a, b) -> {
                    if (!b.equals(fund.monthProperty().get())) {
                        fund.monthProperty().set(b);
                    }
                });
                fund.monthProperty().addListener((o, a, b) -> {
                    if (b != null && !b.equals(vm.monthProperty().get())) {
                        vm.goToMonth(b.toString());
                    }
                });
                fund.setReadOnly(vm.readOnlyProperty().get());
                vm.readOnlyProperty().addListener((o, a, b) -> fund.setReadOnly(b));
                Tab t = tab("duesTabFund", "ui.dues.tab.fund", new FundPane(fund));
                t.selectedProperty().addListener((o, a, b) -> {
                    if (b) {
                        fund.activate();
                    } else {
                        fund.deactivate();
                    }
                });
                tabs.getTabs().add(t);
            }
            setCenter(tabs);
        }

        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.activate();
            } else {
                vm.deactivate();
            }
        });
    }

    private Tab tab(String id, String key, javafx.scene.Node content) {
        Tab t = new Tab(messages.get(key), content);
        t.setId(id);
        return t;
    }

    /** The member row selected in the 收缴 table, or null. */
    public ReportLine selectedLine() {
        return table.getSelectionModel().getSelectedItem();
    }

    /** 退款 for the selected member. */
    private void openRefund() {
        RefundViewModel r = vm.refundFor(table.getSelectionModel().getSelectedItem());
        if (r != null) {
            new RefundDialog(r, getScene() == null ? null : getScene().getWindow(), vm::refunded).show();
        }
    }

    private VBox figure(String key, ObservableValue<String> value, String id) {
        Label k = new Label(messages.get(key));
        k.setStyle(Styles.MUTED_TEXT);
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        v.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        VBox box = new VBox(0, k, v);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    private TableColumn<ReportLine, String> column(String key, double width, Function<ReportLine, String> value) {
        TableColumn<ReportLine, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
