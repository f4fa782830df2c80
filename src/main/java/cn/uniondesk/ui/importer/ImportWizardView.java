package cn.uniondesk.ui.importer;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.MemberExportService;
import cn.uniondesk.service.MemberImportService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The import wizard as a code-built pane (put it in a Dialog or Stage). Every text comes from
 * the message bundle; all work goes through the {@link ImportWizardViewModel}.
 */
public final class ImportWizardView extends BorderPane {
    private final ImportWizardViewModel vm;
    private final Messages m;

    public ImportWizardView(MemberImportService service, Messages messages, BackgroundExecutor executor) {
        this.m = messages;
        Path reportDir = Path.of(System.getProperty("java.io.tmpdir"));
        this.vm = new ImportWizardViewModel(service, messages, executor, reportDir, f -> open(executor, f));
        setPadding(new Insets(12));
        setPrefWidth(720);

        Label steps = new Label();
        steps.textProperty().bind(Bindings.createStringBinding(() -> stepTitle(vm.stepProperty().get()),
                vm.stepProperty()));
        steps.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");

        Label fileLabel = new Label(m.get("import.wizard.noFile"));
        vm.fileProperty().addListener((o, a, b) -> fileLabel.setText(b == null ? m.get("import.wizard.noFile")
                : b.getFileName().toString()));
        Button choose = new Button(m.get("import.wizard.chooseFile"));
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("import.wizard.fileFilter"),
                    "*.xlsx", "*.xls", "*.csv"));
            File f = fc.showOpenDialog(window());
            if (f != null) {
                vm.chooseFile(f.toPath());
            }
        });
        Button template = new Button(m.get("import.wizard.template"));
        template.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(m.get("export.template.sheet") + ".xlsx");
            File f = fc.showSaveDialog(window());
            if (f != null) {
                executor.run(() -> {
                    MemberExportService.writeTemplate(f.toPath(), m);
                    return f.toPath();
                }, p -> open(executor, p), err -> vm.messageProperty().set(String.valueOf(err.getMessage())));
            }
        });
        HBox fileRow = new HBox(8, choose, fileLabel, template);

        ComboBox<String> sheetBox = new ComboBox<>(vm.sheets());
        sheetBox.valueProperty().bindBidirectional(vm.sheetProperty());
        Button check = new Button(m.get("import.wizard.check"));
        check.setOnAction(e -> vm.check());
        HBox sheetRow = new HBox(8, new Label(m.get("import.wizard.sheet")), sheetBox, check);
        sheetRow.visibleProperty().bind(vm.stepProperty().isNotEqualTo(ImportWizardViewModel.Step.FILE));

        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        Hyperlink openReport = new Hyperlink(m.get("import.wizard.openReport"));
        openReport.setOnAction(e -> vm.openReport());
        openReport.visibleProperty().bind(vm.reportFileProperty().isNotNull());

        CheckBox validOnly = new CheckBox(m.get("import.wizard.validOnly"));
        validOnly.selectedProperty().bindBidirectional(vm.validOnlyProperty());
        Label allOrNothing = new Label(m.get("import.wizard.allOrNothing"));
        CheckBox update = new CheckBox(m.get("import.wizard.updateExisting"));
        update.selectedProperty().bindBidirectional(vm.updateExistingProperty());
        Label rule = new Label(vm.duplicateRule());
        rule.setWrapText(true);
        CheckBox createDepts = new CheckBox();
        createDepts.selectedProperty().bindBidirectional(vm.createDepartmentsProperty());
        createDepts.textProperty().bind(Bindings.createStringBinding(() -> {
            Set<String> names = vm.reportProperty().get() == null ? Set.of() : vm.reportProperty().get().newDepartments();
            return m.get("import.wizard.createDepartments", String.join(m.get("import.issue.separator"), names));
        }, vm.reportProperty()));
        VBox options = new VBox(6, allOrNothing, validOnly, update, rule, createDepts);
        options.visibleProperty().bind(vm.reportProperty().isNotNull());

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(vm.stepProperty().isEqualTo(ImportWizardViewModel.Step.COMMIT));
        Label progressText = new Label();
        progressText.textProperty().bind(vm.progressTextProperty());
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);

        Button commit = new Button(m.get("import.wizard.commit"));
        commit.setDefaultButton(true);
        commit.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canCommit(), vm.reportProperty(),
                vm.busyProperty(), vm.stepProperty(), vm.validOnlyProperty()));
        commit.setOnAction(e -> vm.commit());
        Button cancel = new Button(m.get("import.wizard.cancel"));
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button(m.get("import.wizard.close"));
        close.disableProperty().bind(vm.busyProperty());
        close.setOnAction(e -> {
            Window w = window();
            if (w != null) {
                w.hide();
            }
        });
        HBox buttons = new HBox(8, commit, cancel, close);

        setTop(steps);
        setCenter(new VBox(10, fileRow, sheetRow, summary, openReport, options, bar, progressText, message));
        setBottom(buttons);
        BorderPane.setMargin(buttons, new Insets(10, 0, 0, 0));
    }

    /** Shows the wizard in its own window above {@code owner} (the shell wires this to its menu later). */
    public javafx.stage.Stage showIn(Window owner) {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(owner);
        stage.initModality(javafx.stage.Modality.WINDOW_MODAL);
        stage.setTitle(m.get("import.wizard.title"));
        stage.setScene(new javafx.scene.Scene(this));
        stage.setOnCloseRequest(e -> {
            if (vm.busyProperty().get()) {
                vm.cancel(); // cooperative: the work stops at its next check and rolls back
                e.consume();
            }
        });
        stage.show();
        return stage;
    }

    public ImportWizardViewModel viewModel() {
        return vm;
    }

    private String stepTitle(ImportWizardViewModel.Step s) {
        switch (s) {
            case FILE:
                return m.get("import.wizard.step.file");
            case SHEET:
                return m.get("import.wizard.step.sheet");
            case CHECK:
                return m.get("import.wizard.step.check");
            case OPTIONS:
                return m.get("import.wizard.step.options");
            default:
                return m.get("import.wizard.step.commit");
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Opens a file with the system's program (Excel, WPS…), never on the FX thread; headless: does nothing. */
    private void open(BackgroundExecutor executor, Path file) {
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        executor.run(() -> {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(file.toFile());
            }
            return null;
        }, ok -> { }, e -> vm.messageProperty().set(m.get("import.wizard.reportFailed", String.valueOf(e.getMessage()))));
    }
}
