package cn.uniondesk.ui.members;

import cn.uniondesk.domain.FieldIssue;
import cn.uniondesk.domain.LifecycleException;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberLifecycle;
import cn.uniondesk.domain.TextNormalizer;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.LifecycleRequest;
import cn.uniondesk.service.MemberService;
import cn.uniondesk.service.ValidationException;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lifecycle step for one member (转出, 退会, 退休, 去世, 入会/转入 again): asks date, reason and,
 * for transfers, the other union and its reference; then a confirmation step; then applies it.
 */
public final class LifecycleViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleViewModel.class);

    private final MemberService members;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final Member member;
    private final MemberEventType action;

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty counterpartUnion = new SimpleStringProperty("");
    private final StringProperty referenceNo = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper confirming = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    LifecycleViewModel(MemberService members, BackgroundExecutor executor, Messages messages, Member member,
            MemberEventType action) {
        this.members = members;
        this.executor = executor;
        this.messages = messages;
        this.member = member;
        this.action = action;
        this.date.set(members.today());
    }

    /** True when the member's current status allows this step. */
    public boolean isAllowed() {
        return MemberLifecycle.isAllowed(member.status(), action);
    }

    public boolean isTransfer() {
        return MemberLifecycle.isTransfer(action);
    }

    /** Reason is asked for every step that ends or suspends membership. */
    public boolean needsReason() {
        return action != MemberEventType.JOIN && action != MemberEventType.TRANSFER_IN;
    }

    /** First step: checks the input; on success the dialog shows the confirmation. */
    public boolean next() {
        List<String> problems = new ArrayList<>();
        if (!isAllowed()) {
            problems.add(messages.get("ui.lifecycle.notAllowed", messages.get("event." + action.name()),
                    messages.get("status." + member.status().name())));
        }
        if (date.get() == null) {
            problems.add(messages.get("lifecycle.dateRequired"));
        }
        if (needsReason() && TextNormalizer.normalize(reason.get()).isEmpty()) {
            problems.add(messages.get("lifecycle.reasonRequired"));
        }
        if (isTransfer() && TextNormalizer.normalize(counterpartUnion.get()).isEmpty()) {
            problems.add(messages.get("lifecycle.counterpartRequired"));
        }
        error.set(String.join("\n", problems));
        confirming.set(problems.isEmpty());
        return problems.isEmpty();
    }

    /** Back from the confirmation to the input. */
    public void back() {
        confirming.set(false);
    }

    /** The confirmation text: who, what, when, where to. */
    public String confirmationText() {
        String base = messages.get("ui.lifecycle.confirm", member.name(), messages.get("event." + action.name()),
                date.get() == null ? "" : date.get().toString(), messages.get("status."
                        + MemberLifecycle.next(member.status(), action).name()));
        if (isTransfer()) {
            base = base + "\n" + messages.get("ui.lifecycle.confirmCounterpart", counterpartUnion.get());
        }
        return base;
    }

    /** Second step: applies the step; {@code onDone} runs with the stored event. */
    public void confirm(Consumer<MemberEvent> onDone) {
        if (!confirming.get() || busy.get()) {
            return;
        }
        busy.set(true);
        LifecycleRequest req = new LifecycleRequest(action, date.get(), reason.get(), referenceNo.get(),
                counterpartUnion.get());
        long id = member.id();
        executor.run(() -> members.applyLifecycle(id, req), ev -> {
            busy.set(false);
            onDone.accept(ev);
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        confirming.set(false);
        if (e instanceof ValidationException ve) {
            error.set(String.join("\n", ve.issues().stream().filter(FieldIssue::isError)
                    .map(i -> messages.get(i.messageKey(), i.args().toArray())).toList()));
        } else if (e instanceof LifecycleException le) {
            error.set(messages.get("ui.lifecycle.notAllowed", messages.get("event." + le.action().name()),
                    le.from() == null ? "" : messages.get("status." + le.from().name())));
        } else {
            LOG.error("Lifecycle step failed", e);
            error.set(messages.get("ui.error.unexpected", e.getClass().getSimpleName()));
        }
    }

    public String title() {
        return messages.get("ui.lifecycle.title", messages.get("event." + action.name()), member.name());
    }

    public Member member() {
        return member;
    }

    public MemberEventType action() {
        return action;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty counterpartUnionProperty() {
        return counterpartUnion;
    }

    public StringProperty referenceNoProperty() {
        return referenceNo;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty confirmingProperty() {
        return confirming.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
