package cn.uniondesk.domain;

/** Things a role may be allowed to do. */
public enum Permission {
    MEMBER_READ,
    MEMBER_WRITE,
    /** See ID numbers and mobiles unmasked (each view logged with a reason). */
    SENSITIVE_VIEW,
    APPROVE,
    AUDIT_READ,
    ACCOUNT_ADMIN,
    BACKUP,
    RESTORE
}
