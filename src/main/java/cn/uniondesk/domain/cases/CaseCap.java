package cn.uniondesk.domain.cases;

import cn.uniondesk.domain.Money;

/** A yearly cap per member for one case type: beyond it the approval warns or is blocked. */
public record CaseCap(CaseType type, Money yearlyLimit, Mode mode) {
    public enum Mode { WARN, BLOCK }

    /** True when {@code alreadyThisYear} plus {@code amount} exceeds the cap. */
    public boolean exceededBy(Money alreadyThisYear, Money amount) {
        return alreadyThisYear.plus(amount).compareTo(yearlyLimit) > 0;
    }
}
