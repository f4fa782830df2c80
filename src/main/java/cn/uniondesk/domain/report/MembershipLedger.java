package cn.uniondesk.domain.report;

import cn.uniondesk.domain.Gender;
import cn.uniondesk.domain.MemberEventType;
import cn.uniondesk.domain.MemberStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The membership over time, rebuilt from the lifecycle events (date, type, status after), so the
 * figures of a past month are what they were then even if members changed since. One pass over
 * the members answers any period; nothing is read from the database here.
 *
 * <p>A member counts as holding membership on a day when the status after their last event dated
 * on or before that day is 在册 or 退休保留会籍. Start = holders on the day before the period,
 * end = holders on its last day; joins, transfers in and out, leaves and deaths are the events
 * dated inside it. When the events are consistent, start + changes = end; a member whose events
 * contradict each other (e.g. two joins in a row) breaks the identity, and the report shows it.
 */
public final class MembershipLedger {
    /** Department label for members without one. */
    public static final String NO_DEPARTMENT = "";

    private final List<MemberFacts> members;
    private final Map<Long, List<StatusMark>> marks;

    /**
     * @param marks per member id, the lifecycle events sorted by date (then by recording order);
     *              members without any are taken as joined on their join date with their current status
     */
    public MembershipLedger(List<MemberFacts> members, Map<Long, List<StatusMark>> marks) {
        this.members = members;
        this.marks = marks;
    }

    public int size() {
        return members.size();
    }

    private List<StatusMark> marksOf(MemberFacts m) {
        List<StatusMark> l = marks.get(m.id());
        if (l != null && !l.isEmpty()) {
            return l;
        }
        return syntheticMarks(m.joinDate(), m.status());
    }

    /** The marks the statistics assume for a member without lifecycle events: joined on the join date, then the status. */
    public static List<StatusMark> syntheticMarks(LocalDate joinDate, MemberStatus status) {
        List<StatusMark> synthetic = new ArrayList<>(2);
        synthetic.add(new StatusMark(joinDate, MemberEventType.JOIN, MemberStatus.ACTIVE));
        if (status != MemberStatus.ACTIVE) {
            synthetic.add(new StatusMark(joinDate, eventFor(status), status));
        }
        return synthetic;
    }

    /**
     * A member's part in the number of holders over time: +1 on each day their membership starts,
     * -1 on each day it ends, from marks sorted by date (then recording order). Summed over every
     * member and every day up to D, these give {@link #holdersOn} D.
     */
    public static Map<LocalDate, Integer> holdingChanges(List<StatusMark> sorted) {
        Map<LocalDate, Integer> out = new TreeMap<>();
        boolean held = false;
        for (int i = 0; i < sorted.size(); i++) {
            StatusMark m = sorted.get(i);
            if (i + 1 < sorted.size() && sorted.get(i + 1).date().equals(m.date())) {
                continue; // the day's last mark decides the day
            }
            boolean h = holds(m.after());
            if (h != held) {
                out.merge(m.date(), h ? 1 : -1, Integer::sum);
                held = h;
            }
        }
        return out;
    }

    /** The event type a status stands for in {@link #syntheticMarks}. */
    public static MemberEventType eventFor(MemberStatus s) {
        return switch (s) {
            case RETIRED -> MemberEventType.RETIRE;
            case TRANSFERRED_OUT -> MemberEventType.TRANSFER_OUT;
            case LEFT -> MemberEventType.LEAVE;
            case DECEASED -> MemberEventType.DECEASE;
            case ACTIVE -> MemberEventType.JOIN;
        };
    }

    private static MemberStatus statusOn(List<StatusMark> l, LocalDate day) {
        MemberStatus s = null;
        for (StatusMark m : l) {
            if (m.date().isAfter(day)) {
                break;
            }
            s = m.after();
        }
        return s;
    }

    private static boolean holds(MemberStatus s) {
        return s != null && s.holdsMembership();
    }

    /** The figures of a period, for the whole union and per department (sorted by name). */
    public record Result(LocalDate from, LocalDate to, PeriodCounts total, Map<String, PeriodCounts> departments) {
    }

    /** Counts the period {@code from}..{@code to} (both inclusive). */
    public Result count(LocalDate from, LocalDate to) {
        LocalDate dayBefore = from.minusDays(1);
        PeriodCounts.Tally total = new PeriodCounts.Tally();
        Map<String, PeriodCounts.Tally> depts = new TreeMap<>();
        for (MemberFacts m : members) {
            List<StatusMark> l = marksOf(m);
            boolean atStart = holds(statusOn(l, dayBefore));
            MemberStatus endStatus = statusOn(l, to);
            boolean atEnd = holds(endStatus);
            int[] changes = new int[5];
            boolean any = false;
            for (StatusMark s : l) {
                if (s.date().isBefore(from)) {
                    continue;
                }
                if (s.date().isAfter(to)) {
                    break;
                }
                int i = switch (s.type()) {
                    case JOIN -> 0;
                    case TRANSFER_IN -> 1;
                    case TRANSFER_OUT -> 2;
                    case LEAVE -> 3;
                    case DECEASE -> 4;
                    default -> -1;
                };
                if (i >= 0) {
                    changes[i]++;
                    any = true;
                }
            }
            if (!atStart && !atEnd && !any) {
                continue;
            }
            String dept = m.department() == null ? NO_DEPARTMENT : m.department();
            PeriodCounts.Tally d = depts.computeIfAbsent(dept, k -> new PeriodCounts.Tally());
            add(total, m, atStart, atEnd, endStatus, changes, to);
            add(d, m, atStart, atEnd, endStatus, changes, to);
        }
        Map<String, PeriodCounts> out = new TreeMap<>();
        depts.forEach((k, v) -> out.put(k, v.freeze()));
        return new Result(from, to, total.freeze(), Collections.unmodifiableMap(out));
    }

    private static void add(PeriodCounts.Tally t, MemberFacts m, boolean atStart, boolean atEnd, MemberStatus endStatus,
            int[] changes, LocalDate to) {
        if (atStart) {
            t.start++;
        }
        t.joined += changes[0];
        t.transferredIn += changes[1];
        t.transferredOut += changes[2];
        t.left += changes[3];
        t.deceased += changes[4];
        if (atEnd) {
            t.end++;
            if (m.gender() == Gender.F) {
                t.women++;
            }
            if (m.migrantWorker()) {
                t.migrant++;
            }
            if (endStatus == MemberStatus.RETIRED) {
                t.retired++;
            }
            t.bands[AgeBand.of(m.birthDate(), to).ordinal()]++;
        }
    }

    /** Members holding membership on each of {@code days} (one pass). */
    public int[] holdersOn(List<LocalDate> days) {
        int[] out = new int[days.size()];
        for (MemberFacts m : members) {
            List<StatusMark> l = marksOf(m);
            for (int i = 0; i < days.size(); i++) {
                if (holds(statusOn(l, days.get(i)))) {
                    out[i]++;
                }
            }
        }
        return out;
    }

    /** Ids of members holding membership on {@code day}. */
    public Set<Long> holderIds(LocalDate day) {
        Set<Long> out = new HashSet<>();
        for (MemberFacts m : members) {
            if (holds(statusOn(marksOf(m), day))) {
                out.add(m.id());
            }
        }
        return out;
    }

    /** Ids of members with an event of one of {@code types} dated in {@code from}..{@code to}. */
    public Set<Long> idsWithEvent(LocalDate from, LocalDate to, Set<MemberEventType> types) {
        Set<Long> out = new HashSet<>();
        for (MemberFacts m : members) {
            for (StatusMark s : marksOf(m)) {
                if (!s.date().isBefore(from) && !s.date().isAfter(to) && types.contains(s.type())) {
                    out.add(m.id());
                    break;
                }
            }
        }
        return out;
    }

    /** Department of each member (for breakdowns of other figures by department). */
    public Map<Long, String> departments() {
        Map<Long, String> out = new java.util.HashMap<>(members.size() * 2);
        for (MemberFacts m : members) {
            out.put(m.id(), m.department() == null ? NO_DEPARTMENT : m.department());
        }
        return out;
    }
}
