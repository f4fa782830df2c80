package cn.uniondesk.ui.dues;

import cn.uniondesk.excel.PayrollSheet;
import cn.uniondesk.excel.UnusableFileException;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.Mismatch;
import cn.uniondesk.service.DuesService.MismatchKind;
import cn.uniondesk.service.DuesService.PayrollDeduction;
import cn.uniondesk.service.DuesService.Reconciliation;
import cn.uniondesk.service.RuleViolationException;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 代扣对账: the month's payroll deduction sheet matched against the roll. Every mismatch is a
 * line with its proposed adjustment and a check box (proposals checked by default); 确认入账
 * books the matching deductions and only the checked adjustments, once per month. Reading the
 * sheet and reconciling write nothing; all work runs through the injected executor.
 */
public final class ReconciliationViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationViewModel.class);

    /** One mismatch as the table shows it; {@link #acceptedProperty} is the clerk's check box. */
    public static final class Line {
        private final Mismatch mismatch;
        private final boolean actionable;
        private final String kindText;
        private final String proposalText;
        private final BooleanProperty accepted = new SimpleBooleanProperty();

        Line(Mismatch mismatch, boolean actionable, String kindText, String proposalText) {
            this.mismatch = mismatch;
            this.actionable = actionable;
            this.kindText = kindText;
            this.proposalText = proposalText;
            accepted.set(actionable);
        }

        public Mismatch mismatch() {
            return mismatch;
        }

        /** True when the line has an adjustment to confirm; the others are for information only. */
        public boolean actionable() {
            return actionable;
        }

        public String kindText() {
            return kindText;
        }

        public String proposalText() {
            return proposalText;
        }

        public String rowText() {
            return mismatch.rowNumber() == null ? "" : mismatch.rowNumber().toString();
        }

        public BooleanProperty acceptedProperty() {
            return accepted;
        }

        public boolean accepted() {
            return actionable && accepted.get();
        }
    }

    private final DuesService dues;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final LocalDate today;

    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper fileText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<MismatchKind> kindFilter = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Reconciliation> result = new ReadOnlyObjectWrapper<>();
    private final List<Line> allLines = new ArrayList<>();
    private final ObservableList<Line> rows = FXCollections.observableArrayList();
    private final ObservableList<Line> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Map<MismatchKind, Integer> kindCounts = new EnumMap<>(MismatchKind.class);
    private final ReadOnlyStringWrapper sheetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper matchedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mismatchedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bookText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper booked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canBook = new ReadOnlyBooleanWrapper(false);
    private final AtomicLong generation = new AtomicLong();
    private long sheetTotalFen;
    private Runnable onBooked = () -> { };

    public ReconciliationViewModel(DuesService dues, BackgroundExecutor executor, Messages messages, LocalDate today) {
        this.dues = dues;
        this.executor = executor;
        this.messages = messages;
        this.today = today;
        month.set(YearMonth.from(today));
        month.addListener((o, a, b) -> {
            if (b != null && !b.equals(a) && file.get() != null) {
                reconcile();
            } else {
                clear();
            }
        });
        kindFilter.addListener((o, a, b) -> applyFilter());
        busy.addListener((o, a, b) -> updateCanBook());
        readOnly.addListener((o, a, b) -> updateCanBook());
        booked.addListener((o, a, b) -> updateCanBook());
        result.addListener((o, a, b) -> updateCanBook());
    }

    /** What happens after a booking (the dues screen reloads its figures). */
    public void setOnBooked(Runnable action) {
        this.onBooked = action == null ? () -> { } : action;
    }

    /** For roles that may not write: the sheet can be checked, 确认入账 is disabled. */
    public void setReadOnly(boolean value) {
        readOnly.set(value);
    }

    // --- reading and matching ---------------------------------------------------------------------

    /** The clerk picked the month's payroll deduction sheet: read it and match it against the roll. */
    public void chooseFile(Path path) {
        file.set(path);
        fileText.set(path == null ? "" : path.getFileName().toString());
        reconcile();
    }

    private record Loaded(Reconciliation reconciliation, long sheetTotalFen, int sheetLines, boolean alreadyBooked) {
    }

    /** Reads the chosen sheet again and matches it against the month's roll (writes nothing). */
    public void reconcile() {
        Path f = file.get();
        YearMonth m = month.get();
        clear();
        if (f == null || m == null) {
            return;
        }
        long gen = generation.incrementAndGet();
        busy.set(true);
        executor.run(() -> {
            List<PayrollSheet.Line> lines = PayrollSheet.read(f, null);
            List<PayrollDeduction> deductions = lines.stream().map(l -> new PayrollDeduction(l.rowNumber(), l.name(),
                    l.idNumber(), l.cardNo(), l.amountFen())).toList();
            long total = lines.stream().mapToLong(l -> Math.max(0, l.amountFen())).sum();
            Reconciliation r = dues.reconcile(m, deductions);
            return new Loaded(r, total, lines.size(), dues.payrollBooked(m));
        }, loaded -> {
                if (gen == generation.get()) {
                    busy.set(false);
                    show(loaded);
                }
            }, e -> {
                if (gen == generation.get()) {
                    fail(e, f);
                }
            });
    }

    private void clear() {
        generation.incrementAndGet();
        result.set(null);
        allLines.clear();
        rows.clear();
        kindCounts.clear();
        sheetTotalFen = 0;
        sheetText.set("");
        matchedText.set("");
        mismatchedText.set("");
        bookText.set("");
        warning.set("");
        error.set("");
        booked.set(false);
        busy.set(false);
    }

    private void show(Loaded loaded) {
        Reconciliation r = loaded.reconciliation();
        sheetTotalFen = loaded.sheetTotalFen();
        List<Line> lines = new ArrayList<>();
        for (Mismatch mm : r.mismatches()) {
            lines.add(line(mm));
        }
        lines.sort(Comparator.comparing((Line l) -> l.mismatch().kind())
                .thenComparing(l -> l.mismatch().rowNumber() == null ? Integer.MAX_VALUE : l.mismatch().rowNumber())
                .thenComparing(l -> l.mismatch().id()));
        for (Line l : lines) {
            l.acceptedProperty().addListener((o, a, b) -> updateBookText());
            kindCounts.merge(l.mismatch().kind(), 1, Integer::sum);
        }
        allLines.addAll(lines);
        long mismatchedFen = r.mismatches().stream().filter(mm -> mm.rowNumber() != null)
                .mapToLong(Mismatch::deductedFen).sum();
        sheetText.set(messages.get("ui.dues.recon.sheet", loaded.sheetLines(), yuan(sheetTotalFen)));
        matchedText.set(messages.get("ui.dues.recon.matched", r.matches().size(), yuan(r.matchedFen())));
        mismatchedText.set(messages.get("ui.dues.recon.mismatched", r.mismatches().size(), yuan(mismatchedFen)));
        result.set(r);
        booked.set(loaded.alreadyBooked());
        warning.set(loaded.alreadyBooked()
                ? messages.get("dues.recon.alreadyBooked", DuesService.payrollBatchRef(r.month())) : "");
        error.set("");
        applyFilter();
        updateBookText();
    }

    private Line line(Mismatch mm) {
        String kind = messages.get(kindKey(mm.kind()));
        String row = mm.rowNumber() == null ? "" : mm.rowNumber().toString();
        return switch (mm.kind()) {
            case NOT_A_MEMBER -> mm.deductedFen() > 0
                    ? new Line(mm, true, kind, messages.get("ui.dues.recon.propose.refund", yuan(mm.deductedFen())))
                    : new Line(mm, false, kind, messages.get("ui.dues.recon.propose.nothingDeducted"));
            case DUPLICATE_LINE -> mm.deductedFen() > 0
                    ? new Line(mm, true, kind, messages.get("ui.dues.recon.propose.refundDuplicate",
                            yuan(mm.deductedFen())))
                    : new Line(mm, false, kind, messages.get("ui.dues.recon.propose.nothingDeducted"));
            case AMOUNT_DIFFERS -> {
                long diff = mm.expectedFen() - mm.deductedFen();
                String text = mm.deductedFen() == 0
                        ? messages.get("ui.dues.recon.propose.nothingDeductedOwes", yuan(mm.expectedFen()))
                        : diff > 0 ? messages.get("ui.dues.recon.propose.bookLess", yuan(mm.deductedFen()), yuan(diff))
                        : messages.get("ui.dues.recon.propose.bookMore", yuan(mm.deductedFen()), yuan(-diff));
                yield new Line(mm, mm.deductedFen() > 0, kind, text);
            }
            case MISSING_FROM_PAYROLL -> new Line(mm, false, kind,
                    messages.get("ui.dues.recon.propose.collect", yuan(mm.expectedFen())));
            case BAD_AMOUNT -> new Line(mm, false, kind, messages.get("ui.dues.recon.propose.checkSheet", row));
        };
    }

    /** The message key of a mismatch kind's name. */
    static String kindKey(MismatchKind kind) {
        return switch (kind) {
            case NOT_A_MEMBER -> "ui.dues.recon.kind.NOT_A_MEMBER";
            case AMOUNT_DIFFERS -> "ui.dues.recon.kind.AMOUNT_DIFFERS";
            case MISSING_FROM_PAYROLL -> "ui.dues.recon.kind.MISSING_FROM_PAYROLL";
            case BAD_AMOUNT -> "ui.dues.recon.kind.BAD_AMOUNT";
            case DUPLICATE_LINE -> "ui.dues.recon.kind.DUPLICATE_LINE";
        };
    }

    private void applyFilter() {
        MismatchKind k = kindFilter.get();
        rows.setAll(allLines.stream().filter(l -> k == null || l.mismatch().kind() == k).toList());
    }

    /** How many mismatches of a kind the sheet has (for the filter's labels). */
    public int count(MismatchKind kind) {
        return kind == null ? allLines.size() : kindCounts.getOrDefault(kind, 0);
    }

    /** Checks or clears every adjustment the table shows now (under the filter). */
    public void acceptAllShown(boolean value) {
        for (Line l : rows) {
            if (l.actionable()) {
                l.acceptedProperty().set(value);
            }
        }
    }

    /** The ids of the checked adjustments: what {@link #book} confirms. */
    public Set<Integer> acceptedIds() {
        Set<Integer> ids = new LinkedHashSet<>();
        for (Line l : allLines) {
            if (l.accepted()) {
                ids.add(l.mismatch().id());
            }
        }
        return ids;
    }

    /** What booking would write: payments (matches + checked amount differences) and refunds noted. */
    record Plan(int payments, long paymentsFen, int adjustments, int refunds, long refundsFen) {
    }

    Plan plan() {
        Reconciliation r = result.get();
        if (r == null) {
            return new Plan(0, 0, 0, 0, 0);
        }
        int payments = (int) r.matches().stream().filter(m -> m.amountFen() > 0).count();
        long fen = r.matchedFen();
        int adjustments = 0;
        int refunds = 0;
        long refundFen = 0;
        for (Line l : allLines) {
            if (!l.accepted()) {
                continue;
            }
            adjustments++;
            Mismatch mm = l.mismatch();
            if (mm.kind() == MismatchKind.AMOUNT_DIFFERS) {
                payments++;
                fen += mm.deductedFen();
            } else {
                refunds++;
                refundFen += mm.deductedFen();
            }
        }
        return new Plan(payments, fen, adjustments, refunds, refundFen);
    }

    private void updateBookText() {
        if (result.get() == null) {
            bookText.set("");
            return;
        }
        Plan p = plan();
        bookText.set(messages.get("ui.dues.recon.plan", p.payments(), yuan(p.paymentsFen()), p.refunds(),
                yuan(p.refundsFen())));
    }

    private void updateCanBook() {
        canBook.set(result.get() != null && !busy.get() && !readOnly.get() && !booked.get());
    }

    // --- booking ----------------------------------------------------------------------------------

    /** The question the confirmation dialog asks before {@link #book}. */
    public String confirmText() {
        Reconciliation r = result.get();
        if (r == null) {
            return "";
        }
        Plan p = plan();
        int unchecked = (int) allLines.stream().filter(l -> l.actionable() && !l.accepted()).count();
        return messages.get("ui.dues.recon.confirm", DuesService.payrollBatchRef(r.month()), p.payments(),
                yuan(p.paymentsFen()), p.refunds(), yuan(p.refundsFen()), unchecked);
    }

    /** 确认入账: books the matches and the checked adjustments in one transaction, once per month. */
    public void book() {
        Reconciliation r = result.get();
        if (r == null || !canBook.get()) {
            return;
        }
        Set<Integer> accepted = acceptedIds();
        String batch = DuesService.payrollBatchRef(r.month());
        LocalDate paidOn = DuesService.payrollPaidOn(r.month(), today);
        long fen = plan().paymentsFen();
        busy.set(true);
        executor.run(() -> dues.applyReconciliation(r, accepted, paidOn, batch), n -> {
            busy.set(false);
            booked.set(true);
            error.set("");
            message.set(messages.get("ui.dues.recon.booked", batch, n, yuan(fen), accepted.size()));
            onBooked.run();
        }, e -> {
                fail(e, null);
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof RuleViolationException rv && rv.messageKey().equals("dues.recon.alreadyBooked")) {
                        booked.set(true);
                    }
                }
            });
    }

    private void fail(Throwable e, Path f) {
        busy.set(false);
        message.set("");
        UnusableFileException unusable = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnusableFileException u) {
                unusable = u;
                break;
            }
        }
        if (unusable != null) {
            error.set(messages.get("ui.dues.recon.unusable", f == null ? "" : f.getFileName().toString(),
                    messages.get(unusable.messageKey(), unusable.args().toArray())));
            return;
        }
        if (ErrorText.refusal(e, messages) == null) {
            LOG.error("Reconciliation failed", e);
        }
        error.set(ErrorText.of(e, messages));
    }

    static String yuan(long fen) {
        return DuesViewModel.yuan(fen);
    }

    // --- properties -------------------------------------------------------------------------------

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileTextProperty() {
        return fileText.getReadOnlyProperty();
    }

    public ObjectProperty<MismatchKind> kindFilterProperty() {
        return kindFilter;
    }

    public ReadOnlyObjectProperty<Reconciliation> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<Line> rows() {
        return rowsView;
    }

    public List<Line> allLines() {
        return List.copyOf(allLines);
    }

    public ReadOnlyStringProperty sheetTextProperty() {
        return sheetText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty matchedTextProperty() {
        return matchedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mismatchedTextProperty() {
        return mismatchedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bookTextProperty() {
        return bookText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
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

    public ReadOnlyBooleanProperty bookedProperty() {
        return booked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBookProperty() {
        return canBook.getReadOnlyProperty();
    }

    public long sheetTotalFen() {
        return sheetTotalFen;
    }

    public Messages messages() {
        return messages;
    }
}
