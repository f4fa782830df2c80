package cn.uniondesk.domain.dues;

import cn.uniondesk.domain.MemberStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's periods of membership and statuses over time, rebuilt from the lifecycle events
 * (date, status after), so a roll for any month sees the member as they were then.
 */
public final class MembershipSpan {
    /** One status change: from {@code date} on, the member's status is {@code status}. */
    public record Mark(LocalDate date, MemberStatus status) {
    }

    private final List<Mark> marks;

    /** @param marks status changes sorted by date (the first is the join / transfer in) */
    public MembershipSpan(List<Mark> marks) {
        this.marks = List.copyOf(marks);
    }

    /** Whether the member owes {@code month} under the rule's mid-month setting. */
    public boolean owes(DuesRule rule, YearMonth month) {
        LocalDate start = null;
        for (Mark m : marks) {
            if (m.status().holdsMembership()) {
                if (start == null) {
                    start = m.date();
                }
            } else if (start != null) {
                if (rule.owesMonth(month, start, m.date())) {
                    return true;
                }
                start = null;
            }
        }
        return start != null && rule.owesMonth(month, start, null);
    }

    /** The status in force at the end of {@code month} (null before the first mark). */
    public MemberStatus statusAt(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        MemberStatus s = null;
        for (Mark m : marks) {
            if (!m.date().isAfter(end)) {
                s = m.status();
            }
        }
        return s;
    }

    public static MembershipSpan since(LocalDate joined, MemberStatus now) {
        List<Mark> l = new ArrayList<>();
        l.add(new Mark(joined, MemberStatus.ACTIVE));
        if (now != MemberStatus.ACTIVE) {
            l.add(new Mark(joined, now));
        }
        return new MembershipSpan(l);
    }
}
