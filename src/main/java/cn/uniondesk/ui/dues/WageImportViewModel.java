package cn.uniondesk.ui.dues;

import cn.uniondesk.domain.Money;
import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.WageImportService;
import cn.uniondesk.service.WageImportService.Kind;
import cn.uniondesk.service.WageImportService.Line;
import cn.uniondesk.service.WageImportService.Report;
import cn.uniondesk.service.WageImportService.Warning;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 工资表导入: pick a wage sheet and the month its wages apply from; the check (a dry run) lists
 * every row that needs attention with the back-dues (补交) a past-dated change produces; 写入
 * stores the changes in one transaction, and books the back-dues only when that box is ticked.
 * Nothing is written while a row is an error.
 */
public final class WageImportViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WageImportViewModel.class);

    /** One row of the check as the table shows it. */
    public record Row(int rowNumber, String name, String cardNo, String result, String oldWage, String newWage,
            String from, String backDues, String note, boolean error, boolean warning) {
    }

    private final WageImportService service;
    private final BackgroundExecutor executor;
    private final Messages messages;

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty monthText = new SimpleStringProperty("");
    private final BooleanProperty bookBackDues = new SimpleBooleanProperty(false);
    private final BooleanProperty showUnchanged = new SimpleBooleanProperty(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private Report report;
    private YearMonth checkedMonth;
    private Runnable onApplied = () -> { };

    public WageImportViewModel(WageImportService service, BackgroundExecutor executor, Messages messages,
            YearMonth month) {
        this.service = service;
        this.executor = executor;
        this.messages = messages;
        monthText.set(month.toString());
        file.addListener((o, a, b) -> invalidate());
        monthText.addListener((o, a, b) -> invalidate());
        showUnchanged.addListener((o, a, b) -> {
            if (report != null) {
                rows.setAll(rowsOf(report));
            }
        });
    }

    private void invalidate() {
        report = null;
        canApply.set(false);
        rows.clear();
        summary.set("");
    }

    /** Checks the chosen file (writes nothing). */
    public void check() {
        Path f = file.get();
        if (f == null) {
            error.set(messages.get("ui.dues.wage.noFile.check"));
            return;
        }
        YearMonth m = month();
        if (m == null) {
            return;
        }
        busy.set(true);
        message.set("");
        error.set("");
        executor.run(() -> service.dryRun(f, m), r -> {
            busy.set(false);
            show(r, m);
        }, this::fail);
    }

    /** Writes the changes of the last check (the service checks the file again). */
    public void apply() {
        Report r = report;
        Path f = file.get();
        if (r == null || f == null || !canApply.get()) {
            return;
        }
        YearMonth m = checkedMonth;
        boolean book = bookBackDues.get();
        busy.set(true);
        canApply.set(false);
        executor.run(() -> service.apply(f, m, book), done -> {
            busy.set(false);
            report = null;
            message.set(messages.get("ui.dues.wage.applied", done.changed().size(), done.backDuesBooked()
                    ? messages.get("ui.dues.wage.appliedBack", yuan(done.backDuesTotalFen())) : ""));
            rows.clear();
            summary.set("");
            onApplied.run();
        }, this::fail);
    }

    private YearMonth month() {
        try {
            return YearMonth.parse(monthText.get() == null ? "" : monthText.get().strip());
        } catch (DateTimeParseException e) {
            error.set(messages.get("dues.badMonth", monthText.get()));
            return null;
        }
    }

    private void show(Report r, YearMonth m) {
        report = r;
        checkedMonth = m;
        rows.setAll(rowsOf(r));
        String s = messages.get("ui.dues.wage.summary", r.count(Kind.CHANGED), r.count(Kind.UNCHANGED),
                r.count(Kind.NOT_FOUND), r.count(Kind.NOT_A_MEMBER), r.count(Kind.DUPLICATE), r.errors().size(),
                r.warnings());
        if (!r.backDues().isEmpty()) {
            s += messages.get("ui.dues.wage.backTotal", r.backDues().size(), r.backDuesMonths(),
                    yuan(r.backDuesTotalFen()));
        }
        summary.set(s);
        if (r.hasErrors()) {
            error.set(messages.get("dues.wage.hasErrors", r.errors().size(), String.valueOf(r.errors().get(0).rowNumber())));
        } else if (r.changed().isEmpty()) {
            message.set(messages.get("dues.wage.nothing"));
        }
        canApply.set(!r.hasErrors() && !r.changed().isEmpty() && !readOnly.get());
    }

    private List<Row> rowsOf(Report r) {
        List<Row> out = new ArrayList<>();
        for (Line l : r.lines()) {
            if (l.kind() == Kind.UNCHANGED && l.warnings().isEmpty() && !showUnchanged.get()) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            for (Warning w : l.warnings()) {
                notes.add(switch (w) {
                    case NAME_MISMATCH -> messages.get("ui.dues.wage.warn.NAME_MISMATCH", l.registerName());
                    case ID_INVALID -> messages.get("ui.dues.wage.warn.ID_INVALID");
                });
            }
            String result = switch (l.kind()) {
                case CHANGED -> messages.get("ui.dues.wage.kind.CHANGED");
                case UNCHANGED -> messages.get("ui.dues.wage.kind.UNCHANGED");
                case NOT_FOUND -> messages.get("ui.dues.wage.kind.NOT_FOUND");
                case NOT_A_MEMBER -> messages.get("ui.dues.wage.kind.NOT_A_MEMBER",
                        messages.get("status." + l.detail()));
                case DUPLICATE -> messages.get("ui.dues.wage.kind.DUPLICATE", String.valueOf(l.firstRow()));
                case DUPLICATE_CONFLICT -> messages.get("ui.dues.wage.kind.DUPLICATE_CONFLICT", String.valueOf(l.firstRow()));
                case INVALID_AMOUNT -> messages.get("ui.dues.wage.kind.INVALID_AMOUNT", l.detail());
                case INVALID_MONTH -> messages.get("ui.dues.wage.kind.INVALID_MONTH", l.detail());
            };
            out.add(new Row(l.rowNumber(), l.name(), l.cardNo() == null ? "" : l.cardNo(), result,
                    l.oldFen() == null ? "" : yuan(l.oldFen()), l.newFen() == null ? "" : yuan(l.newFen()),
                    l.from() == null ? "" : l.from().toString(), l.backDuesFen() == 0 ? "" : yuan(l.backDuesFen()),
                    String.join(messages.get("ui.dues.wage.noteJoin"), notes), l.kind().error(), !l.warnings().isEmpty()));
        }
        return out;
    }

    private void fail(Throwable e) {
        busy.set(false);
        canApply.set(false);
        message.set("");
        if (e instanceof UnusableFileException u) {
            error.set(messages.get("ui.dues.wage.unusable", file.get() == null ? "" : file.get().getFileName(),
                    messages.get(u.messageKey(), u.args().toArray())));
            return;
        }
        if (ErrorText.refusal(e, messages) == null) {
            LOG.error("Wage import failed", e);
        }
        error.set(ErrorText.of(e, messages));
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    /** Run after a successful write (the dues screen reloads). */
    public void setOnApplied(Runnable r) {
        onApplied = r == null ? () -> { } : r;
    }

    /** For roles that may not write: the check works, 写入 stays disabled. */
    public void setReadOnly(boolean value) {
        readOnly.set(value);
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty monthTextProperty() {
        return monthText;
    }

    public BooleanProperty bookBackDuesProperty() {
        return bookBackDues;
    }

    public BooleanProperty showUnchangedProperty() {
        return showUnchanged;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
