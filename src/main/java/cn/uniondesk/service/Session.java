package cn.uniondesk.service;

import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Role;
import java.util.Objects;

/**
 * Who is working and in which role: the operator written into every event and audit row, and the
 * role every service checks before it acts.
 */
public final class Session {
    private volatile String operator;
    private volatile Role role;

    public Session(String operator, Role role) {
        this.operator = Objects.requireNonNull(operator);
        this.role = Objects.requireNonNull(role);
    }

    /** An administrator session (command line before accounts, tests, the first start). */
    public Session(String operator) {
        this(operator, Role.ADMIN);
    }

    public static Session ofSystemUser() {
        String u = System.getProperty("user.name");
        return new Session(u == null || u.isBlank() ? "system" : u);
    }

    public String operator() {
        return operator;
    }

    public Role role() {
        return role;
    }

    public void switchTo(String newOperator, Role newRole) {
        this.operator = Objects.requireNonNull(newOperator);
        this.role = Objects.requireNonNull(newRole);
    }

    public boolean may(Permission p) {
        return role.may(p);
    }

    /** @throws PermissionDeniedException when the current role may not do {@code p} */
    public void require(Permission p) {
        if (!role.may(p)) {
            throw new PermissionDeniedException(operator, role, p);
        }
    }
}
