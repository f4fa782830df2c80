package cn.uniondesk.ui.upload;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Fonts;
import cn.uniondesk.ui.common.Styles;
import java.io.File;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** 上报设置: thin view over {@link UploadSettingsViewModel}; shown in a dialog from the 上报 screen. */
public final class UploadSettingsView extends VBox {
    public UploadSettingsView(UploadSettingsViewModel vm) {
        super(10);
        Messages m = vm.messages();
        setId("uploadSettingsPane");
        setPadding(new Insets(12));
        setPrefWidth(820);

        Label title = new Label(m.get("ui.uploadSettings.title"));
        title.setStyle(Styles.HEADING);
        Label intro = new Label(m.get("ui.uploadSettings.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.setStyle(Styles.MUTED_TEXT);

        TextField url = field("usUrl", vm.urlProperty(), m.get("ui.uploadSettings.urlPrompt"));
        Label registered = muted("usRegisteredKey");
        registered.textProperty().bind(vm.registeredKeyProperty());
        TextField key = field("usKeyFile", vm.keyFileProperty(), m.get("ui.uploadSettings.keyPrompt"));
        Button chooseKey = chooser("usChooseKey", m, vm.keyFileProperty(), m.get("ui.uploadSettings.chooseKey"),
                new FileChooser.ExtensionFilter(m.get("ui.uploadSettings.keyFilter"), "*.json"));
        Label cert = muted("usCurrentCert");
        cert.textProperty().bind(vm.currentCertProperty());
        TextField certFile = field("usCertFile", vm.certFileProperty(), m.get("ui.uploadSettings.certPrompt"));
        Button chooseCert = chooser("usChooseCert", m, vm.certFileProperty(), m.get("ui.uploadSettings.chooseCert"),
                new FileChooser.ExtensionFilter(m.get("ui.uploadSettings.certFilter"), "*.pem", "*.crt", "*.cer"));
        CheckBox removeCert = new CheckBox(m.get("ui.uploadSettings.removeCert"));
        removeCert.setId("usRemoveCert");
        removeCert.selectedProperty().bindBidirectional(vm.removeCertProperty());
        TextField pin = field("usPin", vm.pinProperty(), m.get("ui.uploadSettings.pinPrompt"));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, new ColumnConstraints());
        grid.addRow(0, new Label(m.get("ui.uploadSettings.url")), url);
        grid.add(new Label(m.get("ui.uploadSettings.key")), 0, 1);
        grid.add(registered, 1, 1, 2, 1);
        grid.addRow(2, new Label(), key, chooseKey);
        grid.add(new Label(m.get("ui.uploadSettings.certLabel")), 0, 3);
        grid.add(cert, 1, 3, 2, 1);
        grid.addRow(4, new Label(), certFile, chooseCert);
        grid.add(removeCert, 1, 5);
        grid.addRow(6, new Label(m.get("ui.uploadSettings.pin")), pin);
        for (javafx.scene.Node n : new javafx.scene.Node[] {url, key, chooseKey, certFile, chooseCert, removeCert, pin}) {
            n.disableProperty().bind(vm.readOnlyProperty());
        }

        Button test = new Button(m.get("ui.uploadSettings.test"));
        test.setId("usTest");
        test.disableProperty().bind(vm.busyProperty().or(vm.exportDisabledProperty()));
        test.setOnAction(e -> vm.testConnection());
        Button save = new Button(m.get("ui.uploadSettings.save"));
        save.setId("usSave");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty().or(vm.readOnlyProperty()));
        save.setOnAction(e -> vm.save());
        HBox actions = new HBox(8, test, save);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("usMessage");
        message.setWrapText(true);
        message.setMinHeight(56);
        message.textProperty().bind(vm.messageProperty());
        message.styleProperty().bind(javafx.beans.binding.Bindings.when(vm.messageIsErrorProperty())
                .then(Styles.ERROR_TEXT).otherwise(""));

        Label officeTitle = new Label(m.get("ui.uploadSettings.officeTitle"));
        officeTitle.setStyle("-fx-font-weight: bold;");
        Label fingerprint = new Label();
        fingerprint.setId("usOfficeFingerprint");
        fingerprint.textProperty().bind(vm.officeFingerprintProperty());
        Label officeHint = muted("usOfficeHint");
        officeHint.setText(m.get("ui.uploadSettings.officeHint"));
        Button export = new Button(m.get("ui.uploadSettings.export"));
        export.setId("usExport");
        export.disableProperty().bind(vm.busyProperty().or(vm.exportDisabledProperty()));
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(m.get("ui.uploadSettings.export"));
            fc.setInitialFileName(vm.suggestedExportName());
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.exportOfficeKey(f.toPath());
            }
        });

        getChildren().addAll(title, intro, grid, actions, message, new Separator(), officeTitle, fingerprint,
                officeHint, export);
        vm.load();
    }

    /** The settings in a dialog over {@code owner}, closed with 关闭. */
    public static void showDialog(UploadSettingsViewModel vm, Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(vm.messages().get("ui.uploadSettings.title"));
        dialog.setResizable(true);
        ButtonType close = new ButtonType(vm.messages().get("ui.uploadSettings.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);
        dialog.getDialogPane().setStyle(Fonts.rootStyle());
        dialog.getDialogPane().setId("uploadSettingsDialog");
        dialog.getDialogPane().setContent(new UploadSettingsView(vm));
        ((Button) dialog.getDialogPane().lookupButton(close)).setId("usClose");
        dialog.show();
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        GridPane.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    private static Label muted(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setStyle(Styles.MUTED_TEXT);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private Button chooser(String id, Messages m, StringProperty target, String title,
            FileChooser.ExtensionFilter filter) {
        Button b = new Button(m.get("ui.uploadSettings.choose"));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(title);
            fc.getExtensionFilters().addAll(filter,
                    new FileChooser.ExtensionFilter(m.get("ui.uploadSettings.allFiles"), "*.*"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                target.set(f.getAbsolutePath());
            }
        });
        return b;
    }
}
