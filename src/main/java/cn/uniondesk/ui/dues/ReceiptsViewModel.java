package cn.uniondesk.ui.dues;

import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.report.ReceiptPdf;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.ReceiptInfo;
import cn.uniondesk.service.NotFoundException;
import cn.uniondesk.service.UnionService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.DocumentOpener;
import cn.uniondesk.ui.common.ErrorText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 收据: the year's receipts (voided ones stay, marked), 打开/打印 (the PDF written to a folder and
 * opened with the system viewer through {@link DocumentOpener}) and 作废 with a required reason.
 */
public final class ReceiptsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptsViewModel.class);
    /** The void reason is stored in a column of this size. */
    static final int MAX_REASON = 200;

    private final DuesService dues;
    private final UnionService union;
    private final DocumentOpener opener;
    private final Path outputDir;
    private final BackgroundExecutor executor;
    private final Messages messages;

    private final IntegerProperty year = new SimpleIntegerProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ReceiptInfo> selected = new SimpleObjectProperty<>();
    private final List<ReceiptInfo> all = new ArrayList<>();
    private final ObservableList<ReceiptInfo> rows = FXCollections.observableArrayList();
    private final ObservableList<ReceiptInfo> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canVoid = new ReadOnlyBooleanWrapper(false);
    private final AtomicLong generation = new AtomicLong();
    private boolean active;

    /**
     * @param outputDir where receipt PDFs are written before they are opened (created when missing)
     */
    public ReceiptsViewModel(DuesService dues, UnionService union, DocumentOpener opener, Path outputDir,
            BackgroundExecutor executor, Messages messages, int year) {
        this.dues = dues;
        this.union = union;
        this.opener = opener;
        this.outputDir = outputDir;
        this.executor = executor;
        this.messages = messages;
        this.year.set(year);
        this.year.addListener((o, a, b) -> {
            if (active && !a.equals(b)) {
                refresh();
            }
        });
        search.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, b) -> updateActions());
        busy.addListener((o, a, b) -> updateActions());
        readOnly.addListener((o, a, b) -> updateActions());
    }

    /** Loads the year's receipts; called when the tab is shown. */
    public void activate() {
        active = true;
        refresh();
    }

    public void deactivate() {
        active = false;
        generation.incrementAndGet();
    }

    /** For roles that may not write: 作废 is shown disabled (the service refuses it anyway). */
    public void setReadOnly(boolean value) {
        readOnly.set(value);
    }

    public void refresh() {
        long gen = generation.incrementAndGet();
        int y = year.get();
        busy.set(true);
        executor.run(() -> dues.receipts(y), list -> {
            if (gen != generation.get()) {
                return;
            }
            busy.set(false);
            ReceiptInfo was = selected.get();
            all.clear();
            all.addAll(list);
            applyFilter();
            if (was != null) {
                rows.stream().filter(r -> r.number().equals(was.number())).findFirst().ifPresent(selected::set);
            }
        }, e -> {
                if (gen == generation.get()) {
                    fail(e);
                }
            });
    }

    private void applyFilter() {
        String q = TextNormalizer.compact(search.get() == null ? "" : search.get()).toLowerCase(Locale.ROOT);
        rows.setAll(all.stream().filter(r -> q.isEmpty() || r.number().contains(q)
                || r.memberName().toLowerCase(Locale.ROOT).contains(q)
                || (r.cardNo() != null && r.cardNo().toLowerCase(Locale.ROOT).contains(q))).toList());
        if (selected.get() != null && !rows.contains(selected.get())) {
            selected.set(null);
        }
        long validFen = 0;
        int voided = 0;
        for (ReceiptInfo r : all) {
            if (r.voided()) {
                voided++;
            } else {
                validFen += r.amountFen();
            }
        }
        summary.set(messages.get("ui.dues.receipts.summary", year.get(), all.size(), voided,
                DuesViewModel.yuan(validFen), rows.size()));
    }

    private void updateActions() {
        ReceiptInfo r = selected.get();
        canOpen.set(r != null && !busy.get());
        canVoid.set(r != null && !r.voided() && !busy.get() && !readOnly.get());
    }

    // --- open / print -----------------------------------------------------------------------------

    /** 打开/打印 the selected receipt. */
    public void openSelected() {
        ReceiptInfo r = selected.get();
        if (r != null) {
            open(r.number());
        }
    }

    /**
     * Writes receipt {@code number} as a PDF into the output folder and opens it with the system
     * viewer (from where it is printed). Works for a voided receipt too: the PDF shows 作废.
     */
    public void open(String number) {
        if (number == null || number.isBlank()) {
            return;
        }
        busy.set(true);
        executor.run(() -> {
            ReceiptInfo r = dues.receiptInfo(number)
                    .orElseThrow(() -> new NotFoundException("dues.receiptNotFound", number));
            String unionName = union.union().map(u -> u.name()).orElse("");
            return writePdf(r, unionName);
        }, path -> {
                busy.set(false);
                error.set("");
                message.set(messages.get("ui.dues.receipts.opened", number, path.toString()));
                try {
                    opener.open(path);
                } catch (RuntimeException e) {
                    LOG.warn("Opening {} failed", path, e);
                    message.set("");
                    error.set(messages.get("ui.dues.receipts.openFailed", path.toString()));
                }
            }, this::fail);
    }

    private Path writePdf(ReceiptInfo r, String unionName) throws IOException {
        Files.createDirectories(outputDir);
        ReceiptPdf.Data data = new ReceiptPdf.Data(unionName, r.number(), r.issuedOn(), r.memberName(), r.cardNo(),
                r.months(), r.amountFen(), r.issuedBy(), r.voided(), r.voidReason());
        String base = messages.get("ui.dues.receipts.fileName", r.number());
        UncheckedIOException last = null;
        // a viewer may hold the earlier copy open (Windows locks it): then write beside it
        for (int i = 1; i <= 5; i++) {
            Path out = outputDir.resolve(i == 1 ? base + ".pdf" : base + "-" + i + ".pdf");
            try {
                ReceiptPdf.write(data, out);
                return out;
            } catch (UncheckedIOException e) {
                last = e;
            }
        }
        throw last;
    }

    // --- void -------------------------------------------------------------------------------------

    /** What is wrong with a void reason as typed, or an empty string when it will do. */
    public String voidReasonProblem(String reason) {
        String r = TextNormalizer.normalize(reason == null ? "" : reason);
        if (r.isEmpty()) {
            return messages.get("ui.dues.receipts.reasonRequired");
        }
        if (r.length() > MAX_REASON) {
            return messages.get("ui.dues.receipts.reasonTooLong", MAX_REASON);
        }
        return "";
    }

    /** The question the confirmation dialog asks before voiding the selected receipt. */
    public String voidConfirmText(String reason) {
        ReceiptInfo r = selected.get();
        return r == null ? "" : messages.get("ui.dues.receipts.voidConfirm", r.number(), r.memberName(),
                DuesViewModel.yuan(r.amountFen()), TextNormalizer.normalize(reason));
    }

    /** 作废 the selected receipt with {@code reason}: it stays in the list, marked void. */
    public boolean voidSelected(String reason) {
        ReceiptInfo r = selected.get();
        if (r == null || !canVoid.get()) {
            return false;
        }
        String problem = voidReasonProblem(reason);
        if (!problem.isEmpty()) {
            error.set(problem);
            return false;
        }
        String why = TextNormalizer.normalize(reason);
        busy.set(true);
        executor.run(() -> dues.voidReceipt(r.year(), r.seq(), why), reversed -> {
                busy.set(false);
                error.set("");
                message.set(messages.get("ui.dues.receipts.voided", r.number(), DuesViewModel.yuan(reversed)));
                refresh();
            }, this::fail);
        return true;
    }

    private void fail(Throwable e) {
        busy.set(false);
        if (ErrorText.refusal(e, messages) == null) {
            LOG.error("Receipts: background work failed", e);
        }
        message.set("");
        error.set(ErrorText.of(e, messages));
    }

    // --- properties -------------------------------------------------------------------------------

    public IntegerProperty yearProperty() {
        return year;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<ReceiptInfo> selectedProperty() {
        return selected;
    }

    public ObservableList<ReceiptInfo> rows() {
        return rowsView;
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

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenProperty() {
        return canOpen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canVoidProperty() {
        return canVoid.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
