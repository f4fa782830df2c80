package cn.uniondesk.ui.upload;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Styles;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** 上报 screen: thin view over {@link UploadViewModel}. */
public final class UploadView extends VBox {
    public UploadView(UploadViewModel vm) {
        this(vm, null);
    }

    /** With a 上报设置… button that opens {@code settings} in a dialog (none when null). */
    public UploadView(UploadViewModel vm, UploadSettingsViewModel settings) {
        super(10);
        Messages m = vm.messages();
        setPadding(new Insets(16));
        setId("uploadPage");
        Label title = new Label(m.get("ui.nav.upload"));
        title.setStyle(Styles.HEADING);
        Label fp = new Label();
        fp.setId("uploadFingerprint");
        fp.textProperty().bind(vm.fingerprintProperty());
        fp.setStyle(Styles.MUTED_TEXT);

        TextField month = new TextField();
        month.setId("uploadMonth");
        month.setPrefColumnCount(7);
        month.textProperty().bindBidirectional(vm.monthProperty());
        CheckBox snapshot = new CheckBox(m.get("ui.upload.snapshot"));
        snapshot.setId("uploadSnapshot");
        snapshot.selectedProperty().bindBidirectional(vm.snapshotProperty());
        Button export = new Button(m.get("ui.upload.export"));
        export.setId("uploadExport");
        export.setOnAction(e -> vm.exportMonth());
        Button queue = new Button(m.get("ui.upload.queue"));
        queue.setId("uploadQueue");
        queue.setOnAction(e -> vm.queueSelected());
        Button send = new Button(m.get("ui.upload.send"));
        send.setId("uploadSend");
        send.setOnAction(e -> vm.sendNow());
        Button copy = new Button(m.get("ui.upload.copy"));
        copy.setId("uploadCopy");
        copy.setOnAction(e -> {
            javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
            dc.setTitle(m.get("ui.upload.copy"));
            java.io.File d = dc.showDialog(getScene().getWindow());
            if (d != null) {
                vm.copySelected(d.toPath());
            }
        });
        Button receipt = new Button(m.get("ui.upload.importReceipt"));
        receipt.setId("uploadImportReceipt");
        receipt.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.setTitle(m.get("ui.upload.importReceipt"));
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(
                    m.get("ui.upload.receiptFilter"), "*.receipt.json", "*.json"));
            java.io.File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.importReceipt(f.toPath());
            }
        });
        Button refresh = new Button(m.get("ui.upload.refresh"));
        refresh.setId("uploadRefresh");
        refresh.setOnAction(e -> vm.refresh());
        for (Button b : new Button[] {export, queue, send, receipt}) {
            b.disableProperty().bind(vm.busyProperty().or(vm.readOnlyProperty()));
        }
        copy.disableProperty().bind(vm.busyProperty().or(vm.readOnlyProperty()).or(vm.selectedProperty().isNull()));
        HBox bar = new HBox(8, new Label(m.get("ui.upload.month")), month, snapshot, export);
        HBox actions = new HBox(8, queue, send, copy, receipt, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (settings != null) {
            Button settingsButton = new Button(m.get("ui.upload.settings"));
            settingsButton.setId("uploadSettings");
            settingsButton.setOnAction(e -> UploadSettingsView.showDialog(settings, getScene().getWindow()));
            actions.getChildren().add(settingsButton);
        }
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<UploadViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("uploadTable");
        table.getColumns().add(col(m.get("ui.upload.col.seq"), 60, r -> Long.toString(r.sequence())));
        table.getColumns().add(col(m.get("ui.upload.col.period"), 90, UploadViewModel.Row::period));
        table.getColumns().add(col(m.get("ui.upload.col.file"), 300, UploadViewModel.Row::file));
        table.getColumns().add(col(m.get("ui.upload.col.state"), 90, UploadViewModel.Row::stateText));
        table.getColumns().add(col(m.get("ui.upload.col.result"), 380, UploadViewModel.Row::result));
        table.setPlaceholder(new Label(m.get("ui.upload.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label historyTitle = new Label(m.get("ui.upload.history"));
        ListView<String> history = new ListView<>(vm.history());
        history.setId("uploadHistory");
        history.setPrefHeight(160);

        Label status = new Label();
        status.setId("uploadStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(title, fp, bar, actions, table, historyTitle, history, status);
        vm.refresh();
    }

    private static TableColumn<UploadViewModel.Row, String> col(String name, double width,
            java.util.function.Function<UploadViewModel.Row, String> value) {
        TableColumn<UploadViewModel.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }
}
