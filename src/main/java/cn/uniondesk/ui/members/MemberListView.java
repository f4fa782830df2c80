package cn.uniondesk.ui.members;

import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Choice;
import cn.uniondesk.ui.common.Styles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/** The member register: search and filters, the table, the selected member's details and history. */
public final class MemberListView extends BorderPane {
    private static final List<MemberEventType> ACTIONS = List.of(MemberEventType.JOIN, MemberEventType.TRANSFER_IN,
            MemberEventType.TRANSFER_OUT, MemberEventType.LEAVE, MemberEventType.RETIRE, MemberEventType.DECEASE);

    private final MemberListViewModel vm;
    private final Messages messages;
    private final TableView<MemberRow> table = new TableView<>();
    private final ComboBox<Choice<Department>> departmentBox = new ComboBox<>();
    private final Map<MemberEventType, Button> actionButtons = new EnumMap<>(MemberEventType.class);
    private final GridPane detailGrid = new GridPane();
    private final Label detailTitle = new Label();
    private final ListChangeListener<Department> departmentsListener = c -> fillDepartments();

    private final Button importButton = new Button();
    private VBox detailBox;
    private Label historyTitle;
    private TableView<MemberEvent> historyTable;

    /**
     * Adds a 帮扶 tab beside the history in the detail pane (the member's cases and hardship file);
     * the composition root wires it, since it needs the case services.
     */
    public void setAidPane(javafx.scene.Node pane) {
        javafx.scene.control.Tab historyTab = new javafx.scene.control.Tab(historyTitle.getText(), historyTable);
        javafx.scene.control.Tab aidTab = new javafx.scene.control.Tab(messages.get("ui.nav.aid"), pane);
        aidTab.setId("aidTab");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(historyTab, aidTab);
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        detailBox.getChildren().removeAll(historyTitle, historyTable);
        detailBox.getChildren().add(tabs);
    }

    /**
     * Offers 导入Excel on this screen; {@code open} shows the import wizard and runs
     * {@code afterClose} when it closes (the composition root wires it, since the wizard needs the
     * import service).
     */
    public void setImportAction(java.util.function.Consumer<Runnable> open) {
        importButton.setText(messages.get("ui.members.import"));
        importButton.setVisible(true);
        importButton.setOnAction(e -> open.accept(vm::search));
    }

    public MemberListView(MemberListViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
        setId("members");

        TextField search = TextFields.createClearableTextField();
        search.setId("search");
        search.setPromptText(messages.get("ui.members.searchPrompt"));
        search.setPrefWidth(300);
        search.textProperty().bindBidirectional(vm.searchTextProperty());

        departmentBox.setId("departmentFilter");
        fillDepartments();
        departmentBox.valueProperty().addListener((o, a, b) -> vm.departmentFilterProperty().set(b == null ? null : b.value()));

        ComboBox<Choice<MemberStatus>> statusBox = new ComboBox<>();
        statusBox.setId("statusFilter");
        statusBox.getItems().add(new Choice<>(null, messages.get("ui.filter.all")));
        for (MemberStatus s : MemberStatus.values()) {
            statusBox.getItems().add(new Choice<>(s, messages.get("status." + s.name())));
        }
        statusBox.getSelectionModel().selectFirst();
        statusBox.valueProperty().addListener((o, a, b) -> vm.statusFilterProperty().set(b == null ? null : b.value()));

        Label count = new Label();
        count.setId("count");
        count.textProperty().bind(vm.countTextProperty());
        Label error = new Label();
        error.setStyle(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.errorProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // a list opened from the dashboard: its label and a way back to the whole register
        Label only = new Label();
        only.setId("onlyFilter");
        only.textProperty().bind(vm.onlyLabelProperty());
        only.setStyle("-fx-background-color: #ddf4ff; -fx-padding: 3 8 3 8; -fx-background-radius: 10;");
        Button clearOnly = new Button(messages.get("ui.members.onlyClear"));
        clearOnly.setId("onlyClear");
        clearOnly.setOnAction(e -> vm.clearOnly());
        HBox onlyBox = new HBox(4, only, clearOnly);
        onlyBox.setAlignment(Pos.CENTER_LEFT);
        onlyBox.visibleProperty().bind(vm.onlyLabelProperty().isNotEmpty());
        onlyBox.managedProperty().bind(onlyBox.visibleProperty());
        vm.onlyLabelProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                departmentBox.getSelectionModel().selectFirst();
                statusBox.getSelectionModel().selectFirst();
            }
        });
        HBox filters = new HBox(8, search, new Label(messages.get("ui.filter.department")), departmentBox,
                new Label(messages.get("ui.filter.status")), statusBox, onlyBox, spacer, error, count);
        filters.setAlignment(Pos.CENTER_LEFT);

        Button add = new Button(messages.get("ui.members.add"));
        add.setId("addMember");
        add.setDefaultButton(false);
        add.setOnAction(e -> openForm(vm.newMemberForm()));
        Button edit = new Button(messages.get("ui.members.edit"));
        edit.setId("editMember");
        edit.disableProperty().bind(vm.selectedMemberProperty().isNull());
        edit.setOnAction(e -> openForm(vm.editForm()));
        HBox actions = new HBox(8, add, edit, new Label(messages.get("ui.members.lifecycle")));
        actions.setAlignment(Pos.CENTER_LEFT);
        for (MemberEventType t : ACTIONS) {
            Button b = new Button(messages.get("event." + t.name()));
            b.setId("action-" + t.name());
            b.setDisable(true);
            b.setOnAction(e -> openLifecycle(t));
            actionButtons.put(t, b);
            actions.getChildren().add(b);
        }
        Region actionSpacer = new Region();
        HBox.setHgrow(actionSpacer, Priority.ALWAYS);
        importButton.setId("importExcel");
        importButton.setVisible(false);
        importButton.managedProperty().bind(importButton.visibleProperty());
        actions.getChildren().addAll(actionSpacer, importButton);
        VBox top = new VBox(8, filters, actions);
        top.setPadding(new Insets(10, 10, 8, 10));
        setTop(top);

        buildTable();
        VBox detail = buildDetail();
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setFitToHeight(true);
        SplitPane split = new SplitPane(table, detailScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 10, 10, 10));

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedRowProperty().set(b));
        vm.selectedRowProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        vm.selectedMemberProperty().addListener((o, a, b) -> showDetail(b));
        vm.allowedActions().addListener((ListChangeListener<MemberEventType>) c -> updateActions());

        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.departments().addListener(departmentsListener);
                vm.activate();
            } else {
                vm.departments().removeListener(departmentsListener);
                vm.deactivate();
            }
        });
    }

    private void fillDepartments() {
        Choice<Department> current = departmentBox.getValue();
        List<Choice<Department>> items = new ArrayList<>();
        items.add(new Choice<>(null, messages.get("ui.filter.all")));
        for (Department d : vm.departments()) {
            items.add(new Choice<>(d, d.name()));
        }
        departmentBox.getItems().setAll(items);
        Choice<Department> keep = items.get(0);
        if (current != null && current.value() != null) {
            keep = items.stream().filter(c -> c.value() != null && c.value().id() == current.value().id()).findFirst()
                    .orElse(items.get(0));
        }
        departmentBox.setValue(keep);
    }

    private void buildTable() {
        table.setId("memberTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label(messages.get("ui.members.empty")));
        table.getColumns().add(column("member.field.CARD_NO", 116, MemberRow::cardNo));
        table.getColumns().add(column("member.field.NAME", 60, MemberRow::name));
        table.getColumns().add(column("member.field.GENDER", 48, r -> messages.get("gender." + r.gender().name())));
        table.getColumns().add(column("member.field.ID_NUMBER", 150, r -> cn.uniondesk.domain.MaskingPolicy.idNumber(r.idNumber())));
        table.getColumns().add(column("member.field.MOBILE", 96, r -> cn.uniondesk.domain.MaskingPolicy.mobile(r.mobile())));
        table.getColumns().add(column("member.field.DEPARTMENT", 84, MemberRow::departmentName));
        table.getColumns().add(column("member.field.STATUS", 76, r -> messages.get("status." + r.status().name())));
        TableColumn<MemberRow, LocalDate> join = new TableColumn<>(messages.get("member.field.JOIN_DATE"));
        join.setPrefWidth(86);
        join.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().joinDate()));
        table.getColumns().add(join);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(tv -> {
            TableRow<MemberRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                Member shown = vm.selectedMemberProperty().get();
                if (e.getClickCount() == 2 && !row.isEmpty() && shown != null && shown.id() == row.getItem().id()) {
                    openForm(vm.editForm());
                }
            });
            return row;
        });
    }

    private TableColumn<MemberRow, String> column(String key, double width, Function<MemberRow, String> value) {
        TableColumn<MemberRow, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private VBox buildDetail() {
        detailTitle.setStyle(Styles.HEADING);
        detailTitle.setText(messages.get("ui.detail.none"));
        detailGrid.setHgap(10);
        detailGrid.setVgap(4);

        TableView<MemberEvent> history = new TableView<>(vm.history());
        history.setId("historyTable");
        history.setPlaceholder(new Label(messages.get("ui.detail.noHistory")));
        history.getColumns().add(eventColumn("history.date", 84, e -> e.eventDate().toString()));
        history.getColumns().add(eventColumn("history.event", 44, e -> messages.get("event." + e.type().name())));
        history.getColumns().add(eventColumn("history.status", 66,
                e -> e.statusAfter() == null ? "" : messages.get("status." + e.statusAfter().name())));
        history.getColumns().add(eventColumn("history.reason", 76, e -> e.reason() == null ? "" : e.reason()));
        history.getColumns().add(eventColumn("history.counterpart", 110,
                e -> e.counterpartUnion() == null ? "" : e.counterpartUnion()));
        history.getColumns().add(eventColumn("history.operator", 56, MemberEvent::operator));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setRowFactory(tv -> {
            TableRow<MemberEvent> row = new TableRow<>();
            row.itemProperty().addListener((o, a, e) -> row.setTooltip(e == null ? null : new Tooltip(describe(e))));
            return row;
        });
        history.setPrefHeight(220);
        history.setStyle("-fx-font-size: 12px;");
        VBox.setVgrow(history, Priority.ALWAYS);

        Label historyTitle = new Label(messages.get("ui.detail.history"));
        historyTitle.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(8, detailTitle, detailGrid, historyTitle, history);
        box.setPadding(new Insets(10));
        box.setId("detail");
        this.detailBox = box;
        this.historyTitle = historyTitle;
        this.historyTable = history;
        return box;
    }

    /** The whole history entry, for the row's tooltip (the columns may cut long texts). */
    private String describe(MemberEvent e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.eventDate()).append("  ").append(messages.get("event." + e.type().name()));
        line(sb, "history.reason", e.reason());
        line(sb, "history.counterpart", e.counterpartUnion());
        line(sb, "ui.detail.referenceNo", e.referenceNo());
        line(sb, "history.operator", e.operator());
        line(sb, "ui.detail.changes", e.details());
        return sb.toString();
    }

    private void line(StringBuilder sb, String key, String value) {
        if (value != null && !value.isBlank()) {
            sb.append('\n').append(messages.get("ui.detail.line", messages.get(key), value));
        }
    }

    private TableColumn<MemberEvent, String> eventColumn(String key, double width, Function<MemberEvent, String> v) {
        TableColumn<MemberEvent, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(v.apply(cell.getValue())));
        return c;
    }

    private void showDetail(Member m) {
        detailGrid.getChildren().clear();
        if (m == null) {
            detailTitle.setText(messages.get("ui.detail.none"));
            return;
        }
        detailTitle.setText(m.name());
        int row = 0;
        row = detailRow(row, "member.field.CARD_NO", m.cardNo());
        row = detailRow(row, "member.field.GENDER", messages.get("gender." + m.gender().name()));
        row = detailRow(row, "member.field.ETHNICITY", m.ethnicity());
        row = detailRow(row, "member.field.ID_NUMBER", m.idNumber().masked());
        row = detailRow(row, "member.field.BIRTH_DATE", m.birthDate().toString());
        row = detailRow(row, "member.field.MOBILE", cn.uniondesk.domain.MaskingPolicy.mobile(m.mobile()));
        row = detailRow(row, "member.field.DEPARTMENT", vm.selectedDepartmentNameProperty().get());
        row = detailRow(row, "member.field.JOB", m.job());
        row = detailRow(row, "member.field.EMPLOYMENT_TYPE", m.employmentType());
        row = detailRow(row, "member.field.JOIN_DATE", m.joinDate().toString());
        row = detailRow(row, "member.field.STATUS", messages.get("status." + m.status().name()));
        detailRow(row, "member.field.HARDSHIP", !m.hardship() ? messages.get("ui.no")
                : m.hardshipLevel() == null ? messages.get("ui.yes")
                : messages.get("ui.detail.hardshipLevel", m.hardshipLevel()));
    }

    private int detailRow(int row, String key, String value) {
        Label k = new Label(messages.get(key));
        k.setStyle(Styles.MUTED_TEXT);
        Label v = new Label(value == null ? "" : value);
        v.setWrapText(true);
        detailGrid.addRow(row, k, v);
        return row + 1;
    }

    private void updateActions() {
        actionButtons.forEach((t, b) -> b.setDisable(!vm.isAllowed(t)));
    }

    private void openForm(MemberFormViewModel form) {
        new MemberFormView(form).show(getScene().getWindow(), id -> {
            vm.refreshAfterChange(id);
        });
    }

    private void openLifecycle(MemberEventType action) {
        LifecycleViewModel lc = vm.lifecycle(action);
        new LifecycleDialog(lc).show(getScene().getWindow(), ev -> vm.refreshAfterChange(ev.memberId()));
    }
}
