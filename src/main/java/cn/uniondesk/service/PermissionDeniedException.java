package cn.uniondesk.service;

import cn.uniondesk.domain.Permission;
import cn.uniondesk.domain.Role;

/** The current account's role may not do this; nothing was done. */
public final class PermissionDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Permission permission;
    private final Role role;

    public PermissionDeniedException(String operator, Role role, Permission permission) {
        super(operator + " (" + role + ") may not " + permission);
        this.permission = permission;
        this.role = role;
    }

    public Permission permission() {
        return permission;
    }

    public Role role() {
        return role;
    }
}
