package cn.uniondesk.domain;

/** A lifecycle step that is not allowed from the member's current status. */
public final class LifecycleException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final MemberStatus from;
    private final MemberEventType action;

    public LifecycleException(MemberStatus from, MemberEventType action) {
        super(action + " is not allowed from " + (from == null ? "(new)" : from));
        this.from = from;
        this.action = action;
    }

    public MemberStatus from() {
        return from;
    }

    public MemberEventType action() {
        return action;
    }
}
