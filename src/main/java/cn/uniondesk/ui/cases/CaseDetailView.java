package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.cases.CaseAttachment;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Styles;
import cn.uniondesk.ui.cases.CaseDetailViewModel.ActionItem;
import cn.uniondesk.ui.cases.CaseDetailViewModel.FieldLine;
import cn.uniondesk.ui.cases.CaseDetailViewModel.TimelineLine;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The case view: header, the type's fields, the next steps as buttons, the timeline and the attachments. */
public final class CaseDetailView extends ScrollPane {
    private final CaseDetailViewModel vm;
    private final Messages messages;
    private final GridPane header = new GridPane();
    private final GridPane fieldGrid = new GridPane();
    private final FlowPane actionBox = new FlowPane(8, 6);

    public CaseDetailView(CaseDetailViewModel vm) {
        this.vm = vm;
        this.messages = vm.messages();
        setId("caseDetail");
        setFitToWidth(true);

        Label title = new Label();
        title.setId("caseTitle");
        title.setStyle(Styles.HEADING);
        title.textProperty().bind(vm.titleProperty());
        header.setHgap(10);
        header.setVgap(4);
        headerRow(0, "ui.cases.col.member", "caseMember", vm.memberTextProperty());
        headerRow(1, "ui.cases.col.type", "caseType", vm.typeTextProperty());
        headerRow(2, "ui.cases.col.state", "caseState", vm.stateTextProperty());
        headerRow(3, "ui.cases.col.amount", "caseAmount", vm.amountTextProperty());
        headerRow(4, "ui.cases.col.registered", "caseRegistered", vm.registeredTextProperty());

        fieldGrid.setHgap(10);
        fieldGrid.setVgap(4);
        fieldGrid.setId("caseFields");
        vm.fields().addListener((ListChangeListener<FieldLine>) c -> fillFields());

        actionBox.setId("caseActions");
        vm.actions().addListener((ListChangeListener<ActionItem>) c -> fillActions());
        vm.currentProperty().addListener((o, a, b) -> fillActions());
        Label refusals = new Label();
        refusals.setId("caseRefusals");
        refusals.setWrapText(true);
        refusals.setStyle(Styles.MUTED_TEXT + "-fx-font-size: 12px;");
        refusals.textProperty().bind(vm.refusalsProperty());
        refusals.managedProperty().bind(refusals.textProperty().isNotEmpty());
        Label message = new Label();
        message.setId("caseMessage");
        message.setWrapText(true);
        message.setStyle(Styles.WARNING_TEXT + "-fx-text-fill: #1b5e20;");
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label error = new Label();
        error.setId("caseError");
        error.setWrapText(true);
        error.setStyle(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        TableView<TimelineLine> timeline = new TableView<>(vm.timeline());
        timeline.setId("caseTimeline");
        timeline.setPlaceholder(new Label(messages.get("ui.cases.noTimeline")));
        timeline.getColumns().add(col("ui.cases.tl.when", 112, TimelineLine::when));
        timeline.getColumns().add(col("ui.cases.tl.who", 100, TimelineLine::who));
        timeline.getColumns().add(col("ui.cases.tl.what", 110, TimelineLine::what));
        timeline.getColumns().add(col("ui.cases.tl.comment", 120, TimelineLine::comment));
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeline.setRowFactory(tv -> {
            TableRow<TimelineLine> row = new TableRow<>();
            row.itemProperty().addListener((o, a, l) -> row.setTooltip(l == null || l.changes().isEmpty() ? null
                    : new Tooltip(messages.get("ui.detail.line", messages.get("ui.detail.changes"), l.changes()))));
            return row;
        });
        timeline.setFixedCellSize(24);
        timeline.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(4, vm.timeline().size() + 1) * 24.0 + 6, vm.timeline()));
        timeline.setStyle("-fx-font-size: 12px;");

        TableView<CaseAttachment> files = new TableView<>(vm.attachments());
        files.setId("caseAttachments");
        files.setPlaceholder(new Label(messages.get("ui.cases.noAttachments")));
        files.getColumns().add(attCol("ui.cases.att.name", 150, CaseAttachment::name));
        files.getColumns().add(attCol("ui.cases.att.size", 64, vm::size));
        files.getColumns().add(attCol("ui.cases.att.who", 64, CaseAttachment::addedBy));
        files.getColumns().add(attCol("ui.cases.att.when", 112, vm::addedAt));
        files.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        files.setFixedCellSize(24);
        files.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(3, vm.attachments().size() + 1) * 24.0 + 6, vm.attachments()));
        files.setStyle("-fx-font-size: 12px;");
        files.setRowFactory(tv -> {
            TableRow<CaseAttachment> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.openAttachment(row.getItem());
                }
            });
            return row;
        });
        Button attach = new Button(messages.get("ui.cases.att.add"));
        attach.setId("caseAttach");
        attach.setVisible(vm.canAttach());
        attach.managedProperty().bind(attach.visibleProperty());
        attach.disableProperty().bind(vm.currentProperty().isNull().or(vm.busyProperty()));
        attach.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("ui.cases.att.choose"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.addAttachment(f.toPath());
            }
        });
        Button open = new Button(messages.get("ui.cases.att.open"));
        open.setId("caseOpenAttachment");
        open.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        open.setOnAction(e -> vm.openAttachment(files.getSelectionModel().getSelectedItem()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox attTitle = new HBox(8, section("ui.cases.section.attachments"), spacer, attach, open);
        attTitle.setAlignment(Pos.CENTER_LEFT);

        Button print = new Button(messages.get("ui.cases.form.print"));
        print.setId("casePrintForm");
        print.setVisible(vm.canPrint());
        print.managedProperty().bind(print.visibleProperty());
        print.disableProperty().bind(vm.currentProperty().isNull().or(vm.busyProperty()));
        print.setOnAction(e -> vm.printApprovalForm());
        Region titleSpacer = new Region();
        HBox.setHgrow(titleSpacer, Priority.ALWAYS);
        HBox titleBar = new HBox(8, title, titleSpacer, print);
        titleBar.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(8, titleBar, header, section("ui.cases.section.fields"), fieldGrid,
                section("ui.cases.section.actions"), actionBox, refusals, message, error,
                section("ui.cases.section.timeline"), timeline, attTitle, files);
        box.setPadding(new Insets(10));
        setContent(box);
        vm.clear();
    }

    private Label section(String key) {
        Label l = new Label(messages.get(key));
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private void headerRow(int row, String key, String id, javafx.beans.value.ObservableStringValue value) {
        Label k = new Label(messages.get(key));
        k.setStyle(Styles.MUTED_TEXT);
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.textProperty().bind(value);
        header.addRow(row, k, v);
    }

    private void fillFields() {
        fieldGrid.getChildren().clear();
        int i = 0;
        for (FieldLine f : vm.fields()) {
            Label k = new Label(f.label());
            k.setStyle(Styles.MUTED_TEXT);
            k.setMinWidth(Region.USE_PREF_SIZE);
            Label v = new Label(f.value());
            v.setWrapText(true);
            fieldGrid.add(k, (i % 2) * 2, i / 2);
            fieldGrid.add(v, (i % 2) * 2 + 1, i / 2);
            i++;
        }
    }

    private void fillActions() {
        actionBox.getChildren().clear();
        for (ActionItem a : vm.actions()) {
            Button b = new Button(a.label());
            b.setId("caseAction-" + a.action());
            b.setDisable(!a.allowed());
            if (a.refusal() != null) {
                b.setTooltip(new Tooltip(a.refusal()));
            }
            b.setOnAction(e -> {
                TransitionViewModel t = vm.startTransition(a.action());
                if (t != null) {
                    new TransitionDialog(t, messages).show(getScene().getWindow());
                }
            });
            actionBox.getChildren().add(b);
        }
        if (vm.actions().isEmpty() && vm.currentProperty().get() != null) {
            Label none = new Label(messages.get(vm.canAct() ? "ui.cases.noSteps" : "ui.cases.readOnly"));
            none.setId("caseNoActions");
            none.setStyle(Styles.MUTED_TEXT);
            actionBox.getChildren().add(none);
        }
    }

    private TableColumn<TimelineLine, String> col(String key, double w, Function<TimelineLine, String> v) {
        TableColumn<TimelineLine, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(w);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(v.apply(cell.getValue())));
        return c;
    }

    private TableColumn<CaseAttachment, String> attCol(String key, double w, Function<CaseAttachment, String> v) {
        TableColumn<CaseAttachment, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(w);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(v.apply(cell.getValue())));
        return c;
    }
}
