package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.cases.AidCase;
import cn.uniondesk.domain.cases.CaseAttachment;
import cn.uniondesk.domain.cases.CaseEvent;
import cn.uniondesk.domain.cases.CaseStateMachine.ActionOption;
import cn.uniondesk.domain.cases.FieldDef;
import cn.uniondesk.domain.cases.Transition;
import cn.uniondesk.domain.cases.Workflow;
import cn.uniondesk.domain.cases.WorkflowBook;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.CaseService.CaseDetail;
import cn.uniondesk.service.Session;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.DocumentOpener;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One case as the case view shows it: header, the type's fields, the timeline (every step with
 * who, when and comment), the attachments, and the steps out of the current state for the signed-in
 * role — each allowed, or refused with the service's reason (separation of duties, role).
 */
public final class CaseDetailViewModel {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A field of the case: its label and value as shown. */
    public record FieldLine(String label, String value) {
    }

    /** One timeline entry. */
    public record TimelineLine(String when, String who, String what, String comment, String changes) {
    }

    /** A step out of the current state: allowed for me, or refused with the reason. */
    public record ActionItem(String action, String label, boolean allowed, String refusal) {
    }

    private final CaseService cases;
    private final Session session;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final CaseText text;
    private final DocumentOpener opener;
    private cn.uniondesk.service.CaseDocumentService documents;
    private final Path viewFolder;
    private final java.time.LocalDate today;

    private final ReadOnlyObjectWrapper<CaseDetail> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper memberText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper typeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amountText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper registeredText = new ReadOnlyStringWrapper("");
    private final ObservableList<FieldLine> fields = FXCollections.observableArrayList();
    private final ObservableList<TimelineLine> timeline = FXCollections.observableArrayList();
    private final ObservableList<CaseAttachment> attachments = FXCollections.observableArrayList();
    private final ObservableList<ActionItem> actions = FXCollections.observableArrayList();
    private final ObservableList<FieldLine> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ObservableList<TimelineLine> timelineView = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<CaseAttachment> attachmentsView = FXCollections.unmodifiableObservableList(attachments);
    private final ObservableList<ActionItem> actionsView = FXCollections.unmodifiableObservableList(actions);
    private final ReadOnlyStringWrapper refusals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final AtomicLong generation = new AtomicLong();
    private WorkflowBook book;
    private Runnable onChanged = () -> { };
    private long pendingFor = -1;
    private String pendingText = "";

    /**
     * @param opener     shows an extracted attachment with the system viewer
     * @param viewFolder where checked copies of attachments are written for the viewer
     */
    public CaseDetailViewModel(CaseService cases, Session session, BackgroundExecutor executor, Messages messages,
            DocumentOpener opener, Path viewFolder, java.time.LocalDate today) {
        this.cases = cases;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.text = new CaseText(messages);
        this.opener = opener;
        this.viewFolder = viewFolder;
        this.today = today;
    }

    /** Called after a step, an edit or an attachment changed the case (the list refreshes). */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged == null ? () -> { } : onChanged;
    }

    private record Loaded(WorkflowBook book, CaseDetail detail) {
    }

    /** After a registration: what to say once the new case is shown (its number, or the warnings). */
    public void announce(CaseService.Result r) {
        pendingFor = r.aidCase().id();
        pendingText = r.warnings().isEmpty() ? messages.get("ui.cases.registered", r.aidCase().caseNo())
                : messages.get("ui.cases.registered", r.aidCase().caseNo()) + "\n" + text.problems(r.warnings());
    }

    /** Loads a case off the UI thread. */
    public void load(long caseId) {
        long gen = generation.incrementAndGet();
        CaseDetail shown = current.get();
        if (shown == null || shown.aidCase().id() != caseId) {
            message.set("");
        }
        busy.set(true);
        executor.run(() -> new Loaded(cases.workflows(), cases.detail(caseId)), l -> {
            if (gen != generation.get()) {
                return;
            }
            busy.set(false);
            show(l.book(), l.detail());
        }, e -> {
                if (gen == generation.get()) {
                    busy.set(false);
                    error.set(text.error(e));
                }
            });
    }

    /** Nothing selected. */
    public void clear() {
        generation.incrementAndGet();
        current.set(null);
        title.set(messages.get("ui.cases.noneSelected"));
        memberText.set("");
        typeText.set("");
        stateText.set("");
        amountText.set("");
        registeredText.set("");
        fields.clear();
        timeline.clear();
        attachments.clear();
        actions.clear();
        refusals.set("");
        message.set("");
        error.set("");
    }

    private void show(WorkflowBook b, CaseDetail d) {
        book = b;
        AidCase c = d.aidCase();
        current.set(d);
        error.set("");
        if (pendingFor == c.id()) {
            message.set(pendingText);
            pendingFor = -1;
        }
        title.set(messages.get("ui.cases.title", c.caseNo(), text.label(b.typeLabel(c.type()))));
        String dept = d.row().department() == null ? "" : d.row().department();
        memberText.set(messages.get("ui.cases.memberLine", d.row().memberName(),
                d.row().cardNo() == null ? "" : d.row().cardNo(), dept));
        typeText.set(text.label(b.typeLabel(c.type())));
        stateText.set(text.label(b.stateLabel(c.type(), c.state())));
        List<String> amounts = new ArrayList<>();
        if (c.requested() != null) {
            amounts.add(messages.get("ui.cases.requested", text.yuan(c.requested())));
        }
        if (c.approved() != null) {
            amounts.add(messages.get("ui.cases.approved", text.yuan(c.approved())));
        }
        if (c.paid() != null) {
            amounts.add(messages.get("ui.cases.paid", text.yuan(c.paid())));
        }
        amountText.set(String.join(messages.get("ui.cases.sep"), amounts));
        registeredText.set(messages.get("ui.cases.registeredLine", c.registeredBy(), c.registeredAt().format(WHEN)));
        List<FieldLine> fl = new ArrayList<>();
        for (String name : b.type(c.type()).fields()) {
            FieldDef f = b.field(name);
            fl.add(new FieldLine(text.label(f.label()), text.value(f, d.values().get(name))));
        }
        fields.setAll(fl);
        Workflow wf = b.workflowOf(c.type());
        List<TimelineLine> tl = new ArrayList<>();
        for (CaseEvent e : d.timeline()) {
            tl.add(new TimelineLine(e.at().format(WHEN), who(e.operator(), e.role()), what(wf, e),
                    e.comment() == null ? "" : e.comment(), e.changes() == null ? "" : e.changes()));
        }
        timeline.setAll(tl);
        attachments.setAll(d.attachments());
        List<ActionItem> items = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (ActionOption o : d.actions()) {
            String refusal = o.refusal() == null ? null : text.problem(o.refusal());
            items.add(new ActionItem(o.transition().action(), text.label(o.transition().label()), o.allowed(), refusal));
            if (refusal != null) {
                why.add(refusal);
            }
        }
        actions.setAll(canAct() ? items : List.of());
        refusals.set(canAct() ? String.join("\n", why) : "");
    }

    private String who(String operator, String role) {
        String r = role == null ? "" : messages.has("role." + role) ? messages.get("role." + role) : role;
        return r.isEmpty() ? operator : messages.get("ui.sec.account", operator, r);
    }

    private String what(Workflow wf, CaseEvent e) {
        String step;
        switch (e.action()) {
            case CaseEvent.REGISTER:
                step = messages.get("ui.cases.event.register");
                break;
            case CaseEvent.UPDATE:
                step = messages.get("ui.cases.event.update");
                break;
            case CaseEvent.ATTACH:
                return messages.get("ui.cases.event.attach");
            default:
                step = wf.transitions().stream().filter(t -> t.action().equals(e.action())).findFirst()
                        .map(t -> text.label(t.label())).orElse(e.action());
        }
        if (CaseEvent.REGISTER.equals(e.action()) || e.toState() == null || e.toState().equals(e.fromState())) {
            return step;
        }
        String target = wf.state(e.toState()).map(s -> text.label(s.label())).orElse(e.toState());
        return target.equals(step) ? step : messages.get("ui.cases.event.toState", step, target);
    }

    /** Roles that may take some step see the step buttons; read-only roles see none. */
    public boolean canAct() {
        return session.may(Permission.CASE_WRITE) || session.may(Permission.CASE_APPROVE)
                || session.may(Permission.CASE_PAY);
    }

    /** Adding attachments needs the right to write cases. */
    public boolean canAttach() {
        return session.may(Permission.CASE_WRITE);
    }

    /** The form for a step out of the current state; null when none is shown or it is unknown. */
    public TransitionViewModel startTransition(String action) {
        CaseDetail d = current.get();
        if (d == null || book == null) {
            return null;
        }
        Transition t = book.workflowOf(d.aidCase().type()).from(d.aidCase().state()).stream()
                .filter(x -> x.action().equals(action)).findFirst().orElse(null);
        if (t == null) {
            return null;
        }
        return new TransitionViewModel(cases, book, d, t, executor, messages, today, r -> {
            message.set(r.warnings().isEmpty()
                    ? messages.get("ui.cases.stepDone", text.label(t.label()), r.aidCase().caseNo())
                    : text.problems(r.warnings()));
            load(r.aidCase().id());
            onChanged.run();
        });
    }

    /** Adds a file to the case (the service stores it by SHA-256 and lists it). */
    public void addAttachment(Path file) {
        CaseDetail d = current.get();
        if (d == null || file == null) {
            return;
        }
        long id = d.aidCase().id();
        busy.set(true);
        executor.run(() -> cases.addAttachment(id, file), a -> {
            busy.set(false);
            error.set("");
            message.set(messages.get("ui.cases.attached", a.name()));
            load(id);
            onChanged.run();
        }, e -> {
                busy.set(false);
                error.set(text.error(e));
            });
    }

    /** The documents (approval form); without them the print command is not offered. */
    public void setDocuments(cn.uniondesk.service.CaseDocumentService documents) {
        this.documents = documents;
    }

    public boolean canPrint() {
        return documents != null;
    }

    /**
     * 打印审批表: writes the case's approval form (帮扶审批表, ID numbers masked) as a PDF and opens it
     * with the system viewer, from where the clerk prints it.
     */
    public void printApprovalForm() {
        CaseDetail d = current.get();
        if (d == null || documents == null) {
            return;
        }
        long id = d.aidCase().id();
        Path out = viewFolder.resolve(messages.get("ui.cases.form.file", d.aidCase().caseNo()));
        busy.set(true);
        executor.run(() -> {
            java.nio.file.Files.createDirectories(viewFolder);
            documents.approvalForm(id, out, messages, null);
            return out;
        }, p -> {
                busy.set(false);
                error.set("");
                opener.open(p);
            }, e -> {
                busy.set(false);
                error.set(text.error(e));
            });
    }

    /** Writes a checked copy of the attachment and shows it with the system viewer; a damaged file is refused. */
    public void openAttachment(CaseAttachment a) {
        if (a == null) {
            return;
        }
        busy.set(true);
        executor.run(() -> cases.extractAttachment(a.id(), viewFolder), p -> {
            busy.set(false);
            error.set("");
            opener.open(p);
        }, e -> {
                busy.set(false);
                error.set(text.error(e));
            });
    }

    /** An attachment's size for the list: B, KB or MB. */
    public String size(CaseAttachment a) {
        long b = a.sizeBytes();
        if (b < 1024) {
            return messages.get("ui.cases.size.b", b);
        }
        if (b < 1024 * 1024) {
            return messages.get("ui.cases.size.kb", String.format(java.util.Locale.ROOT, "%.1f", b / 1024.0));
        }
        return messages.get("ui.cases.size.mb", String.format(java.util.Locale.ROOT, "%.1f", b / (1024.0 * 1024)));
    }

    public String addedAt(CaseAttachment a) {
        return a.addedAt().format(WHEN);
    }

    public ReadOnlyObjectProperty<CaseDetail> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memberTextProperty() {
        return memberText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty typeTextProperty() {
        return typeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountTextProperty() {
        return amountText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty registeredTextProperty() {
        return registeredText.getReadOnlyProperty();
    }

    public ObservableList<FieldLine> fields() {
        return fieldsView;
    }

    public ObservableList<TimelineLine> timeline() {
        return timelineView;
    }

    public ObservableList<CaseAttachment> attachments() {
        return attachmentsView;
    }

    public ObservableList<ActionItem> actions() {
        return actionsView;
    }

    /** Why the refused steps are refused, one per line (the service's words). */
    public ReadOnlyStringProperty refusalsProperty() {
        return refusals.getReadOnlyProperty();
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

    public Messages messages() {
        return messages;
    }
}
