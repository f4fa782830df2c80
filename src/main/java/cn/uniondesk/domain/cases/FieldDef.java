package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Money;
import cn.uniondesk.domain.TextNormalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** One field a case may carry: its name, kind, label and (for a choice) its options. */
public record FieldDef(String name, FieldKind kind, Label label, List<Option> options) {
    /** Longest text a text field keeps. */
    public static final int MAX_TEXT = 1000;

    public FieldDef {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A choice: a stable code and its label. */
    public record Option(String code, Label label) {
    }

    public Optional<Option> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /**
     * The typed value of {@code raw}: {@code null} for blank, a {@link Money} for money (yuan as
     * typed), a {@link LocalDate}, an option code (the code or either label accepted), or trimmed text.
     *
     * @throws CaseRuleException with a clear message naming the field
     */
    public Object parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        switch (kind) {
            case MONEY:
                try {
                    Money m = Money.parseYuan(s);
                    if (m.fen() < 0) {
                        throw new CaseRuleException("case.field.negative", label, s);
                    }
                    return m;
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new CaseRuleException("case.field.badMoney", label, s);
                }
            case DATE:
                try {
                    return LocalDate.parse(TextNormalizer.compact(s));
                } catch (DateTimeParseException e) {
                    throw new CaseRuleException("case.field.badDate", label, s);
                }
            case CHOICE:
                for (Option o : options) {
                    if (o.code().equalsIgnoreCase(s) || o.label().zh().equals(s) || o.label().en().equalsIgnoreCase(s)) {
                        return o.code();
                    }
                }
                throw new CaseRuleException("case.field.badChoice", label, s,
                        options.stream().map(Option::label).map(Object.class::cast).toList());
            case TEXT:
            default:
                if (s.length() > MAX_TEXT) {
                    throw new CaseRuleException("case.field.tooLong", label, MAX_TEXT);
                }
                return s;
        }
    }

    /** The value as text for storing in the details and for display: yuan, ISO date, code, text. */
    public static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Money) {
            return ((Money) value).toYuanString();
        }
        return value.toString();
    }
}
