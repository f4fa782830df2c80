package cn.uniondesk.domain.report;

import java.util.List;

/**
 * Membership over a period: members at the start (holding membership the day before it begins)
 * and at the end (its last day), the lifecycle events dated inside it, and of the members at the
 * end: women, 农民工, retirees keeping membership, and the age bands (in {@link AgeBand} order).
 */
public record PeriodCounts(int start, int joined, int transferredIn, int transferredOut, int left, int deceased,
        int end, int women, int migrantWorkers, int retired, List<Integer> ageBands) {

    public PeriodCounts {
        ageBands = List.copyOf(ageBands);
    }

    /** start + joined + transferred in − transferred out − left − deceased. */
    public int expectedEnd() {
        return start + joined + transferredIn - transferredOut - left - deceased;
    }

    /** The identity start + changes = end holds. */
    public boolean balanced() {
        return expectedEnd() == end;
    }

    public int ageBand(AgeBand b) {
        return ageBands.get(b.ordinal());
    }

    public int ageBandTotal() {
        return ageBands.stream().mapToInt(Integer::intValue).sum();
    }

    /** Mutable sums while counting. */
    public static final class Tally {
        int start;
        int joined;
        int transferredIn;
        int transferredOut;
        int left;
        int deceased;
        int end;
        int women;
        int migrant;
        int retired;
        final int[] bands = new int[AgeBand.values().length];

        public PeriodCounts freeze() {
            return new PeriodCounts(start, joined, transferredIn, transferredOut, left, deceased, end, women, migrant,
                    retired, java.util.Arrays.stream(bands).boxed().toList());
        }
    }
}
