package cn.uniondesk.service;

import cn.uniondesk.domain.FieldIssue;
import java.util.List;

/** Input that breaks a rule; nothing was written. Carries every issue, errors and warnings. */
public final class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldIssue> issues;

    public ValidationException(List<FieldIssue> issues) {
        super(issues.stream().filter(FieldIssue::isError).map(i -> i.field() + ":" + i.messageKey()).toList().toString());
        this.issues = List.copyOf(issues);
    }

    public List<FieldIssue> issues() {
        return issues;
    }
}
