package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.domain.cases.Eligibility;
import cn.uniondesk.domain.cases.HardshipFile;
import cn.uniondesk.domain.cases.WorkflowBook;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.HardshipService;
import cn.uniondesk.service.Session;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The member view's 帮扶 pane: the member's cases and hardship file (eligibility, review due). */
public final class MemberAidViewModel {
    private final CaseService cases;
    private final HardshipService hardship;
    private final Session session;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final CaseText text;
    private final LocalDate today;
    private final ObjectProperty<Member> member = new SimpleObjectProperty<>();
    private final ObservableList<CaseRow> memberCases = FXCollections.observableArrayList();
    private final ObservableList<CaseRow> memberCasesView = FXCollections.unmodifiableObservableList(memberCases);
    private final ReadOnlyStringWrapper hardshipText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reviewText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasFile = new ReadOnlyBooleanWrapper(false);
    private final AtomicLong generation = new AtomicLong();
    private WorkflowBook book;
    private HardshipFile file;

    public MemberAidViewModel(CaseService cases, HardshipService hardship, Session session,
            BackgroundExecutor executor, Messages messages, LocalDate today) {
        this.cases = cases;
        this.hardship = hardship;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.text = new CaseText(messages);
        this.today = today;
        member.addListener((o, a, b) -> reload());
    }

    private record Loaded(WorkflowBook book, List<CaseRow> cases, HardshipFile file, Eligibility eligibility) {
    }

    /** Loads the selected member's cases and file off the UI thread. */
    public void reload() {
        long gen = generation.incrementAndGet();
        Member m = member.get();
        if (m == null || m.id() == null) {
            memberCases.clear();
            file = null;
            hasFile.set(false);
            hardshipText.set("");
            reviewText.set("");
            return;
        }
        long id = m.id();
        executor.run(() -> {
            HardshipFile f = hardship.forMember(id).orElse(null);
            return new Loaded(cases.workflows(), cases.memberCases(id), f, f == null ? null : hardship.eligibility(f));
        }, l -> {
                if (gen != generation.get()) {
                    return;
                }
                book = l.book();
                file = l.file();
                error.set("");
                memberCases.setAll(l.cases());
                hasFile.set(file != null);
                hardshipText.set(file == null ? messages.get("ui.aid.noFile") : summary(file, l.eligibility()));
                reviewText.set(file == null ? "" : !file.active() ? messages.get("ui.aid.fileClosed")
                        : file.reviewDue(today) ? messages.get("ui.aid.reviewOverdue", file.nextReviewDue())
                        : messages.get("ui.aid.reviewDue", file.nextReviewDue()));
            }, e -> {
                if (gen == generation.get()) {
                    error.set(text.error(e));
                }
            });
    }

    private String summary(HardshipFile f, Eligibility e) {
        return messages.get("ui.aid.fileSummary", messages.get(f.data().category().key()),
                f.householdSize(), text.yuan(f.householdIncome()), text.yuan(e.incomePerHead()),
                messages.get(e.verdict().key()));
    }

    /** Opening or editing the file needs the right to write cases. */
    public boolean canEdit() {
        return session.may(Permission.CASE_WRITE);
    }

    /** The form for the member's file: the stored one, or a new one. */
    public HardshipFormViewModel hardshipForm() {
        Member m = member.get();
        if (m == null) {
            return null;
        }
        return new HardshipFormViewModel(hardship, m, file, executor, messages, today, f -> reload());
    }

    public String typeLabel(CaseRow r) {
        return book == null ? r.aidCase().type().name() : text.label(book.typeLabel(r.aidCase().type()));
    }

    public String stateLabel(CaseRow r) {
        return book == null ? r.aidCase().state() : text.label(book.stateLabel(r.aidCase().type(), r.aidCase().state()));
    }

    public String amount(CaseRow r) {
        var c = r.aidCase();
        return c.paid() != null ? text.yuan(c.paid()) : c.approved() != null ? text.yuan(c.approved())
                : c.requested() != null ? text.yuan(c.requested()) : "";
    }

    public ObjectProperty<Member> memberProperty() {
        return member;
    }

    public ObservableList<CaseRow> cases() {
        return memberCasesView;
    }

    public ReadOnlyStringProperty hardshipTextProperty() {
        return hardshipText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewTextProperty() {
        return reviewText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasFileProperty() {
        return hasFile.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
