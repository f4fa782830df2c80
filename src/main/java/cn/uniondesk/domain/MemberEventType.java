package cn.uniondesk.domain;

/** What happened to a member. Lifecycle events change the status; UPDATE records an edit. */
public enum MemberEventType {
    /** 入会 */
    JOIN("入会"),
    /** 转入 */
    TRANSFER_IN("转入"),
    /** 转出 */
    TRANSFER_OUT("转出"),
    /** 退会 */
    LEAVE("退会"),
    /** 退休保留会籍 */
    RETIRE("退休保留会籍"),
    /** 去世 */
    DECEASE("去世"),
    /** 信息变更 */
    UPDATE("信息变更");

    private final String zh;

    MemberEventType(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public boolean isLifecycle() {
        return this != UPDATE;
    }
}
