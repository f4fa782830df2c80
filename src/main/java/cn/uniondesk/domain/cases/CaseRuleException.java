package cn.uniondesk.domain.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A case or hardship-file request that breaks a rule (a refused transition, a missing field, a
 * blocked cap, bad input). Nothing was written. Carries one or more {@link Problem}s.
 */
public final class CaseRuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public CaseRuleException(String messageKey, Object... args) {
        this(List.of(Problem.of(messageKey, args)));
    }

    public CaseRuleException(List<Problem> problems) {
        super(problems.stream().map(p -> p.messageKey() + p.args()).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The key of the first problem (tests, and callers that show one line). */
    public String messageKey() {
        return problems.get(0).messageKey();
    }

    /**
     * The arguments of {@code p} ready for a message format: {@link Label}s in {@code locale},
     * {@link Problem.Key}s looked up with {@code messages}, lists joined with 、.
     */
    public static Object[] resolveArgs(Problem p, Locale locale, Function<String, String> messages) {
        List<Object> out = new ArrayList<>();
        for (Object a : p.args()) {
            out.add(resolve(a, locale, messages));
        }
        return out.toArray();
    }

    private static Object resolve(Object a, Locale locale, Function<String, String> messages) {
        if (a instanceof Label) {
            return ((Label) a).text(locale);
        }
        if (a instanceof Problem.Key) {
            return messages.apply(((Problem.Key) a).key());
        }
        if (a instanceof List) {
            return ((List<?>) a).stream().map(x -> String.valueOf(resolve(x, locale, messages)))
                    .collect(Collectors.joining(locale != null && "en".equals(locale.getLanguage()) ? ", " : "、"));
        }
        return a;
    }
}
