package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.MemberRow;
import cn.uniondesk.domain.cases.CaseFields;
import cn.uniondesk.domain.cases.CaseType;
import cn.uniondesk.domain.cases.CaseTypeDef;
import cn.uniondesk.domain.cases.WorkflowBook;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.service.CaseService;
import cn.uniondesk.service.MemberQuery;
import cn.uniondesk.service.MemberService;
import cn.uniondesk.ui.common.BackgroundExecutor;
import cn.uniondesk.ui.common.Choice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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

/**
 * Registering a case (新建): the member (searched by name, pinyin, card or ID number), the case
 * type, the type's own fields — built from the workflow definitions, so a union's own fields
 * appear without code — and a comment. The warnings registering would give (yearly cap,
 * the same programme twice in a period) are shown before saving; they do not block.
 */
public final class CaseFormViewModel {
    static final int MAX_MATCHES = 30;

    private final CaseService cases;
    private final MemberService members;
    private final WorkflowBook book;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final CaseText text;

    private final StringProperty memberQuery = new SimpleStringProperty("");
    private final ObservableList<MemberRow> matches = FXCollections.observableArrayList();
    private final ObjectProperty<MemberRow> member = new SimpleObjectProperty<>();
    private final ObservableList<Choice<CaseType>> types = FXCollections.observableArrayList();
    private final ObjectProperty<CaseType> type = new SimpleObjectProperty<>();
    private final ObservableList<FieldInput> inputs = FXCollections.observableArrayList();
    private final StringProperty comment = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final AtomicLong searchGeneration = new AtomicLong();
    private final AtomicLong warnGeneration = new AtomicLong();

    CaseFormViewModel(CaseService cases, MemberService members, WorkflowBook book, BackgroundExecutor executor,
            Messages messages) {
        this.cases = cases;
        this.members = members;
        this.book = book;
        this.executor = executor;
        this.messages = messages;
        this.text = new CaseText(messages);
        for (CaseType t : CaseType.values()) {
            types.add(new Choice<>(t, text.label(book.typeLabel(t))));
        }
        memberQuery.addListener((o, a, b) -> search(b));
        member.addListener((o, a, b) -> {
            error.set("");
            refreshWarnings();
        });
        type.addListener((o, a, b) -> {
            buildInputs(b);
            refreshWarnings();
        });
    }

    private void search(String q) {
        long gen = searchGeneration.incrementAndGet();
        if (q == null || q.isBlank()) {
            matches.clear();
            return;
        }
        executor.run(() -> members.search(MemberQuery.text(q.strip())), list -> {
            if (gen == searchGeneration.get()) {
                matches.setAll(list.size() > MAX_MATCHES ? list.subList(0, MAX_MATCHES) : list);
            }
        }, e -> error.set(text.error(e)));
    }

    /** The fields of the type a registration may set, required ones marked (those set by approval or payment left out). */
    private void buildInputs(CaseType t) {
        if (t == null) {
            inputs.clear();
            return;
        }
        CaseTypeDef def = book.type(t);
        Set<String> required = new LinkedHashSet<>();
        required.add(CaseFields.SUMMARY);
        required.addAll(book.requiredIn(t, book.workflowOf(t).initial()));
        List<FieldInput> list = new ArrayList<>();
        for (String n : def.fields()) {
            if (CaseFields.setByApproval(n) || CaseFields.setByPayment(n)) {
                continue;
            }
            FieldInput in = new FieldInput(book.field(n), text.label(book.field(n).label()), required.contains(n), "");
            in.valueProperty().addListener((o, a, b) -> error.set(""));
            if (CaseFields.REQUESTED_AMOUNT.equals(n) || CaseFields.PROGRAMME_PERIOD.equals(n)) {
                in.valueProperty().addListener((o, a, b) -> refreshWarnings());
            }
            list.add(in);
        }
        inputs.setAll(list);
    }

    private Map<String, String> typed() {
        Map<String, String> m = new LinkedHashMap<>();
        for (FieldInput in : inputs) {
            if (!in.value().isEmpty()) {
                m.put(in.name(), in.value());
            }
        }
        return m;
    }

    /** Asks the service which warnings registering would give now (cap, duplicate programme). */
    public void refreshWarnings() {
        long gen = warnGeneration.incrementAndGet();
        MemberRow m = member.get();
        CaseType t = type.get();
        if (m == null || t == null) {
            warnings.set("");
            return;
        }
        Map<String, String> f = typed();
        executor.run(() -> cases.previewWarnings(t, m.id(), f), ps -> {
            if (gen == warnGeneration.get()) {
                warnings.set(text.problems(ps));
            }
        }, e -> {
                if (gen == warnGeneration.get()) {
                    warnings.set(""); // a field that does not parse yet: its own message shows on saving
                }
            });
    }

    /** Checks what was entered; every problem is shown at once. */
    public boolean validate() {
        List<String> problems = new ArrayList<>();
        if (member.get() == null) {
            problems.add(messages.get("ui.cases.form.memberRequired"));
        }
        if (type.get() == null) {
            problems.add(messages.get("ui.cases.form.typeRequired"));
        }
        for (FieldInput in : inputs) {
            String p = in.check(text);
            if (!p.isEmpty()) {
                problems.add(p);
            }
        }
        error.set(String.join("\n", problems));
        return problems.isEmpty();
    }

    /** Registers the case; {@code onSaved} gets the stored case and the warnings. A refusal is shown, nothing is stored. */
    public boolean save(Consumer<CaseService.Result> onSaved) {
        if (!validate()) {
            return false;
        }
        CaseType t = type.get();
        long memberId = member.get().id();
        Map<String, String> f = typed();
        String note = comment.get();
        busy.set(true);
        executor.run(() -> cases.register(t, memberId, f, note), r -> {
            busy.set(false);
            error.set("");
            onSaved.accept(r);
        }, e -> {
                busy.set(false);
                error.set(text.error(e));
            });
        return true;
    }

    /** How a found member is listed: name, card number, department. */
    public String describe(MemberRow r) {
        return r == null ? "" : messages.get("ui.cases.memberLine", r.name(), r.cardNo() == null ? "" : r.cardNo(),
                r.departmentName() == null ? "" : r.departmentName());
    }

    public StringProperty memberQueryProperty() {
        return memberQuery;
    }

    public ObservableList<MemberRow> matches() {
        return matches;
    }

    public ObjectProperty<MemberRow> memberProperty() {
        return member;
    }

    public ObservableList<Choice<CaseType>> types() {
        return types;
    }

    public ObjectProperty<CaseType> typeProperty() {
        return type;
    }

    public ObservableList<FieldInput> inputs() {
        return inputs;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
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
