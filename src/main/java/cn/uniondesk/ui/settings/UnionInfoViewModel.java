package cn.uniondesk.ui.settings;

import cn.uniondesk.domain.Regions;
import cn.uniondesk.domain.UnionInfo;
import cn.uniondesk.domain.UnionInfoValidation;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.Session;
import cn.uniondesk.service.UnionService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.ErrorText;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The 本单位 tab: 工会名称, 统一社会信用代码, 上级工会 and 行政区划代码. Everyone may read them;
 * administrators change them. What is typed is checked before anything is sent (a message at each
 * wrong field, nothing saved); the service checks again and records the change in the audit trail.
 */
public final class UnionInfoViewModel {
    private final UnionService union;
    private final Session session;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final Regions regions;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty orgCode = new SimpleStringProperty("");
    private final StringProperty upperUnion = new SimpleStringProperty("");
    private final StringProperty regionCode = new SimpleStringProperty("");
    private final Map<UnionInfoValidation.Field, ReadOnlyStringWrapper> fieldErrors =
            new EnumMap<>(UnionInfoValidation.Field.class);
    private final ReadOnlyStringWrapper orgCodeNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper regionName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private Consumer<UnionInfo> onSaved = u -> { };
    /** What was last read or stored, to tell a save that changed nothing. */
    private UnionInfo typedBefore;

    public UnionInfoViewModel(UnionService union, Session session, BackgroundExecutor executor, Messages messages) {
        this.union = union;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.regions = Regions.standard();
        for (UnionInfoValidation.Field f : UnionInfoValidation.Field.values()) {
            fieldErrors.put(f, new ReadOnlyStringWrapper(""));
        }
        regionCode.addListener((o, a, code) -> regionName.set(code == null ? ""
                : regions.fullName(code.strip()).orElse("")));
        orgCode.addListener((o, a, code) -> updateOrgCodeNote());
        updateOrgCodeNote();
    }

    /** Called with what was stored after a save (the window's title shows the name). */
    public void setOnSaved(Consumer<UnionInfo> onSaved) {
        this.onSaved = onSaved == null ? u -> { } : onSaved;
    }

    /** Everyone may look; only roles that may change the union's details edit. */
    public boolean editable() {
        return union.mayEdit();
    }

    /** The note shown to roles that may only look. */
    public String readOnlyNote() {
        return messages.get("ui.union.readOnly", messages.get("role." + session.role().name()));
    }

    /** Reads the stored details into the form. */
    public void load() {
        executor.run(() -> union.union().orElse(null), u -> {
            show(u);
            clearMessages();
        }, this::failed);
    }

    /** Checks the form; when it holds no error, saves it off the UI thread. */
    public void save() {
        if (busy.get()) {
            return;
        }
        clearMessages();
        if (!editable()) {
            error.set(readOnlyNote());
            return;
        }
        UnionInfoValidation.Result r = union.check(typed());
        for (UnionInfoValidation.Field f : UnionInfoValidation.Field.values()) {
            r.first(f).filter(UnionInfoValidation.Issue::isError)
                    .ifPresent(i -> fieldErrors.get(f).set(messages.get(i.messageKey(), i.args().toArray())));
        }
        if (r.hasErrors()) {
            status.set(messages.get("ui.union.notSaved"));
            return;
        }
        UnionInfo before = typedBefore;
        UnionInfo wanted = r.union();
        busy.set(true);
        executor.run(() -> union.update(wanted), stored -> {
            busy.set(false);
            show(stored);
            status.set(messages.get(stored.equals(before) ? "ui.union.unchanged" : "ui.union.saved"));
            onSaved.accept(stored);
        }, this::failed);
    }

    private void show(UnionInfo u) {
        typedBefore = u;
        name.set(u == null ? "" : nz(u.name()));
        orgCode.set(u == null ? "" : nz(u.orgCode()));
        upperUnion.set(u == null ? "" : nz(u.upperUnion()));
        regionCode.set(u == null ? "" : nz(u.regionCode()));
    }

    private UnionInfo typed() {
        return new UnionInfo(name.get(), orgCode.get(), upperUnion.get(), regionCode.get());
    }

    /** A warning about the code as typed (an enterprise's code), else the reminder that batches need one. */
    private void updateOrgCodeNote() {
        String code = orgCode.get() == null ? "" : orgCode.get().strip();
        if (code.isEmpty()) {
            orgCodeNote.set(messages.get("ui.union.orgCodeMissing"));
            return;
        }
        UnionInfoValidation.Result r = union.check(new UnionInfo("-", code, null, null));
        orgCodeNote.set(r.first(UnionInfoValidation.Field.ORG_CODE).filter(i -> !i.isError())
                .map(i -> messages.get(i.messageKey(), i.args().toArray())).orElse(""));
    }

    private void clearMessages() {
        fieldErrors.values().forEach(w -> w.set(""));
        status.set("");
        error.set("");
    }

    private void failed(Throwable e) {
        busy.set(false);
        error.set(ErrorText.of(e, messages));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty orgCodeProperty() {
        return orgCode;
    }

    public StringProperty upperUnionProperty() {
        return upperUnion;
    }

    public StringProperty regionCodeProperty() {
        return regionCode;
    }

    /** The message at one field ("" when it is fine). */
    public ReadOnlyStringProperty errorProperty(UnionInfoValidation.Field field) {
        return fieldErrors.get(field).getReadOnlyProperty();
    }

    /** A note under the code: missing, or a warning about what is typed. */
    public ReadOnlyStringProperty orgCodeNoteProperty() {
        return orgCodeNote.getReadOnlyProperty();
    }

    /** The name of the region typed (e.g. 江苏省苏州市虎丘区), "" when unknown. */
    public ReadOnlyStringProperty regionNameProperty() {
        return regionName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A refusal or failure of the whole save. */
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
