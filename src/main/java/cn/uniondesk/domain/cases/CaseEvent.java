package cn.uniondesk.domain.cases;

import java.time.LocalDateTime;

/**
 * One line of a case's timeline: registration, an edit or a workflow step, who took it in which
 * role, when, with what comment and which field changes.
 */
public record CaseEvent(Long id, long caseId, String action, String fromState, String toState, String operator,
        String role, LocalDateTime at, String comment, String changes) {
    /** The action of the registration event. */
    public static final String REGISTER = "register";
    /** The action of an edit of the fields (the state does not change). */
    public static final String UPDATE = "update";
    /** The action of an added attachment. */
    public static final String ATTACH = "attach";
}
