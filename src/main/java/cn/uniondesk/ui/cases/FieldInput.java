package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.cases.CaseRuleException;
import cn.uniondesk.domain.cases.FieldDef;
import cn.uniondesk.domain.cases.FieldKind;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One input of a form built from a field definition: the field, its label in the reader's
 * language, whether it is required, the text as typed (option code for a choice, ISO date, yuan)
 * and the problem with it.
 */
public final class FieldInput {
    private final FieldDef def;
    private final String label;
    private final boolean required;
    private final String initial;
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    FieldInput(FieldDef def, String label, boolean required, String initial) {
        this.def = def;
        this.label = label;
        this.required = required;
        this.initial = initial == null ? "" : initial;
        value.set(this.initial);
        value.addListener((o, a, b) -> error.set(""));
    }

    public FieldDef def() {
        return def;
    }

    public String name() {
        return def.name();
    }

    public FieldKind kind() {
        return def.kind();
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String value() {
        return value.get() == null ? "" : value.get().strip();
    }

    /** True when the text differs from what the case holds already. */
    boolean changed() {
        return !value().equals(initial.strip());
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Checks the typed text (required, parses by its kind); sets and returns the problem, or "" when fine. */
    String check(CaseText text) {
        String v = value();
        if (v.isEmpty()) {
            error.set(required ? text.messages().get("ui.cases.required", label) : "");
        } else {
            try {
                def.parse(v);
                error.set("");
            } catch (CaseRuleException e) {
                error.set(text.problems(e.problems()));
            }
        }
        return error.get();
    }
}
