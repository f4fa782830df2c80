package cn.uniondesk.ui.dues;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.dues.UnionFund;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.service.DuesService.Fund;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * 工会经费 tab: a month's four figures (工资总额, 实收, 已上解, 上解比例) checked as typed, with
 * 应拨缴 (2 %), 应上解 and 留成 computed live; 保存 records them through the dues service; below,
 * the months of the year already recorded.
 */
public final class FundViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FundViewModel.class);

    /** One recorded month as the table shows it. */
    public record Row(YearMonth month, String monthText, String payroll, String due, String received, String share,
            String upper, String remitted, String retained) {
    }

    private final DuesService dues;
    private final BackgroundExecutor executor;
    private final Messages messages;

    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final StringProperty payroll = new SimpleStringProperty("");
    private final StringProperty received = new SimpleStringProperty("");
    private final StringProperty remitted = new SimpleStringProperty("");
    private final StringProperty share = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper payrollProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper receivedProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remittedProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shareProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dueText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper upperText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper retainedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper yearTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final AtomicLong generation = new AtomicLong();
    private boolean active;
    private boolean recorded;
    /** Empty fields are only called out after a save was tried. */
    private boolean showRequired;

    public FundViewModel(DuesService dues, BackgroundExecutor executor, Messages messages, YearMonth month) {
        this.dues = dues;
        this.executor = executor;
        this.messages = messages;
        this.month.set(month);
        this.month.addListener((o, a, b) -> {
            if (b != null && !b.equals(a) && active) {
                load();
            }
        });
        payroll.addListener((o, a, b) -> check());
        received.addListener((o, a, b) -> check());
        remitted.addListener((o, a, b) -> check());
        share.addListener((o, a, b) -> check());
        busy.addListener((o, a, b) -> check());
        readOnly.addListener((o, a, b) -> check());
        check();
    }

    /** Loads the month and the year's table; called when the tab is shown. */
    public void activate() {
        active = true;
        load();
    }

    public void deactivate() {
        active = false;
        generation.incrementAndGet();
    }

    /** For roles that may not write: the fields stay read-only and 保存 disabled (the service refuses anyway). */
    public void setReadOnly(boolean value) {
        readOnly.set(value);
    }

    /** Goes to the month typed as YYYY-MM; false (and an error shown) when it is not one. */
    public boolean goToMonth(String text) {
        try {
            month.set(YearMonth.parse(text == null ? "" : text.strip()));
            return true;
        } catch (DateTimeParseException e) {
            error.set(messages.get("dues.badMonth", text));
            return false;
        }
    }

    public void previousMonth() {
        month.set(month.get().minusMonths(1));
    }

    public void nextMonth() {
        month.set(month.get().plusMonths(1));
    }

    /** Reads the month's recorded figures into the fields (blank when none) and the year's months into the table. */
    public void load() {
        long gen = generation.incrementAndGet();
        YearMonth m = month.get();
        busy.set(true);
        executor.run(() -> new Loaded(dues.fund(m), dues.funds(m.getYear())), loaded -> {
            if (gen != generation.get()) {
                return;
            }
            busy.set(false);
            error.set("");
            show(m, loaded);
        }, e -> {
                if (gen == generation.get()) {
                    fail(e);
                }
            });
    }

    private record Loaded(Optional<Fund> month, List<Fund> year) {
    }

    private void show(YearMonth m, Loaded loaded) {
        recorded = loaded.month().isPresent();
        showRequired = false;
        Fund f = loaded.month().orElse(null);
        payroll.set(f == null ? "" : yuan(f.payrollTotalFen()));
        received.set(f == null ? "" : yuan(f.receivedFen()));
        remitted.set(f == null ? "" : yuan(f.remittedFen()));
        share.set(f == null ? "" : UnionFund.percentText(f.upperShareBp()).replace("%", ""));
        state.set(messages.get(recorded ? "ui.dues.fund.state.recorded" : "ui.dues.fund.state.none", m.toString()));
        yearTitle.set(messages.get("ui.dues.fund.yearTitle", String.valueOf(m.getYear()), loaded.year().size()));
        rows.setAll(loaded.year().stream().map(this::row).toList());
        check();
    }

    private Row row(Fund f) {
        return new Row(f.month(), f.month().toString(), yuan(f.payrollTotalFen()), yuan(f.dueFen()),
                yuan(f.receivedFen()), UnionFund.percentText(f.upperShareBp()), yuan(f.upperShareFen()),
                yuan(f.remittedFen()), yuan(f.retainedFen()));
    }

    // --- checking as typed ---------------------------------------------------------------------------

    /** The four figures when they are all valid, else null; sets each field's problem and the computed figures. */
    private long[] check() {
        Long p = amount(payroll.get(), payrollProblem);
        Long in = amount(received.get(), receivedProblem);
        Long up = amount(remitted.get(), remittedProblem);
        Integer bp = percent(share.get());
        dueText.set(p == null ? "" : yuan(UnionFund.dueFen(p)));
        upperText.set(in == null || bp == null ? "" : yuan(UnionFund.upperShareFen(in, bp)));
        retainedText.set(in == null || bp == null ? "" : yuan(UnionFund.retainedFen(in, bp)));
        boolean ok = p != null && in != null && up != null && bp != null;
        canSave.set(ok && !busy.get() && !readOnly.get());
        return ok ? new long[] {p, in, up, bp} : null;
    }

    private Long amount(String text, ReadOnlyStringWrapper problem) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            problem.set(showRequired ? messages.get("ui.dues.fund.required") : "");
            return null;
        }
        long fen;
        try {
            fen = Money.parseYuan(t).fen();
        } catch (NumberFormatException | ArithmeticException e) {
            problem.set(messages.get("ui.dues.fund.badAmount"));
            return null;
        }
        if (fen < 0) {
            problem.set(messages.get("dues.fund.negative"));
            return null;
        }
        if (fen > UnionFund.MAX_FEN) {
            problem.set(messages.get("dues.fund.tooLarge", yuan(UnionFund.MAX_FEN)));
            return null;
        }
        problem.set("");
        return fen;
    }

    private Integer percent(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            shareProblem.set(showRequired ? messages.get("ui.dues.fund.required") : "");
            return null;
        }
        int bp;
        try {
            bp = UnionFund.parsePercentBp(t);
        } catch (NumberFormatException | ArithmeticException e) {
            shareProblem.set(messages.get("ui.dues.fund.badShare"));
            return null;
        }
        if (bp < 0 || bp > 10000) {
            shareProblem.set(messages.get("dues.fund.badShare", UnionFund.percentText(bp)));
            return null;
        }
        shareProblem.set("");
        return bp;
    }

    // --- saving --------------------------------------------------------------------------------------

    /** 保存: records the month's figures when they are valid; false (nothing written) when they are not. */
    public boolean save() {
        if (readOnly.get() || busy.get()) {
            return false;
        }
        showRequired = true;
        long[] v = check();
        if (v == null) {
            error.set(messages.get("ui.dues.fund.fix"));
            message.set("");
            return false;
        }
        YearMonth m = month.get();
        boolean overwrite = recorded;
        busy.set(true);
        generation.incrementAndGet();
        executor.run(() -> dues.recordFund(m, v[0], v[1], v[2], (int) v[3]), f -> {
                busy.set(false);
                error.set("");
                message.set(messages.get(overwrite ? "ui.dues.fund.replaced" : "ui.dues.fund.saved", m.toString(),
                        yuan(f.dueFen()), yuan(f.upperShareFen())));
                load();
            }, this::fail);
        return true;
    }

    private void fail(Throwable e) {
        busy.set(false);
        if (ErrorText.refusal(e, messages) == null) {
            LOG.error("Union fund: background work failed", e);
        }
        message.set("");
        error.set(ErrorText.of(e, messages));
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    // --- properties ----------------------------------------------------------------------------------

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public StringProperty payrollProperty() {
        return payroll;
    }

    public StringProperty receivedProperty() {
        return received;
    }

    public StringProperty remittedProperty() {
        return remitted;
    }

    public StringProperty shareProperty() {
        return share;
    }

    public ReadOnlyStringProperty payrollProblemProperty() {
        return payrollProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty receivedProblemProperty() {
        return receivedProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remittedProblemProperty() {
        return remittedProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty shareProblemProperty() {
        return shareProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dueTextProperty() {
        return dueText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty upperTextProperty() {
        return upperText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty retainedTextProperty() {
        return retainedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yearTitleProperty() {
        return yearTitle.getReadOnlyProperty();
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

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public Messages messages() {
        return messages;
    }
}
