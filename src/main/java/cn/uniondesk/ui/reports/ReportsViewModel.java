package cn.uniondesk.ui.reports;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.PermissionDeniedException;
import cn.uniondesk.service.report.ReportService;
import cn.uniondesk.service.report.ReportSheet;
import cn.uniondesk.service.report.YearlySummary;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.DocumentPrinter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 报表: pick a month (or a statistical year), build the set (one workbook, one PDF) in the
 * background, then open the PDF, print it, or open the workbook with the system's programs.
 */
public final class ReportsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ReportsViewModel.class);

    private final ReportService reports;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final DocumentPrinter opener;
    private final Path outDir;

    private final StringProperty month = new SimpleStringProperty();
    private final StringProperty year = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> pdf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> xlsx = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> checks = FXCollections.observableArrayList();

    public ReportsViewModel(ReportService reports, BackgroundExecutor executor, Messages messages,
            DocumentPrinter opener, Path outDir, LocalDate today) {
        this.reports = reports;
        this.executor = executor;
        this.messages = messages;
        this.opener = opener;
        this.outDir = outDir;
        month.set(YearMonth.from(today).minusMonths(1).toString());
        year.set(Integer.toString(YearlySummary.statisticalYearOf(today) - 1));
    }

    /** Builds the monthly set for the month typed (YYYY-MM). */
    public void buildMonthly() {
        YearMonth m;
        try {
            m = YearMonth.parse(month.get() == null ? "" : month.get().strip());
        } catch (DateTimeParseException e) {
            error.set(messages.get("dues.badMonth", month.get()));
            return;
        }
        build(() -> reports.writeMonthly(m, outDir, EnumSet.allOf(ReportService.Format.class)),
                messages.get("ui.reports.monthlyDone", Integer.toString(m.getYear()), m.getMonthValue()));
    }

    /** Builds the yearly summary for the statistical year typed. */
    public void buildYearly() {
        int y;
        try {
            y = Integer.parseInt(year.get() == null ? "" : year.get().strip());
        } catch (NumberFormatException e) {
            y = -1;
        }
        if (y < 2000 || y > 2100) {
            error.set(messages.get("cli.report.badYear", year.get()));
            return;
        }
        int fy = y;
        build(() -> reports.writeYearly(fy, outDir, EnumSet.allOf(ReportService.Format.class)),
                messages.get("ui.reports.yearlyDone", Integer.toString(fy)));
    }

    private void build(java.util.concurrent.Callable<ReportService.Written> work, String done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        status.set(messages.get("ui.reports.building"));
        executor.run(work, w -> {
            busy.set(false);
            pdf.set(w.pdf());
            xlsx.set(w.xlsx());
            List<String> lines = new ArrayList<>();
            for (ReportSheet.Check c : w.failedChecks()) {
                lines.add(messages.get("cli.report.checkFailed", c.rule(), c.figures()));
            }
            checks.setAll(lines);
            status.set(done + " " + (lines.isEmpty() ? messages.get("ui.reports.checksOk")
                    : messages.get("ui.reports.checksFailed", lines.size())));
        }, e -> {
                busy.set(false);
                status.set("");
                fail(e);
            });
    }

    public void openPdf() {
        hand(pdf.get(), false);
    }

    public void printPdf() {
        hand(pdf.get(), true);
    }

    public void openXlsx() {
        hand(xlsx.get(), false);
    }

    private void hand(Path file, boolean print) {
        if (file == null) {
            return;
        }
        executor.run(() -> {
            if (print) {
                opener.print(file);
            } else {
                opener.open(file);
            }
            return file;
        }, f -> status.set(messages.get(print ? "ui.reports.sentToPrinter" : "ui.reports.opened", f.getFileName())),
                e -> {
                    LOG.warn("Handing {} to the system failed: {}", file, e.toString());
                    error.set(messages.get("ui.reports.openFailed", file.toString()));
                });
    }

    private void fail(Throwable e) {
        if (e instanceof PermissionDeniedException p) {
            error.set(messages.get("permission.denied", messages.get("role." + p.role())));
            return;
        }
        LOG.error("Reports: building failed", e);
        error.set(messages.get("ui.error.unexpected", e.getClass().getSimpleName()));
    }

    public StringProperty monthProperty() {
        return month;
    }

    public StringProperty yearProperty() {
        return year;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> pdfProperty() {
        return pdf.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> xlsxProperty() {
        return xlsx.getReadOnlyProperty();
    }

    public ObservableList<String> checks() {
        return FXCollections.unmodifiableObservableList(checks);
    }

    public Path outDir() {
        return outDir;
    }

    public Messages messages() {
        return messages;
    }
}
