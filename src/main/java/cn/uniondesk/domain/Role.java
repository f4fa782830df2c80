package cn.uniondesk.domain;

import java.util.EnumSet;
import java.util.Set;

/** 角色. What each role may do is decided here, and checked by the services. */
public enum Role {
    /** 管理员 (chair): everything, approves. */
    ADMIN(EnumSet.allOf(Permission.class)),
    /** 干事 (clerk): enters and edits, cannot approve or administer accounts. */
    CLERK(EnumSet.of(Permission.MEMBER_READ, Permission.MEMBER_WRITE, Permission.SENSITIVE_VIEW,
            Permission.BACKUP, Permission.CASE_READ, Permission.CASE_WRITE, Permission.CASE_PAY)),
    /** 审计 (auditor): reads and sees the audit trail, changes nothing. */
    AUDITOR(EnumSet.of(Permission.MEMBER_READ, Permission.AUDIT_READ, Permission.SENSITIVE_VIEW,
            Permission.CASE_READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }
}
