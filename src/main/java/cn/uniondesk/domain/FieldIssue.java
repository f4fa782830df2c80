package cn.uniondesk.domain;

import java.util.List;

/**
 * A problem with one field: an error blocks saving, a warning is shown but does not. The message
 * is a bundle key with arguments, so the UI, the command line and import reports word it alike.
 */
public record FieldIssue(MemberField field, Severity severity, String messageKey, List<Object> args) {
    public enum Severity { ERROR, WARNING }

    public static FieldIssue error(MemberField field, String key, Object... args) {
        return new FieldIssue(field, Severity.ERROR, key, List.of(args));
    }

    public static FieldIssue warning(MemberField field, String key, Object... args) {
        return new FieldIssue(field, Severity.WARNING, key, List.of(args));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
