package cn.uniondesk.ui.settings;

import cn.uniondesk.domain.AuditEntry;
import cn.uniondesk.domain.Permission;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.AuditService;
import cn.uniondesk.service.Session;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audit tab: the newest rows (filtered by actor / entity) and the chain check. Needs AUDIT_READ. */
public final class AuditViewModel {
    public static final int LIMIT = 200;

    private final AuditService audit;
    private final Session session;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final StringProperty actorFilter = new SimpleStringProperty("");
    private final StringProperty entityFilter = new SimpleStringProperty("");
    private final ObservableList<AuditEntry> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verifyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper intact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public AuditViewModel(AuditService audit, Session session, BackgroundExecutor executor, Messages messages) {
        this.audit = audit;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
    }

    /** Whether the signed-in role may read the audit trail (the tab is disabled otherwise). */
    public boolean allowed() {
        return session.may(Permission.AUDIT_READ);
    }

    /** Loads the newest {@value #LIMIT} rows matching the filters. */
    public void load() {
        String actor = blankToNull(actorFilter.get());
        String entity = blankToNull(entityFilter.get());
        busy.set(true);
        executor.run(() -> {
            session.require(Permission.AUDIT_READ);
            return audit.find(actor, entity, null, LIMIT);
        }, list -> {
            busy.set(false);
            error.set("");
            rows.setAll(list);
        }, this::failed);
    }

    /** Walks the hash chain: intact, or the first row where it breaks. */
    public void verify() {
        busy.set(true);
        executor.run(() -> {
            session.require(Permission.AUDIT_READ);
            return audit.verify();
        }, v -> {
            busy.set(false);
            error.set("");
            intact.set(v.intact());
            verifyText.set(v.intact() ? messages.get("audit.intact", v.rowsChecked())
                    : messages.get("ui.sec.audit.broken", v.firstBrokenId()));
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        error.set(ErrorText.of(e, messages));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty actorFilterProperty() {
        return actorFilter;
    }

    public StringProperty entityFilterProperty() {
        return entityFilter;
    }

    public ObservableList<AuditEntry> rows() {
        return rows;
    }

    public ReadOnlyStringProperty verifyTextProperty() {
        return verifyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty intactProperty() {
        return intact.getReadOnlyProperty();
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
