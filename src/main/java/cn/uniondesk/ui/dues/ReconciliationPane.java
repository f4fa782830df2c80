package cn.uniondesk.ui.dues;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService.MismatchKind;
import cn.uniondesk.ui.common.Choice;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import cn.uniondesk.ui.dues.ReconciliationViewModel.Line;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** 代扣对账 tab: pick the payroll sheet, review every mismatch and its proposal, 确认入账. */
final class ReconciliationPane extends VBox {
    private final ReconciliationViewModel vm;
    private final Messages messages;
    private final ComboBox<Choice<MismatchKind>> kindBox = new ComboBox<>();

    ReconciliationPane(ReconciliationViewModel vm) {
        super(8);
        this.vm = vm;
        this.messages = vm.messages();
        setId("duesRecon");
        setPadding(new Insets(8, 0, 0, 0));

        Button choose = new Button(messages.get("ui.dues.recon.choose"));
        choose.setId("reconChoose");
        choose.disableProperty().bind(vm.busyProperty());
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(messages.get("ui.dues.recon.choose"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("ui.dues.recon.fileFilter"),
                    "*.xlsx", "*.xls", "*.csv"));
            File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.chooseFile(f.toPath());
            }
        });
        Label file = new Label();
        file.setId("reconFile");
        file.textProperty().bind(javafx.beans.binding.Bindings.when(vm.fileTextProperty().isEmpty())
                .then(messages.get("ui.dues.recon.noFile")).otherwise(vm.fileTextProperty()));
        Button again = new Button(messages.get("ui.dues.recon.again"));
        again.setId("reconAgain");
        again.disableProperty().bind(vm.fileProperty().isNull().or(vm.busyProperty()));
        again.setOnAction(e -> vm.reconcile());
        Label hint = new Label(messages.get("ui.dues.recon.hint"));
        hint.setStyle(Styles.MUTED_TEXT);
        HBox fileBar = new HBox(8, new Label(messages.get("ui.dues.recon.sheetLabel")), choose, file, again, hint);
        fileBar.setAlignment(Pos.CENTER_LEFT);

        Label sheet = boldLabel("reconSheet");
        sheet.textProperty().bind(vm.sheetTextProperty());
        Label matched = boldLabel("reconMatched");
        matched.textProperty().bind(vm.matchedTextProperty());
        Label mismatched = boldLabel("reconMismatched");
        mismatched.textProperty().bind(vm.mismatchedTextProperty());
        mismatched.setStyle("-fx-font-weight: bold; -fx-text-fill: #b26a00;");
        HBox totals = new HBox(24, sheet, matched, mismatched);
        totals.setAlignment(Pos.CENTER_LEFT);
        Label warning = new Label();
        warning.setId("reconWarning");
        warning.setStyle(Styles.WARNING_TEXT + " -fx-font-weight: bold;");
        warning.setWrapText(true);
        warning.textProperty().bind(vm.warningProperty());
        warning.managedProperty().bind(vm.warningProperty().isNotEmpty());

        kindBox.setId("reconKind");
        kindBox.valueProperty().addListener((o, a, b) -> vm.kindFilterProperty().set(b == null ? null : b.value()));
        vm.resultProperty().addListener((o, a, b) -> fillKinds());
        fillKinds();
        Button all = new Button(messages.get("ui.dues.recon.checkAll"));
        all.setId("reconCheckAll");
        all.setOnAction(e -> vm.acceptAllShown(true));
        Button none = new Button(messages.get("ui.dues.recon.checkNone"));
        none.setId("reconCheckNone");
        none.setOnAction(e -> vm.acceptAllShown(false));
        all.disableProperty().bind(vm.canBookProperty().not());
        none.disableProperty().bind(vm.canBookProperty().not());
        HBox filterBar = new HBox(8, new Label(messages.get("ui.dues.recon.kind")), kindBox, all, none);
        filterBar.setAlignment(Pos.CENTER_LEFT);

        TableView<Line> table = new TableView<>(vm.rows());
        table.setId("reconTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.resultProperty().isNull())
                .then(messages.get("ui.dues.recon.empty")).otherwise(messages.get("ui.dues.recon.allMatch")));
        table.setPlaceholder(placeholder);
        TableColumn<Line, Line> check = new TableColumn<>(messages.get("ui.dues.recon.col.accept"));
        check.setPrefWidth(56);
        check.setSortable(false);
        check.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        check.setCellFactory(c -> new CheckCell(vm));
        table.getColumns().add(check);
        table.getColumns().add(column("ui.dues.recon.col.row", 60, Line::rowText));
        table.getColumns().add(column("ui.dues.col.name", 90, l -> nz(l.mismatch().name())));
        table.getColumns().add(column("ui.dues.recon.col.kind", 130, Line::kindText));
        table.getColumns().add(column("ui.dues.col.due", 80, l -> l.mismatch().kind() == MismatchKind.NOT_A_MEMBER
                ? "" : ReconciliationViewModel.yuan(l.mismatch().expectedFen())));
        table.getColumns().add(column("ui.dues.recon.col.deducted", 80,
                l -> l.mismatch().kind() == MismatchKind.MISSING_FROM_PAYROLL
                        || l.mismatch().kind() == MismatchKind.BAD_AMOUNT
                        ? "" : ReconciliationViewModel.yuan(l.mismatch().deductedFen())));
        TableColumn<Line, String> proposal = column("ui.dues.recon.col.proposal", 420, Line::proposalText);
        table.getColumns().add(proposal);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label plan = new Label();
        plan.setId("reconPlan");
        plan.setStyle("-fx-font-weight: bold;");
        plan.textProperty().bind(vm.bookTextProperty());
        Button book = new Button(messages.get("ui.dues.recon.book"));
        book.setId("reconBook");
        book.setDefaultButton(false);
        book.disableProperty().bind(vm.canBookProperty().not());
        book.setOnAction(e -> confirmAndBook());
        Label msg = new Label();
        msg.setId("reconMessage");
        msg.textProperty().bind(vm.messageProperty());
        Label err = new Label();
        err.setId("reconError");
        err.setStyle(Styles.ERROR_TEXT);
        err.setWrapText(true);
        err.textProperty().bind(vm.errorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bookBar = new HBox(12, msg, err, spacer, plan, book);
        bookBar.setAlignment(Pos.CENTER_LEFT);
        bookBar.setStyle("-fx-border-color: #d0d7de transparent transparent transparent; -fx-padding: 8 0 0 0;");

        getChildren().addAll(fileBar, totals, warning, filterBar, table, bookBar);
    }

    private void fillKinds() {
        kindBox.getItems().clear();
        kindBox.getItems().add(new Choice<>(null, messages.get("ui.dues.recon.kind.all", vm.count(null))));
        for (MismatchKind k : MismatchKind.values()) {
            int n = vm.count(k);
            if (n > 0) {
                kindBox.getItems().add(new Choice<>(k, messages.get("ui.dues.recon.kind.counted",
                        messages.get(ReconciliationViewModel.kindKey(k)), n)));
            }
        }
        kindBox.getSelectionModel().select(0);
    }

    private void confirmAndBook() {
        ButtonType yes = new ButtonType(messages.get("ui.dues.recon.book"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("ui.sec.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, vm.confirmText(), yes, no);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setTitle(messages.get("ui.dues.recon.book"));
        alert.setHeaderText(messages.get("ui.dues.recon.confirmTitle"));
        alert.getDialogPane().setStyle(Fonts.rootStyle());
        alert.getDialogPane().setId("reconConfirm");
        alert.getDialogPane().setPrefWidth(520);
        alert.showAndWait().filter(b -> b == yes).ifPresent(b -> vm.book());
    }

    private static Label boldLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private TableColumn<Line, String> column(String key, double width, Function<Line, String> value) {
        TableColumn<Line, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The clerk's check box of an adjustment; lines without one show nothing. */
    private static final class CheckCell extends TableCell<Line, Line> {
        private final CheckBox box = new CheckBox();
        private BooleanProperty bound;

        CheckCell(ReconciliationViewModel vm) {
            box.disableProperty().bind(vm.canBookProperty().not());
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound);
                bound = null;
            }
            if (empty || line == null || !line.actionable()) {
                setGraphic(null);
                return;
            }
            bound = line.acceptedProperty();
            box.selectedProperty().bindBidirectional(bound);
            box.setId("reconAccept-" + line.mismatch().id());
            setGraphic(box);
        }
    }
}
