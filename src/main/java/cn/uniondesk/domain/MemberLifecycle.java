package cn.uniondesk.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The member lifecycle as a state machine. A new member enters by 入会 or 转入; a member who left
 * or transferred out may come back by the same two steps; 去世 is final. Nothing is ever deleted.
 *
 * <pre>
 *   (new) ──入会/转入──▶ ACTIVE ──退休──▶ RETIRED
 *   ACTIVE, RETIRED ──转出──▶ TRANSFERRED_OUT ──转入/入会──▶ ACTIVE
 *   ACTIVE, RETIRED ──退会──▶ LEFT ──入会/转入──▶ ACTIVE
 *   ACTIVE, RETIRED ──去世──▶ DECEASED (final)
 * </pre>
 */
public final class MemberLifecycle {
    private static final Map<MemberEventType, Set<MemberStatus>> FROM = new EnumMap<>(MemberEventType.class);
    private static final Map<MemberEventType, MemberStatus> TO = new EnumMap<>(MemberEventType.class);

    static {
        Set<MemberStatus> comeBack = EnumSet.of(MemberStatus.TRANSFERRED_OUT, MemberStatus.LEFT);
        Set<MemberStatus> member = EnumSet.of(MemberStatus.ACTIVE, MemberStatus.RETIRED);
        FROM.put(MemberEventType.JOIN, comeBack);
        FROM.put(MemberEventType.TRANSFER_IN, comeBack);
        FROM.put(MemberEventType.TRANSFER_OUT, member);
        FROM.put(MemberEventType.LEAVE, member);
        FROM.put(MemberEventType.RETIRE, EnumSet.of(MemberStatus.ACTIVE));
        FROM.put(MemberEventType.DECEASE, member);
        TO.put(MemberEventType.JOIN, MemberStatus.ACTIVE);
        TO.put(MemberEventType.TRANSFER_IN, MemberStatus.ACTIVE);
        TO.put(MemberEventType.TRANSFER_OUT, MemberStatus.TRANSFERRED_OUT);
        TO.put(MemberEventType.LEAVE, MemberStatus.LEFT);
        TO.put(MemberEventType.RETIRE, MemberStatus.RETIRED);
        TO.put(MemberEventType.DECEASE, MemberStatus.DECEASED);
    }

    private MemberLifecycle() {
    }

    /**
     * The status after {@code action}; {@code current} is null for a person not yet in the register.
     *
     * @throws LifecycleException when the step is not allowed
     */
    public static MemberStatus next(MemberStatus current, MemberEventType action) {
        if (!action.isLifecycle()) {
            throw new LifecycleException(current, action);
        }
        if (current == null) {
            if (action == MemberEventType.JOIN || action == MemberEventType.TRANSFER_IN) {
                return MemberStatus.ACTIVE;
            }
            throw new LifecycleException(null, action);
        }
        if (!FROM.get(action).contains(current)) {
            throw new LifecycleException(current, action);
        }
        return TO.get(action);
    }

    public static boolean isAllowed(MemberStatus current, MemberEventType action) {
        try {
            next(current, action);
            return true;
        } catch (LifecycleException e) {
            return false;
        }
    }

    /** The lifecycle steps a member in {@code current} may take, in display order. */
    public static Set<MemberEventType> allowedActions(MemberStatus current) {
        Set<MemberEventType> out = EnumSet.noneOf(MemberEventType.class);
        for (MemberEventType t : MemberEventType.values()) {
            if (t.isLifecycle() && isAllowed(current, t)) {
                out.add(t);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Steps that need the counterpart union (sending or receiving) and its reference. */
    public static boolean isTransfer(MemberEventType action) {
        return action == MemberEventType.TRANSFER_IN || action == MemberEventType.TRANSFER_OUT;
    }
}
