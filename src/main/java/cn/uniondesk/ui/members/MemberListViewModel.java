package cn.uniondesk.ui.members;

import cn.uniondesk.domain.Department;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberEvent;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberLifecycle;
import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.MemberStatus;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.MemberQuery;
import cn.uniondesk.service.MemberService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import java.util.List;
import java.util.Set;
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
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member register screen: search as you type with filters, the selected member's details and
 * history, and the lifecycle actions allowed for them. Every service call runs through the
 * injected {@link BackgroundExecutor}; a newer search cancels an older one cooperatively.
 */
public final class MemberListViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MemberListViewModel.class);

    private final MemberService members;
    private final BackgroundExecutor executor;
    private final Messages messages;

    private final StringProperty searchText = new SimpleStringProperty("");
    /** null means every department. */
    private final ObjectProperty<Department> departmentFilter = new SimpleObjectProperty<>();
    /** null means every status. */
    private final ObjectProperty<MemberStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObservableList<MemberRow> rows = FXCollections.observableArrayList();
    private final ObservableList<MemberRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<Department> departments = FXCollections.observableArrayList();
    private final ObservableList<Department> departmentsView = FXCollections.unmodifiableObservableList(departments);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);

    private final ObjectProperty<MemberRow> selectedRow = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Member> selectedMember = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectedDepartmentName = new ReadOnlyStringWrapper("");
    private final ObservableList<MemberEvent> history = FXCollections.observableArrayList();
    private final ObservableList<MemberEvent> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<MemberEventType> allowedActions = FXCollections.observableArrayList();
    private final ObservableList<MemberEventType> allowedActionsView = FXCollections.unmodifiableObservableList(allowedActions);

    /** A list opened from elsewhere (the dashboard): only these members, under this label. */
    private final ReadOnlyStringWrapper onlyLabel = new ReadOnlyStringWrapper("");
    private volatile java.util.Set<Long> onlyIds;

    private final AtomicLong searchGeneration = new AtomicLong();
    private final AtomicLong detailGeneration = new AtomicLong();
    private final ChangeListener<Object> requery = (o, a, b) -> search();
    private final ChangeListener<MemberRow> selectionListener = (o, a, b) -> loadDetail(b);
    private boolean active;
    private Long pendingSelection;

    public MemberListViewModel(MemberService members, BackgroundExecutor executor, Messages messages) {
        this.members = members;
        this.executor = executor;
        this.messages = messages;
    }

    /** Starts listening and loads departments and the list; called when the screen is shown. */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        searchText.addListener(requery);
        departmentFilter.addListener(requery);
        statusFilter.addListener(requery);
        selectedRow.addListener(selectionListener);
        loadDepartments();
        search();
    }

    /** Stops listening; called when the screen is hidden. */
    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        searchText.removeListener(requery);
        departmentFilter.removeListener(requery);
        statusFilter.removeListener(requery);
        selectedRow.removeListener(selectionListener);
        searchGeneration.incrementAndGet();
    }

    public void loadDepartments() {
        executor.run(members::departments, departments::setAll, this::fail);
    }

    /** Runs the current query off the UI thread; an older search still running is cancelled. */
    public void search() {
        long gen = searchGeneration.incrementAndGet();
        MemberQuery q = query();
        searching.set(true);
        executor.run(() -> members.search(q, () -> searchGeneration.get() != gen), result -> {
            if (result == null || gen != searchGeneration.get()) {
                return; // cancelled or overtaken by a newer search
            }
            searching.set(false);
            java.util.Set<Long> only = onlyIds;
            applyRows(only == null ? result : result.stream().filter(r -> only.contains(r.id())).toList());
        }, this::fail);
    }

    MemberQuery query() {
        Department d = departmentFilter.get();
        MemberStatus s = statusFilter.get();
        return new MemberQuery(searchText.get() == null ? "" : searchText.get(), d == null ? null : d.id(),
                s == null ? Set.of() : Set.of(s), null, null);
    }

    private void applyRows(List<MemberRow> result) {
        MemberRow keep = selectedRow.get();
        rows.setAll(result);
        countText.set(messages.get("ui.members.count", result.size()));
        long want = pendingSelection != null ? pendingSelection : keep != null ? keep.id() : -1;
        pendingSelection = null;
        if (want >= 0) {
            result.stream().filter(r -> r.id() == want).findFirst().ifPresent(selectedRow::set);
        }
        error.set("");
    }

    private void loadDetail(MemberRow row) {
        long gen = detailGeneration.incrementAndGet();
        if (row == null) {
            selectedMember.set(null);
            selectedDepartmentName.set("");
            history.clear();
            allowedActions.clear();
            return;
        }
        executor.run(() -> {
            Member m = members.get(row.id());
            return new Detail(m, members.history(row.id()), members.departmentName(m.departmentId()).orElse(""));
        }, d -> {
                    if (gen != detailGeneration.get()) {
                        return;
                    }
                    selectedDepartmentName.set(d.departmentName());
                    selectedMember.set(d.member());
                    history.setAll(d.history());
                    allowedActions.setAll(MemberLifecycle.allowedActions(d.member().status()));
                }, this::fail);
    }

    private record Detail(Member member, List<MemberEvent> history, String departmentName) {
    }

    /** After a save or a lifecycle step: the list, the details and the history show the new state. */
    public void refreshAfterChange(long memberId) {
        MemberRow sel = selectedRow.get();
        pendingSelection = memberId;
        search();
        loadDepartments();
        if (sel != null && sel.id() == memberId) {
            loadDetail(sel);
        }
    }

    /** Selects a member by id when the next search result holds them (after adding). */
    public void selectAfterRefresh(long memberId) {
        pendingSelection = memberId;
    }

    public boolean isAllowed(MemberEventType action) {
        return allowedActions.contains(action);
    }

    public MemberFormViewModel newMemberForm() {
        return new MemberFormViewModel(members, executor, messages, null);
    }

    public MemberFormViewModel editForm() {
        Member m = selectedMember.get();
        if (m == null) {
            throw new IllegalStateException("no member selected");
        }
        // the form shows the full ID and mobile numbers: recorded in the audit trail
        executor.run(() -> {
            members.recordEditAccess(m.id());
            return m.id();
        }, id -> { }, this::fail);
        return new MemberFormViewModel(members, executor, messages, m);
    }

    public LifecycleViewModel lifecycle(MemberEventType action) {
        Member m = selectedMember.get();
        if (m == null) {
            throw new IllegalStateException("no member selected");
        }
        return new LifecycleViewModel(members, executor, messages, m, action);
    }

    private void fail(Throwable e) {
        LOG.error("Member list: background work failed", e);
        searching.set(false);
        error.set(messages.get("ui.error.unexpected", e.getClass().getSimpleName()));
    }

    /**
     * Shows only the given members (e.g. "joined this month" from the dashboard), with the other
     * filters cleared; {@link #clearOnly} returns to the whole register.
     */
    public void showOnly(String label, java.util.Set<Long> ids) {
        onlyIds = java.util.Set.copyOf(ids);
        onlyLabel.set(label);
        searchText.set("");
        departmentFilter.set(null);
        statusFilter.set(null);
        if (active) {
            search();
        }
    }

    public void clearOnly() {
        onlyIds = null;
        onlyLabel.set("");
        if (active) {
            search();
        }
    }

    /** The label of the list shown by {@link #showOnly}, empty for the whole register. */
    public ReadOnlyStringProperty onlyLabelProperty() {
        return onlyLabel.getReadOnlyProperty();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Department> departmentFilterProperty() {
        return departmentFilter;
    }

    public ObjectProperty<MemberStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObservableList<MemberRow> rows() {
        return rowsView;
    }

    public ObservableList<Department> departments() {
        return departmentsView;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ObjectProperty<MemberRow> selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyObjectProperty<Member> selectedMemberProperty() {
        return selectedMember.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedDepartmentNameProperty() {
        return selectedDepartmentName.getReadOnlyProperty();
    }

    public ObservableList<MemberEvent> history() {
        return historyView;
    }

    public ObservableList<MemberEventType> allowedActions() {
        return allowedActionsView;
    }

    public Messages messages() {
        return messages;
    }
}
