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
    RESTORE,
    /** See aid cases and hardship files (帮扶). */
    CASE_READ,
    /** Register and edit cases and hardship files, take the ordinary workflow steps. */
    CASE_WRITE,
    /** Approve or reject a case (审批); never one's own (separation of duties). */
    CASE_APPROVE,
    /** Record the payment of an approved case (发放); never one's own. */
    CASE_PAY
}
