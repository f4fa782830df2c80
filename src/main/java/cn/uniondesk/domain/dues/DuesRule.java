package cn.uniondesk.domain.dues;

import cn.uniondesk.domain.MemberStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The union's dues rule from a month on: monthly dues = floor(base / floor unit) × floor unit ×
 * rate, rounded to the unit (the common rule: floor unit 10 yuan, rate 0.5%, so dues are always a
 * multiple of 0.05 yuan). Exemptions are checked in order; the first that matches decides.
 * A new rule applies from its month on and never rewrites months before it.
 */
public record DuesRule(YearMonth effectiveFrom, BigDecimal rate, long floorUnitFen, RoundingMode rounding,
        RoundingUnit unit, MidMonthRule midMonth, List<ExemptionRule> exemptions) {

    public DuesRule {
        Objects.requireNonNull(effectiveFrom);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("rate must be between 0 and 1: " + rate);
        }
        if (floorUnitFen < 1) {
            throw new IllegalArgumentException("floor unit must be at least 1 fen");
        }
        exemptions = List.copyOf(exemptions);
    }

    /**
     * The standard rule (千分之五 of the wage, tail under 10 yuan not counted, to the 分, half up;
     * 保留会籍 retirees exempt), effective from {@code from}.
     */
    public static DuesRule standard(YearMonth from) {
        return new DuesRule(from, new BigDecimal("0.005"), 1000, RoundingMode.HALF_UP, RoundingUnit.FEN,
                MidMonthRule.ACTIVE_ANY_DAY,
                List.of(ExemptionRule.exempt(ExemptionRule.Kind.STATUS, MemberStatus.RETIRED.name())));
    }

    public DuesResult compute(DuesSubject s) {
        long floored = Math.floorDiv(Math.max(0, s.wageBaseFen()), floorUnitFen) * floorUnitFen;
        for (ExemptionRule e : exemptions) {
            if (e.matches(s)) {
                return new DuesResult(s.wageBaseFen(), floored, e.flatFen() == null ? 0 : e.flatFen(), e);
            }
        }
        BigDecimal raw = BigDecimal.valueOf(floored).multiply(rate);
        BigDecimal units = raw.divide(BigDecimal.valueOf(unit.fen()), 0, rounding);
        long amount = units.longValueExact() * unit.fen();
        return new DuesResult(s.wageBaseFen(), floored, amount, null);
    }

    /** Whether a member whose membership ran from {@code from} to {@code until} (null: still) owes {@code month}. */
    public boolean owesMonth(YearMonth month, java.time.LocalDate from, java.time.LocalDate until) {
        java.time.LocalDate first = month.atDay(1);
        java.time.LocalDate last = month.atEndOfMonth();
        boolean onFirst = !from.isAfter(first) && (until == null || !until.isBefore(first));
        boolean onLast = !from.isAfter(last) && (until == null || !until.isBefore(last));
        boolean anyDay = !from.isAfter(last) && (until == null || !until.isBefore(first));
        switch (midMonth) {
            case ACTIVE_ON_FIRST_DAY:
                return onFirst;
            case ACTIVE_ON_LAST_DAY:
                return onLast;
            case ACTIVE_ANY_DAY:
            default:
                return anyDay;
        }
    }
}
