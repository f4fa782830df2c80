package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.cases.AidCase;
import cn.uniondesk.domain.cases.CaseFields;
import cn.uniondesk.domain.cases.CaseTypeDef;
import cn.uniondesk.domain.cases.Transition;
import cn.uniondesk.domain.cases.TransitionKind;
import cn.uniondesk.domain.cases.WorkflowBook;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.CaseService.CaseDetail;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Taking one workflow step: a comment, and the fields the target state requires (the approved
 * amount when approving; amount, method and date when paying; the outcome when concluding),
 * pre-filled from the case. The service decides; its refusal is shown here and nothing is written.
 */
public final class TransitionViewModel {
    private final CaseService cases;
    private final CaseDetail detail;
    private final Transition transition;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final CaseText text;
    private final Consumer<CaseService.Result> onDone;
    private final List<FieldInput> inputs = new ArrayList<>();
    private final StringProperty comment = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final String title;
    private final String targetText;

    TransitionViewModel(CaseService cases, WorkflowBook book, CaseDetail detail, Transition transition,
            BackgroundExecutor executor, Messages messages, LocalDate today, Consumer<CaseService.Result> onDone) {
        this.cases = cases;
        this.detail = detail;
        this.transition = transition;
        this.executor = executor;
        this.messages = messages;
        this.text = new CaseText(messages);
        this.onDone = onDone;
        AidCase c = detail.aidCase();
        CaseTypeDef def = book.type(c.type());
        Set<String> names = new LinkedHashSet<>();
        if (transition.kind() == TransitionKind.APPROVE) {
            names.add(CaseFields.APPROVED_AMOUNT);
        }
        if (transition.kind() == TransitionKind.PAY) {
            names.addAll(List.of(CaseFields.PAID_AMOUNT, CaseFields.PAYMENT_METHOD, CaseFields.PAID_ON));
        }
        names.addAll(book.requiredIn(c.type(), transition.to()));
        for (String n : names) {
            if (!def.fields().contains(n)
                    || CaseFields.setByApproval(n) && transition.kind() != TransitionKind.APPROVE
                    || CaseFields.setByPayment(n) && transition.kind() != TransitionKind.PAY) {
                continue;
            }
            Object now = detail.values().get(n);
            String initial = CaseText.input(now);
            String proposal = initial;
            if (now == null && CaseFields.APPROVED_AMOUNT.equals(n)) {
                proposal = CaseText.input(c.requested());
            } else if (now == null && CaseFields.PAID_AMOUNT.equals(n)) {
                proposal = CaseText.input(c.approved());
            } else if (now == null && CaseFields.PAID_ON.equals(n)) {
                proposal = today.toString();
            }
            FieldInput in = new FieldInput(book.field(n), text.label(book.field(n).label()), true, initial);
            in.valueProperty().set(proposal);
            inputs.add(in);
        }
        title = messages.get("ui.cases.step.title", text.label(transition.label()), c.caseNo());
        targetText = messages.get("ui.cases.step.target", text.label(book.stateLabel(c.type(), c.state())),
                text.label(book.stateLabel(c.type(), transition.to())));
        comment.addListener((o, a, b) -> error.set(""));
    }

    public String title() {
        return title;
    }

    public String action() {
        return transition.action();
    }

    public boolean commentRequired() {
        return transition.commentRequired();
    }

    /** What the step does: from the current state to the target state. */
    public String targetText() {
        return targetText;
    }

    public List<FieldInput> inputs() {
        return List.copyOf(inputs);
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Checks the comment and the fields, then asks the service to take the step; {@code onClose}
     * runs when it was taken. A refusal is shown in {@link #errorProperty()} and nothing changes.
     */
    public boolean submit(Runnable onClose) {
        List<String> problems = new ArrayList<>();
        if (transition.commentRequired() && comment.get().isBlank()) {
            problems.add(messages.get("ui.cases.commentRequired", text.label(transition.label())));
        }
        for (FieldInput in : inputs) {
            String p = in.check(text);
            if (!p.isEmpty()) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldInput in : inputs) {
            if (in.changed()) {
                fields.put(in.name(), in.value());
            }
        }
        long id = detail.aidCase().id();
        String note = comment.get();
        busy.set(true);
        executor.run(() -> cases.transition(id, transition.action(), note, fields), r -> {
            busy.set(false);
            error.set("");
            onClose.run();
            onDone.accept(r);
        }, e -> {
                busy.set(false);
                error.set(text.error(e));
            });
        return true;
    }
}
