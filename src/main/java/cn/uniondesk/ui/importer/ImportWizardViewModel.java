package cn.uniondesk.ui.importer;

import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.ImportCancelledException;
import cn.uniondesk.service.ImportOptions;
import cn.uniondesk.service.ImportReport;
import cn.uniondesk.service.MemberImportService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import wizard's state: choose file → choose sheet → dry-run summary (and the report
 * workbook) → options → commit with progress and a cooperative cancel. All work runs through
 * the {@link BackgroundExecutor}; nothing here touches a window, so it is tested without one.
 */
public final class ImportWizardViewModel {
    public enum Step { FILE, SHEET, CHECK, OPTIONS, COMMIT, DONE }

    private final MemberImportService service;
    private final Messages messages;
    private final BackgroundExecutor executor;
    private final Path reportDir;
    private final Consumer<Path> reportOpener;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FILE);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final StringProperty sheet = new SimpleStringProperty();
    private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportReport> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> reportFile = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty validOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty updateExisting = new SimpleBooleanProperty(false);
    private final BooleanProperty createDepartments = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final AtomicBoolean cancel = new AtomicBoolean();

    /**
     * @param reportDir    where the dry-run report workbook is written
     * @param reportOpener opens the report (the view passes a desktop opener guarded for headless)
     */
    public ImportWizardViewModel(MemberImportService service, Messages messages, BackgroundExecutor executor,
            Path reportDir, Consumer<Path> reportOpener) {
        this.service = service;
        this.messages = messages;
        this.executor = executor;
        this.reportDir = reportDir;
        this.reportOpener = reportOpener;
        // the options change what the dry run says (new departments, updates): check again
        createDepartments.addListener((o, a, b) -> recheck());
        updateExisting.addListener((o, a, b) -> recheck());
    }

    /** Step 1: a file was chosen; its sheets are listed and the first with data is proposed. */
    public void chooseFile(Path chosen) {
        file.set(chosen);
        report.set(null);
        result.set(null);
        message.set("");
        busy.set(true);
        executor.run(() -> List.of(service.sheets(chosen), List.of(service.defaultSheet(chosen))), r -> {
            busy.set(false);
            sheets.setAll(r.get(0));
            sheet.set(r.get(1).get(0));
            step.set(Step.SHEET);
            if (sheets.size() == 1) {
                check();
            }
        }, this::failed);
    }

    /** Step 2 → 3: the dry run on the chosen sheet; writes the report workbook. */
    public void check() {
        Path f = file.get();
        if (f == null || busy.get() && step.get() == Step.CHECK) {
            return;
        }
        step.set(Step.CHECK);
        busy.set(true);
        cancel.set(false);
        ImportOptions opts = options();
        String chosenSheet = sheet.get();
        executor.run(() -> {
            ImportReport r = service.dryRun(f, chosenSheet, opts, (done, total) -> executor.onUiThread(
                    () -> progressText.set(messages.get("import.wizard.checking", done))), cancel::get);
            Path out = reportDir.resolve(baseName(f) + "-report.xlsx");
            service.writeReport(r, messages, out);
            return new Object[] {r, out};
        }, res -> {
            busy.set(false);
            ImportReport r = (ImportReport) res[0];
            report.set(r);
            reportFile.set((Path) res[1]);
            summary.set(summaryOf(r));
            progressText.set("");
            step.set(Step.OPTIONS);
        }, this::failed);
    }

    private void recheck() {
        if (report.get() != null && step.get() == Step.OPTIONS && !busy.get()) {
            check();
        }
    }

    public String summaryOf(ImportReport r) {
        return messages.get("import.wizard.summary", r.total(), r.ok(), r.warnings(), r.errors(),
                r.count(ImportReport.Action.NEW), r.count(ImportReport.Action.UPDATE),
                r.count(ImportReport.Action.SKIP) + r.count(ImportReport.Action.UNCHANGED));
    }

    /** Opens the report workbook written by the dry run. */
    public void openReport() {
        if (reportFile.get() != null) {
            reportOpener.accept(reportFile.get());
        }
    }

    /** True when the commit may start: checked, and either no errors or "valid only" chosen. */
    public boolean canCommit() {
        ImportReport r = report.get();
        return r != null && !busy.get() && step.get() == Step.OPTIONS && (r.errors() == 0 || validOnly.get())
                && r.changes() > 0;
    }

    /** Step 5: writes in one transaction, with progress; {@link #cancel()} rolls it back. */
    public void commit() {
        if (!canCommit()) {
            return;
        }
        ImportReport checked = report.get();
        step.set(Step.COMMIT);
        busy.set(true);
        cancel.set(false);
        progress.set(0);
        ImportOptions opts = options();
        executor.run(() -> service.commit(file.get(), sheet.get(), opts, checked.total(), (done, total) ->
                executor.onUiThread(() -> {
                    progress.set(total > 0 ? (double) done / total : -1);
                    progressText.set(messages.get("import.wizard.progress", done, total));
                }), cancel::get), r -> {
                    busy.set(false);
                    result.set(r);
                    if (r.committed()) {
                        progress.set(1);
                        message.set(messages.get("import.wizard.done", r.imported(), r.updated(), r.skipped()));
                    } else {
                        message.set(messages.get("import.wizard.rejected", r.errors()));
                    }
                    step.set(Step.DONE);
                }, this::failed);
    }

    /** Asks the running work to stop at its next check; the database is left as it was. */
    public void cancel() {
        cancel.set(true);
    }

    private void failed(Throwable e) {
        busy.set(false);
        progressText.set("");
        if (e instanceof ImportCancelledException) {
            message.set(messages.get("import.wizard.cancelled"));
            step.set(report.get() != null ? Step.OPTIONS : Step.FILE);
        } else if (e instanceof UnusableFileException) {
            UnusableFileException u = (UnusableFileException) e;
            message.set(messages.get("import.wizard.unusable", messages.get(u.messageKey(), u.args().toArray())));
            step.set(Step.FILE);
        } else {
            message.set(messages.get("import.wizard.failed", String.valueOf(e.getMessage())));
            step.set(report.get() != null ? Step.OPTIONS : Step.FILE);
        }
    }

    private ImportOptions options() {
        return new ImportOptions(validOnly.get(), updateExisting.get(), createDepartments.get());
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The rule for ID numbers already registered, shown on the options step. */
    public String duplicateRule() {
        return messages.get("import.rule.duplicates");
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObservableList<String> sheets() {
        return sheets;
    }

    public StringProperty sheetProperty() {
        return sheet;
    }

    public ObjectProperty<ImportReport> reportProperty() {
        return report;
    }

    public ObjectProperty<ImportReport> resultProperty() {
        return result;
    }

    public ObjectProperty<Path> reportFileProperty() {
        return reportFile;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty validOnlyProperty() {
        return validOnly;
    }

    public BooleanProperty updateExistingProperty() {
        return updateExisting;
    }

    public BooleanProperty createDepartmentsProperty() {
        return createDepartments;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }
}
