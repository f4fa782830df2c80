package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Money;
import java.util.List;

/**
 * Eligibility of a household against the local minimum living standard (低保 line, per city and
 * year): at or below the line; or above it by at most 50% with a qualifying cause (illness,
 * schooling costs, disaster). Compared on totals (income ≤ line × household size), so no
 * rounding of the per-head figure decides a case.
 */
public record Eligibility(Verdict verdict, Money incomePerHead, Money line, Money bandLimit, int householdSize) {

    public enum Verdict {
        /** at or below the 低保 line */
        BELOW_LINE,
        /** above the line, within +50%, with a qualifying cause */
        WITHIN_BAND,
        /** above the line (without a qualifying cause) or above +50% */
        NOT_ELIGIBLE,
        /** no 低保 line set for the city and year */
        NO_LINE;

        public boolean eligible() {
            return this == BELOW_LINE || this == WITHIN_BAND;
        }

        public String key() {
            return "hardship.eligibility." + name();
        }
    }

    /** @param lineFen the monthly 低保 line per person, or null when none is set */
    public static Eligibility assess(Money householdIncome, int householdSize, Long lineFen,
            List<HardshipEnums.Cause> causes) {
        Money perHead = Money.ofFen(Math.floorDiv(householdIncome.fen(), householdSize));
        if (lineFen == null) {
            return new Eligibility(Verdict.NO_LINE, perHead, null, null, householdSize);
        }
        Money line = Money.ofFen(lineFen);
        Money band = Money.ofFen(lineFen * 3 / 2);
        long total = householdIncome.fen();
        Verdict v;
        if (total <= lineFen * householdSize) {
            v = Verdict.BELOW_LINE;
        } else if (total * 2 <= lineFen * 3 * householdSize
                && causes.stream().anyMatch(HardshipEnums.Cause::qualifiesForBand)) {
            v = Verdict.WITHIN_BAND;
        } else {
            v = Verdict.NOT_ELIGIBLE;
        }
        return new Eligibility(v, perHead, line, band, householdSize);
    }
}
