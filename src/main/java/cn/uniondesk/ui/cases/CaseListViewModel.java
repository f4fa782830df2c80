package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.cases.CaseRow;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.Workflow;
import cn.uniondesk.domain.cases.WorkflowBook;
import cn.uniondesk.domain.cases.WorkflowState;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.CaseService.CaseQuery;
import cn.uniondesk.service.MemberService;
import cn.uniondesk.service.Session;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.Choice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The case list of the 帮扶 section: filters (type, state, department, period, waiting for me),
 * the rows, the selected case's view and the registration form. Every service call runs through
 * the injected {@link BackgroundExecutor}.
 */
public final class CaseListViewModel {
    private final CaseService cases;
    private final MemberService members;
    private final Session session;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final CaseText text;
    private final CaseDetailViewModel detail;

    private final ObjectProperty<CaseType> typeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> stateFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Department> departmentFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final BooleanProperty waitingForMe = new SimpleBooleanProperty(false);
    private final ObservableList<Choice<CaseType>> types = FXCollections.observableArrayList();
    private final ObservableList<Choice<String>> states = FXCollections.observableArrayList();
    private final ObservableList<Choice<Department>> departments = FXCollections.observableArrayList();
    private final ObservableList<CaseRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CaseRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<CaseRow> selectedRow = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final AtomicLong generation = new AtomicLong();
    private final ChangeListener<Object> requery = (o, a, b) -> refresh();
    private WorkflowBook book;
    private boolean active;

    public CaseListViewModel(CaseService cases, MemberService members, Session session, BackgroundExecutor executor,
            Messages messages, CaseDetailViewModel detail) {
        this.cases = cases;
        this.members = members;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.text = new CaseText(messages);
        this.detail = detail;
        typeFilter.addListener((o, a, b) -> {
            fillStates();
            refresh();
        });
        stateFilter.addListener(requery);
        departmentFilter.addListener(requery);
        from.addListener(requery);
        to.addListener(requery);
        waitingForMe.addListener(requery);
        selectedRow.addListener((o, a, b) -> {
            if (b == null) {
                detail.clear();
            } else if (a == null || a.aidCase().id() != b.aidCase().id()) {
                detail.load(b.aidCase().id());
            }
        });
        detail.setOnChanged(this::refreshKeepingSelection);
    }

    private record Start(WorkflowBook book, List<Department> departments) {
    }

    /** Loads the definitions and the departments, then the list; called when the screen is shown. */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        if (book != null) {
            refresh();
            return;
        }
        loading.set(true);
        executor.run(() -> new Start(cases.workflows(), members.departments()), s -> {
            book = s.book();
            List<Choice<CaseType>> t = new ArrayList<>();
            t.add(new Choice<>(null, messages.get("ui.filter.all")));
            for (CaseType ct : CaseType.values()) {
                t.add(new Choice<>(ct, text.label(book.typeLabel(ct))));
            }
            types.setAll(t);
            List<Choice<Department>> d = new ArrayList<>();
            d.add(new Choice<>(null, messages.get("ui.filter.all")));
            s.departments().stream().filter(Department::active).forEach(x -> d.add(new Choice<>(x, x.name())));
            departments.setAll(d);
            fillStates();
            refresh();
        }, e -> {
                loading.set(false);
                error.set(text.error(e));
            });
    }

    public void deactivate() {
        active = false;
        generation.incrementAndGet();
    }

    /** The states to filter by: of the chosen type's workflow, or of every workflow (by code). */
    private void fillStates() {
        if (book == null) {
            return;
        }
        Map<String, String> byCode = new LinkedHashMap<>();
        List<Workflow> wfs = typeFilter.get() == null ? List.copyOf(book.workflows().values())
                : List.of(book.workflowOf(typeFilter.get()));
        for (Workflow wf : wfs) {
            for (WorkflowState st : wf.states()) {
                byCode.merge(st.code(), text.label(st.label()), (x, y) -> x.equals(y) ? x : x + "/" + y);
            }
        }
        List<Choice<String>> s = new ArrayList<>();
        s.add(new Choice<>(null, messages.get("ui.filter.all")));
        byCode.forEach((code, label) -> s.add(new Choice<>(code, label)));
        String keep = stateFilter.get();
        states.setAll(s);
        if (keep != null && !byCode.containsKey(keep)) {
            stateFilter.set(null);
        }
    }

    /** The filters as the service's query. */
    public CaseQuery query() {
        Department d = departmentFilter.get();
        return new CaseQuery(typeFilter.get(), stateFilter.get(), d == null ? null : d.id(), from.get(), to.get(),
                waitingForMe.get(), null);
    }

    /** Lists the cases under the filters, off the UI thread. */
    public void refresh() {
        if (!active || book == null) {
            return;
        }
        LocalDate f = from.get();
        LocalDate t = to.get();
        if (f != null && t != null && t.isBefore(f)) {
            error.set(messages.get("ui.cases.badPeriod", f, t));
            return;
        }
        long gen = generation.incrementAndGet();
        CaseQuery q = query();
        loading.set(true);
        executor.run(() -> cases.list(q), list -> {
            if (gen != generation.get()) {
                return;
            }
            loading.set(false);
            error.set("");
            CaseRow selected = selectedRow.get();
            rows.setAll(list);
            countText.set(messages.get("ui.cases.count", list.size()));
            if (selected != null) {
                selectedRow.set(list.stream().filter(r -> r.aidCase().id() == selected.aidCase().id()).findFirst()
                        .orElse(null));
            }
        }, e -> {
                if (gen == generation.get()) {
                    loading.set(false);
                    error.set(text.error(e));
                }
            });
    }

    private void refreshKeepingSelection() {
        refresh();
    }

    /** After a registration: the list shows the new case, selected. */
    public void showCase(long caseId) {
        long gen = generation.incrementAndGet();
        CaseQuery q = query();
        executor.run(() -> cases.list(q), list -> {
            if (gen != generation.get()) {
                return;
            }
            rows.setAll(list);
            countText.set(messages.get("ui.cases.count", list.size()));
            CaseRow r = list.stream().filter(x -> x.aidCase().id() == caseId).findFirst().orElse(null);
            selectedRow.set(r);
            if (r == null) {
                detail.load(caseId);
            }
        }, e -> error.set(text.error(e)));
    }

    /** 新建 is offered to roles that may register cases. */
    public boolean canRegister() {
        return session.may(Permission.CASE_WRITE);
    }

    /** A registration form (the view shows it). */
    public CaseFormViewModel newCaseForm() {
        return new CaseFormViewModel(cases, members, book, executor, messages);
    }

    public String typeLabel(CaseType t) {
        return book == null ? t.name() : text.label(book.typeLabel(t));
    }

    public String stateLabel(CaseRow r) {
        return book == null ? r.aidCase().state() : text.label(book.stateLabel(r.aidCase().type(), r.aidCase().state()));
    }

    /** The amount a row shows: paid, else approved, else requested. */
    public String amount(CaseRow r) {
        var c = r.aidCase();
        return c.paid() != null ? text.yuan(c.paid()) : c.approved() != null ? text.yuan(c.approved())
                : c.requested() != null ? text.yuan(c.requested()) : "";
    }

    public ObjectProperty<CaseType> typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<String> stateFilterProperty() {
        return stateFilter;
    }

    public ObjectProperty<Department> departmentFilterProperty() {
        return departmentFilter;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public BooleanProperty waitingForMeProperty() {
        return waitingForMe;
    }

    public ObservableList<Choice<CaseType>> types() {
        return types;
    }

    public ObservableList<Choice<String>> states() {
        return states;
    }

    public ObservableList<Choice<Department>> departments() {
        return departments;
    }

    public ObservableList<CaseRow> rows() {
        return rowsView;
    }

    public ObjectProperty<CaseRow> selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public CaseDetailViewModel detail() {
        return detail;
    }

    public Messages messages() {
        return messages;
    }
}
