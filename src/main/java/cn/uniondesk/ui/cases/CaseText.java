package cn.uniondesk.ui.cases;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.cases.CaseRuleException;
import cn.uniondesk.domain.cases.FieldDef;
import cn.uniondesk.domain.cases.FieldKind;
import cn.uniondesk.domain.cases.Label;
import cn.uniondesk.domain.cases.Problem;
import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.ErrorText;
import java.util.List;
import java.util.stream.Collectors;

/** Words the case screens' labels, values and refusals in the reader's language. */
public final class CaseText {
    private final Messages messages;

    public CaseText(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    public String label(Label l) {
        return l == null ? "" : l.text(messages.locale());
    }

    public String problem(Problem p) {
        return messages.get(p.messageKey(), CaseRuleException.resolveArgs(p, messages.locale(), messages::get));
    }

    public String problems(List<Problem> ps) {
        return ps.stream().map(this::problem).collect(Collectors.joining("\n"));
    }

    /** A failure as the user should read it: the rule's own words, a refusal, or "see the log". */
    public String error(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CaseRuleException c) {
                return problems(c.problems());
            }
        }
        return ErrorText.of(e, messages);
    }

    /** A field's value for display: yuan with 元, the option's label, an ISO date, the text. */
    public String value(FieldDef f, Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Money m) {
            return yuan(m);
        }
        if (f != null && f.kind() == FieldKind.CHOICE) {
            return f.option(v.toString()).map(o -> label(o.label())).orElse(v.toString());
        }
        return FieldDef.format(v);
    }

    /** The value as a form field holds it: yuan without unit, the option code, ISO date, text. */
    public static String input(Object v) {
        return v == null ? "" : FieldDef.format(v);
    }

    public String yuan(Money m) {
        return m == null ? "" : messages.get("ui.cases.yuan", m.toYuanString());
    }
}
