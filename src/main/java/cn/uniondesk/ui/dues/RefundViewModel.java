package cn.uniondesk.ui.dues;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.DuesService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.time.LocalDate;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 退款 for one member: amount (more than nothing, at most what the member has paid in all) and a
 * required reason, checked as typed; the refund is recorded with the existing payment service.
 */
public final class RefundViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RefundViewModel.class);
    /** The note column's size. */
    static final int MAX_REASON = 500;

    private final DuesService dues;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final LocalDate today;
    private final long memberId;
    private final String memberName;

    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper paidText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reasonError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private Long paidFen;
    private boolean amountTouched;
    private boolean reasonTouched;

    public RefundViewModel(DuesService dues, BackgroundExecutor executor, Messages messages, LocalDate today,
            long memberId, String memberName) {
        this.dues = dues;
        this.executor = executor;
        this.messages = messages;
        this.today = today;
        this.memberId = memberId;
        this.memberName = memberName;
        amount.addListener((o, a, b) -> {
            amountTouched = true;
            validate();
        });
        reason.addListener((o, a, b) -> {
            reasonTouched = true;
            validate();
        });
    }

    /** Loads what the member has paid (the most a refund may return). */
    public void load() {
        busy.set(true);
        executor.run(() -> dues.paidTotal(memberId), p -> {
            busy.set(false);
            paidFen = p;
            paidText.set(messages.get("ui.dues.refund.paid", memberName, DuesViewModel.yuan(p)));
            validate();
        }, this::fail);
    }

    /**
     * Checks the fields; a field's message shows once it has been typed in (or 确定 was pressed).
     * Returns the amount in 分 when all is well, else null.
     */
    Long validate() {
        Long fen = null;
        String amountProblem = "";
        String a = amount.get() == null ? "" : amount.get().strip();
        if (a.isEmpty()) {
            amountProblem = messages.get("ui.dues.refund.amountRequired");
        } else {
            try {
                long f = Money.parseYuan(a).fen();
                if (f <= 0) {
                    amountProblem = messages.get("dues.amountPositive");
                } else if (paidFen != null && f > paidFen) {
                    amountProblem = messages.get("dues.refundTooLarge", DuesViewModel.yuan(Math.max(0, paidFen)));
                } else {
                    fen = f;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                amountProblem = messages.get("ui.dues.pay.badAmount", a);
            }
        }
        String r = TextNormalizer.normalize(reason.get() == null ? "" : reason.get());
        String reasonProblem = "";
        if (r.isEmpty()) {
            reasonProblem = messages.get("ui.dues.refund.reasonRequired");
        } else if (r.length() > MAX_REASON) {
            reasonProblem = messages.get("ui.dues.receipts.reasonTooLong", MAX_REASON);
        }
        amountError.set(amountTouched ? amountProblem : "");
        reasonError.set(reasonTouched ? reasonProblem : "");
        boolean ok = fen != null && reasonProblem.isEmpty() && paidFen != null;
        valid.set(ok);
        return ok ? fen : null;
    }

    /**
     * Records the refund (method 退款, no receipt) when the fields are valid; {@code onDone} gets
     * the message to show. Returns false (and shows why) when they are not.
     */
    public boolean submit(Consumer<String> onDone) {
        amountTouched = true;
        reasonTouched = true;
        Long fen = validate();
        if (fen == null || busy.get()) {
            return false;
        }
        String why = TextNormalizer.normalize(reason.get());
        busy.set(true);
        executor.run(() -> dues.recordPayment(memberId, fen, DuesService.Method.REFUND, today, null, why, false),
                r -> {
                    busy.set(false);
                    error.set("");
                    onDone.accept(messages.get("ui.dues.refund.recorded", memberName, DuesViewModel.yuan(fen)));
                }, this::fail);
        return true;
    }

    private void fail(Throwable e) {
        busy.set(false);
        if (ErrorText.refusal(e, messages) == null) {
            LOG.error("Refund failed", e);
        }
        error.set(ErrorText.of(e, messages));
    }

    public String memberName() {
        return memberName;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty paidTextProperty() {
        return paidText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonErrorProperty() {
        return reasonError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
