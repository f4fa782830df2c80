package cn.uniondesk.ui.dues;

import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.dues.Charge;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.Collection;
import cn.uniondesk.service.DuesService.MonthlyReport;
import cn.uniondesk.service.DuesService.ReportLine;
import cn.uniondesk.service.DuesService.RollPreview;
import cn.uniondesk.service.MemberService;
import cn.uniondesk.service.NotFoundException;
import cn.uniondesk.service.RuleViolationException;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dues (会费) screen: a month's collection figures, the roll (核算: preview, then 入账), the
 * month's members with dues under a filter, and fast cash payment entry with receipts and a running
 * batch total. Every service call runs through the injected {@link BackgroundExecutor}; amounts
 * are integer 分.
 */
public final class DuesViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DuesViewModel.class);
    /** At most this many changed members are listed under the roll preview. */
    static final int MAX_CHANGE_LINES = 200;

    /** Which of the month's lines the table shows. */
    public enum Filter {
        ALL("ui.dues.filter.all"),
        UNPAID("ui.dues.filter.unpaid"),
        ARREARS("ui.dues.filter.arrears"),
        EXEMPT("ui.dues.filter.exempt");

        private final String labelKey;

        Filter(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }

        boolean accepts(ReportLine l) {
            return switch (this) {
                case ALL -> true;
                case UNPAID -> l.paidFen() == 0;
                case ARREARS -> l.outstandingFen() > 0;
                case EXEMPT -> l.exemption() != null;
            };
        }
    }

    private final DuesService dues;
    private final MemberService members;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final LocalDate today;

    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.ALL);
    /** Only this department's lines (as the report names it); null for all. */
    private final ObjectProperty<String> departmentFilter = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper dueText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paidText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outstandingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RollPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> changeLines = FXCollections.observableArrayList();
    private final ObservableList<String> changeLinesView = FXCollections.unmodifiableObservableList(changeLines);
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final List<ReportLine> allLines = new ArrayList<>();
    private final ObservableList<ReportLine> rows = FXCollections.observableArrayList();
    private final ObservableList<ReportLine> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");

    private final StringProperty keyInput = new SimpleStringProperty("");
    private final StringProperty amountInput = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper memberText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastReceipt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper batchText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private int batchCount;
    private long batchTotalFen;

    private final AtomicLong loadGeneration = new AtomicLong();
    private boolean active;

    public DuesViewModel(DuesService dues, MemberService members, BackgroundExecutor executor, Messages messages,
            LocalDate today) {
        this.dues = dues;
        this.members = members;
        this.executor = executor;
        this.messages = messages;
        this.today = today;
        month.set(YearMonth.from(today));
        filter.addListener((o, a, b) -> applyFilter());
        departmentFilter.addListener((o, a, b) -> applyFilter());
        month.addListener((o, a, b) -> {
            if (active) {
                refresh();
            }
        });
        updateBatchText();
    }

    /** Loads the month; called when the screen is shown. */
    public void activate() {
        if (!active) {
            active = true;
            refresh();
        }
    }

    public void deactivate() {
        active = false;
        loadGeneration.incrementAndGet();
    }

    // --- month ----------------------------------------------------------------------------------

    public void previousMonth() {
        month.set(month.get().minusMonths(1));
    }

    public void nextMonth() {
        month.set(month.get().plusMonths(1));
    }

    /** Jumps to a month typed as {@code YYYY-MM}; a bad entry is reported and changes nothing. */
    public boolean goToMonth(String text) {
        try {
            month.set(YearMonth.parse(text == null ? "" : text.strip()));
            return true;
        } catch (DateTimeParseException e) {
            error.set(messages.get("dues.badMonth", text));
            return false;
        }
    }

    // --- loading ----------------------------------------------------------------------------------

    private record Snapshot(Collection collection, RollPreview preview, List<String> changes, MonthlyReport report) {
    }

    /** Reloads the month's figures, roll preview and lines off the UI thread. */
    public void refresh() {
        long gen = loadGeneration.incrementAndGet();
        YearMonth m = month.get();
        busy.set(true);
        executor.run(() -> load(m), s -> {
            if (gen != loadGeneration.get()) {
                return;
            }
            busy.set(false);
            show(s);
        }, e -> {
                if (gen == loadGeneration.get()) {
                    fail(e);
                }
            });
    }

    private Snapshot load(YearMonth m) {
        // the preview first: its working set (the roll input of the whole register) is free again
        // before the report's lines, which the screen keeps, are read — at 100,000 members the two
        // together were the heap's peak (docs/benchmarks.md, Memory)
        RollPreview p = dues.previewRoll(m);
        MonthlyReport report = dues.monthlyReport(m);
        Map<Long, String> names = new HashMap<>();
        if (!p.isEmpty()) {
            for (ReportLine l : report.lines()) {
                names.put(l.memberId(), l.name());
            }
        }
        List<String> changes = new ArrayList<>();
        for (Charge c : p.added()) {
            if (changes.size() >= MAX_CHANGE_LINES) {
                break;
            }
            changes.add(messages.get("ui.dues.roll.addedLine", name(names, c.memberId()),
                    yuan(c.amountFen())));
        }
        for (DuesService.ChargeChange c : p.changed()) {
            if (changes.size() >= MAX_CHANGE_LINES) {
                break;
            }
            changes.add(messages.get("ui.dues.roll.changedLine", name(names, c.before().memberId()),
                    yuan(c.before().amountFen()), yuan(c.after().amountFen())));
        }
        for (Charge c : p.removed()) {
            if (changes.size() >= MAX_CHANGE_LINES) {
                break;
            }
            changes.add(messages.get("ui.dues.roll.removedLine", name(names, c.memberId()),
                    yuan(c.amountFen())));
        }
        int total = p.added().size() + p.changed().size() + p.removed().size();
        if (total > changes.size()) {
            changes.add(messages.get("ui.dues.roll.more", total - changes.size()));
        }
        return new Snapshot(report.totals(), p, changes, report);
    }

    private String name(Map<Long, String> names, long memberId) {
        String n = names.get(memberId);
        if (n == null) {
            try {
                n = members.get(memberId).name();
            } catch (NotFoundException e) {
                n = String.valueOf(memberId);
            }
            names.put(memberId, n);
        }
        return n;
    }

    private void show(Snapshot s) {
        Collection c = s.collection();
        dueText.set(yuan(c.dueFen()));
        paidText.set(yuan(c.paidFen()));
        outstandingText.set(yuan(c.outstandingFen()));
        rateText.set(percent(c.rateBp()));
        RollPreview p = s.preview();
        preview.set(p);
        previewText.set(messages.get("ui.dues.roll.summary", p.added().size(), p.changed().size(),
                p.removed().size(), p.unchanged(), yuan(p.totalDueFen())));
        changeLines.setAll(s.changes());
        canApply.set(!p.isEmpty());
        allLines.clear();
        allLines.addAll(s.report().lines());
        applyFilter();
        error.set("");
    }

    private void applyFilter() {
        Filter f = filter.get() == null ? Filter.ALL : filter.get();
        String dept = departmentFilter.get();
        rows.setAll(allLines.stream().filter(f::accepts).filter(l -> dept == null || dept.equals(l.department()))
                .toList());
        countText.set(messages.get("ui.dues.count", rows.size(), allLines.size()));
    }

    // --- roll -------------------------------------------------------------------------------------

    /** 入账: writes the month's roll, then reloads. */
    public void applyRoll() {
        RollPreview p = preview.get();
        if (p == null || p.isEmpty()) {
            return;
        }
        YearMonth m = month.get();
        canApply.set(false);
        busy.set(true);
        executor.run(() -> dues.applyRoll(m), r -> {
            busy.set(false);
            message.set(messages.get("ui.dues.roll.applied", m.toString(), r.added().size(), r.changed().size(),
                    r.removed().size()));
            refresh();
        }, e -> {
                fail(e);
                canApply.set(preview.get() != null && !preview.get().isEmpty());
            });
    }

    // --- payments ---------------------------------------------------------------------------------

    /** What the member in the key field owes: the month's remaining due, else their arrears. */
    long defaultAmountFen(long memberId) {
        for (ReportLine l : allLines) {
            if (l.memberId() == memberId) {
                long rest = l.dueFen() - l.paidFen();
                if (rest > 0) {
                    return rest;
                }
                return l.outstandingFen();
            }
        }
        return 0;
    }

    /** Finds the member typed in the key field, shows who it is and fills in the amount they owe. */
    public void lookup() {
        String key = keyInput.get() == null ? "" : keyInput.get().strip();
        if (key.isEmpty()) {
            error.set(messages.get("ui.dues.pay.keyRequired"));
            return;
        }
        executor.run(() -> members.find(key).orElseThrow(() -> new NotFoundException("member.notFound", key)), mem -> {
            long due = defaultAmountFen(mem.id());
            memberText.set(messages.get("ui.dues.pay.member", mem.name(), yuan(due)));
            if ((amountInput.get() == null || amountInput.get().isBlank()) && due > 0) {
                amountInput.set(yuan(due));
            }
            error.set("");
        }, e -> {
                memberText.set("");
                fail(e);
            });
    }

    private record Paid(String name, long amountFen, String receiptNo) {
    }

    /**
     * Records a CASH payment with a receipt for the member in the key field: the amount typed, or
     * what they owe when the amount is left empty. Clears the fields and adds to the batch total.
     */
    public void submit() {
        String key = keyInput.get() == null ? "" : keyInput.get().strip();
        if (key.isEmpty()) {
            error.set(messages.get("ui.dues.pay.keyRequired"));
            return;
        }
        String amountText = amountInput.get() == null ? "" : amountInput.get().strip();
        Long typed = null;
        if (!amountText.isEmpty()) {
            try {
                typed = Money.parseYuan(amountText).fen();
            } catch (NumberFormatException | ArithmeticException e) {
                error.set(messages.get("ui.dues.pay.badAmount", amountText));
                return;
            }
        }
        Long amount = typed;
        Map<Long, Long> defaults = new HashMap<>();
        for (ReportLine l : allLines) {
            defaults.put(l.memberId(), defaultAmountFen(l.memberId()));
        }
        LocalDate paidOn = today;
        busy.set(true);
        executor.run(() -> {
            Member mem = members.find(key).orElseThrow(() -> new NotFoundException("member.notFound", key));
            long fen = amount != null ? amount : defaults.getOrDefault(mem.id(), 0L);
            if (fen <= 0) {
                throw new RuleViolationException("dues.amountPositive");
            }
            DuesService.PaymentResult r = dues.recordPayment(mem.id(), fen, DuesService.Method.CASH, paidOn, null,
                    null, true);
            return new Paid(mem.name(), fen, r.receiptNo());
        }, p -> {
                busy.set(false);
                batchCount++;
                batchTotalFen += p.amountFen();
                updateBatchText();
                lastReceipt.set(p.receiptNo() == null ? "" : p.receiptNo());
                message.set(messages.get("ui.dues.pay.recorded", p.name(), yuan(p.amountFen()),
                        p.receiptNo() == null ? "" : p.receiptNo()));
                keyInput.set("");
                amountInput.set("");
                memberText.set("");
                error.set("");
                refresh();
            }, this::fail);
    }

    // --- refunds ----------------------------------------------------------------------------------

    /** A refund entry (退款) for the member of a table row; null for roles that may not write. */
    public RefundViewModel refundFor(ReportLine line) {
        if (line == null || readOnly.get()) {
            return null;
        }
        return new RefundViewModel(dues, executor, messages, today, line.memberId(), line.name());
    }

    /** A refund was recorded: say so and reload the month. */
    public void refunded(String text) {
        error.set("");
        message.set(text);
        lastReceipt.set("");
        refresh();
    }

    /** Starts a new batch (after reconciling against a bank slip). */
    public void resetBatch() {
        batchCount = 0;
        batchTotalFen = 0;
        updateBatchText();
    }

    private void updateBatchText() {
        batchText.set(messages.get("ui.dues.pay.batch", batchCount, yuan(batchTotalFen)));
    }

    // --- helpers ------------------------------------------------------------------------------------

    static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    /** Basis points as a percentage with two decimals: 9350 → {@code 93.50%}. */
    static String percent(long bp) {
        return String.format("%d.%02d%%", bp / 100, bp % 100);
    }

    private void fail(Throwable e) {
        busy.set(false);
        String refusal = ErrorText.refusal(e, messages);
        if (refusal == null) {
            LOG.error("Dues screen: background work failed", e);
        }
        message.set("");
        error.set(ErrorText.of(e, messages));
    }

    // --- properties ---------------------------------------------------------------------------------

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    public ObjectProperty<String> departmentFilterProperty() {
        return departmentFilter;
    }

    public ReadOnlyStringProperty dueTextProperty() {
        return dueText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty paidTextProperty() {
        return paidText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outstandingTextProperty() {
        return outstandingText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RollPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewTextProperty() {
        return previewText.getReadOnlyProperty();
    }

    public ObservableList<String> changeLines() {
        return changeLinesView;
    }

    /**
     * For roles that may not write (the auditor): 入账 and payment entry are shown disabled. The
     * service refuses such calls anyway; this only saves a pointless click.
     */
    public void setReadOnly(boolean value) {
        readOnly.set(value);
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<ReportLine> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public StringProperty keyInputProperty() {
        return keyInput;
    }

    public StringProperty amountInputProperty() {
        return amountInput;
    }

    public ReadOnlyStringProperty memberTextProperty() {
        return memberText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastReceiptProperty() {
        return lastReceipt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty batchTextProperty() {
        return batchText.getReadOnlyProperty();
    }

    public int batchCount() {
        return batchCount;
    }

    public long batchTotalFen() {
        return batchTotalFen;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
