package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Choice;
import cn.uniondesk.ui.common.IsoDateConverter;
import cn.uniondesk.ui.common.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The 帮扶 section: filters and 新建 on top, the case list on the left, the case view on the right. */
public final class CasesView extends BorderPane {
    private final CaseListViewModel vm;
    private final Messages messages;
    private final TableView<CaseRow> table = new TableView<>();

    /** The section wired for a session, as the application does at login (tests build it the same way). */
    public static CasesView create(cn.uniondesk.service.CaseService cases, cn.uniondesk.service.MemberService members,
            cn.uniondesk.service.Session session, cn.uniondesk.ui.common.BackgroundExecutor executor, Messages messages,
            cn.uniondesk.ui.common.DocumentOpener opener, java.nio.file.Path viewFolder, java.time.LocalDate today) {
        CaseDetailViewModel detail = new CaseDetailViewModel(cases, session, executor, messages, opener, viewFolder,
                today);
        CaseListViewModel list = new CaseListViewModel(cases, members, session, executor, messages, detail);
        return new CasesView(list, new CaseDetailView(detail));
    }

    /** As {@link #create}, with the documents: the case view offers 打印审批表. */
    public static CasesView create(cn.uniondesk.service.CaseService cases,
            cn.uniondesk.service.CaseDocumentService documents, cn.uniondesk.service.MemberService members,
            cn.uniondesk.service.Session session, cn.uniondesk.ui.common.BackgroundExecutor executor, Messages messages,
            cn.uniondesk.ui.common.DocumentOpener opener, java.nio.file.Path viewFolder, java.time.LocalDate today) {
        CaseDetailViewModel detail = new CaseDetailViewModel(cases, session, executor, messages, opener, viewFolder,
                today);
        detail.setDocuments(documents);
        CaseListViewModel list = new CaseListViewModel(cases, members, session, executor, messages, detail);
        return new CasesView(list, new CaseDetailView(detail));
    }

    public CaseListViewModel viewModel() {
        return vm;
    }

    public CasesView(CaseListViewModel vm, CaseDetailView detailView) {
        this.vm = vm;
        this.messages = vm.messages();
        setId("cases");

        ComboBox<Choice<CaseType>> type = new ComboBox<>(vm.types());
        type.setId("caseTypeFilter");
        type.valueProperty().addListener((o, a, b) -> vm.typeFilterProperty().set(b == null ? null : b.value()));
        vm.types().addListener((javafx.collections.ListChangeListener<Choice<CaseType>>) c -> {
            if (type.getValue() == null && !vm.types().isEmpty()) {
                type.setValue(vm.types().get(0));
            }
        });
        ComboBox<Choice<String>> state = new ComboBox<>(vm.states());
        state.setId("caseStateFilter");
        state.valueProperty().addListener((o, a, b) -> vm.stateFilterProperty().set(b == null ? null : b.value()));
        vm.states().addListener((javafx.collections.ListChangeListener<Choice<String>>) c -> {
            String want = vm.stateFilterProperty().get();
            state.setValue(vm.states().stream().filter(x -> java.util.Objects.equals(x.value(), want)).findFirst()
                    .orElse(vm.states().isEmpty() ? null : vm.states().get(0)));
        });
        ComboBox<Choice<Department>> dept = new ComboBox<>(vm.departments());
        dept.setId("caseDepartmentFilter");
        dept.valueProperty().addListener((o, a, b) -> vm.departmentFilterProperty().set(b == null ? null : b.value()));
        vm.departments().addListener((javafx.collections.ListChangeListener<Choice<Department>>) c -> {
            if (dept.getValue() == null && !vm.departments().isEmpty()) {
                dept.setValue(vm.departments().get(0));
            }
        });
        DatePicker from = new DatePicker();
        from.setId("caseFrom");
        from.setConverter(new IsoDateConverter());
        from.setPrefWidth(120);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("caseTo");
        to.setConverter(new IsoDateConverter());
        to.setPrefWidth(120);
        to.valueProperty().bindBidirectional(vm.toProperty());
        CheckBox waiting = new CheckBox(messages.get("ui.cases.waitingForMe"));
        waiting.setId("caseWaiting");
        waiting.selectedProperty().bindBidirectional(vm.waitingForMeProperty());

        Label count = new Label();
        count.setId("caseCount");
        count.textProperty().bind(vm.countTextProperty());
        Label error = new Label();
        error.setId("caseListError");
        error.setStyle(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.errorProperty());
        Button add = new Button(messages.get("ui.cases.new"));
        add.setId("caseNew");
        add.setVisible(vm.canRegister());
        add.managedProperty().bind(add.visibleProperty());
        add.setOnAction(e -> new CaseFormView(vm.newCaseForm()).show(getScene().getWindow(),
                r -> {
                    vm.detail().announce(r);
                    vm.showCase(r.aidCase().id());
                }));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(8, new Label(messages.get("ui.cases.col.type")), type,
                new Label(messages.get("ui.cases.col.state")), state, new Label(messages.get("ui.filter.department")),
                dept, new Label(messages.get("ui.cases.period")), from, new Label(messages.get("ui.cases.periodTo")),
                to, waiting);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, add, spacer, error, count);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, filters, second);
        top.setPadding(new Insets(10, 10, 8, 10));
        setTop(top);

        buildTable();
        SplitPane split = new SplitPane(table, detailView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 10, 10, 10));

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedRowProperty().set(b));
        vm.selectedRowProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.activate();
            } else {
                vm.deactivate();
            }
        });
    }

    private void buildTable() {
        table.setId("caseTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label(messages.get("ui.cases.empty")));
        table.getColumns().add(column("ui.cases.col.no", 96, r -> r.aidCase().caseNo()));
        table.getColumns().add(column("ui.cases.col.type", 92, r -> vm.typeLabel(r.aidCase().type())));
        table.getColumns().add(column("ui.cases.col.member", 56, CaseRow::memberName));
        table.getColumns().add(column("ui.cases.col.department", 76, r -> r.department() == null ? "" : r.department()));
        table.getColumns().add(column("ui.cases.col.state", 72, vm::stateLabel));
        table.getColumns().add(column("ui.cases.col.amount", 72, vm::amount));
        table.getColumns().add(column("ui.cases.col.registered", 118, r -> messages.get("ui.cases.registeredCell",
                r.aidCase().registeredBy(), r.aidCase().registeredOn().toString())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private TableColumn<CaseRow, String> column(String key, double width, Function<CaseRow, String> value) {
        TableColumn<CaseRow, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
