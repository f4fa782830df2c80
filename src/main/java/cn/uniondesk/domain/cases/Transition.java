package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Role;
import java.util.List;
import java.util.Set;

/**
 * A step from one of {@code from} to {@code to}, taken as {@code action}. Who may take it: a role
 * holding {@code permission} (when set) and being one of {@code roles} (when not empty).
 */
public record Transition(String action, Label label, List<String> from, String to, Permission permission,
        Set<Role> roles, TransitionKind kind, boolean commentRequired, boolean separateFromRegistrant) {
    public Transition {
        from = List.copyOf(from);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        kind = kind == null ? TransitionKind.STEP : kind;
    }

    /** True when the registrant of a case may not take this step: approving and paying always. */
    public boolean separated() {
        return separateFromRegistrant || kind == TransitionKind.APPROVE || kind == TransitionKind.PAY;
    }

    /** The role alone is enough (separation of duties aside). */
    public boolean openTo(Role role) {
        return (permission == null || role.may(permission)) && (roles.isEmpty() || roles.contains(role));
    }
}
