package cn.uniondesk.domain.cases;

import java.util.List;

/**
 * One problem with a request, as a message key and its arguments. Arguments may be {@link Label}s
 * (shown in the reader's language) or {@link Problem.Key}s (another message, e.g. why an ID number
 * is invalid).
 */
public record Problem(String messageKey, List<Object> args) {
    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String messageKey, Object... args) {
        return new Problem(messageKey, List.of(args));
    }

    /** A message key used as an argument. */
    public record Key(String key) {
    }
}
