package cn.uniondesk.ui.dues;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Styles;
import cn.uniondesk.ui.dues.WageImportViewModel.Row;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** 工资表导入: file and month, 检查 (dry run) with one line per row needing attention, then 写入. */
public final class WageImportDialog extends BorderPane {
    private final WageImportViewModel vm;
    private final Messages m;

    public WageImportDialog(WageImportViewModel vm) {
        this.vm = vm;
        this.m = vm.messages();
        setId("wageImport");
        setPadding(new Insets(12));

        Label title = new Label(m.get("ui.dues.wage.title"));
        title.setStyle(Styles.HEADING);
        Label fileLabel = new Label(m.get("ui.dues.wage.noFile"));
        fileLabel.setId("wageFile");
        vm.fileProperty().addListener((o, a, b) -> fileLabel.setText(b == null ? m.get("ui.dues.wage.noFile")
                : b.getFileName().toString()));
        Button choose = new Button(m.get("ui.dues.wage.chooseFile"));
        choose.setId("wageChoose");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("ui.dues.wage.fileFilter"), "*.xlsx",
                    "*.xls", "*.csv"));
            File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.fileProperty().set(f.toPath());
                vm.check();
            }
        });
        TextField month = new TextField();
        month.setId("wageMonth");
        month.setPrefColumnCount(7);
        month.textProperty().bindBidirectional(vm.monthTextProperty());
        Button check = new Button(m.get("ui.dues.wage.check"));
        check.setId("wageCheck");
        check.disableProperty().bind(vm.busyProperty().or(vm.fileProperty().isNull()));
        check.setOnAction(e -> vm.check());
        month.setOnAction(e -> vm.check());
        HBox fileRow = new HBox(8, choose, fileLabel, new Label(m.get("ui.dues.wage.month")), month, check);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        Label rule = new Label(m.get("ui.dues.wage.rule"));
        rule.setWrapText(true);
        rule.setStyle(Styles.MUTED_TEXT);
        VBox top = new VBox(8, title, fileRow, rule);
        top.setPadding(new Insets(0, 0, 8, 0));

        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("wageTable");
        table.setPlaceholder(new Label(m.get("ui.dues.wage.empty")));
        table.getColumns().add(column("ui.dues.wage.col.row", 50, r -> Integer.toString(r.rowNumber())));
        table.getColumns().add(column("ui.dues.wage.col.name", 80, Row::name));
        table.getColumns().add(column("ui.dues.wage.col.card", 130, Row::cardNo));
        table.getColumns().add(column("ui.dues.wage.col.result", 170, Row::result));
        table.getColumns().add(column("ui.dues.wage.col.old", 85, Row::oldWage));
        table.getColumns().add(column("ui.dues.wage.col.new", 85, Row::newWage));
        table.getColumns().add(column("ui.dues.wage.col.from", 70, Row::from));
        table.getColumns().add(column("ui.dues.wage.col.back", 80, Row::backDues));
        table.getColumns().add(column("ui.dues.wage.col.note", 200, Row::note));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(empty || item == null ? "" : item.error() ? "-fx-background-color: #fde2e2;"
                        : item.warning() ? "-fx-background-color: #fff6d6;" : "");
            }
        });

        Label summary = new Label();
        summary.setId("wageSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        CheckBox unchanged = new CheckBox(m.get("ui.dues.wage.showUnchanged"));
        unchanged.selectedProperty().bindBidirectional(vm.showUnchangedProperty());
        CheckBox book = new CheckBox(m.get("ui.dues.wage.bookBackDues"));
        book.setId("wageBook");
        book.selectedProperty().bindBidirectional(vm.bookBackDuesProperty());
        Button apply = new Button(m.get("ui.dues.wage.apply"));
        apply.setId("wageApply");
        apply.setDefaultButton(true);
        apply.disableProperty().bind(vm.canApplyProperty().not().or(vm.busyProperty()));
        apply.setOnAction(e -> vm.apply());
        Button close = new Button(m.get("ui.dues.wage.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() instanceof Stage s && s.getOwner() != null) {
                s.close();
            }
        });
        Label msg = new Label();
        msg.setId("wageMessage");
        msg.setWrapText(true);
        msg.textProperty().bind(vm.messageProperty());
        Label err = new Label();
        err.setId("wageError");
        err.setWrapText(true);
        err.setStyle(Styles.ERROR_TEXT);
        err.textProperty().bind(vm.errorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, unchanged, spacer, book, apply, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, summary, err, msg, buttons);
        bottom.setPadding(new Insets(8, 0, 0, 0));

        setTop(top);
        setCenter(table);
        setBottom(bottom);
    }

    /** Opens the dialog over {@code owner}. */
    public static void show(Window owner, WageImportViewModel vm) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(vm.messages().get("ui.dues.wage.title"));
        stage.setScene(new Scene(new WageImportDialog(vm), 980, 600));
        stage.show();
    }

    private TableColumn<Row, String> column(String key, double width, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
