package cn.uniondesk.domain.dues;

/**
 * Whether a member who joins or leaves during a month owes that month's dues. The union's
 * setting; the default is {@link #ACTIVE_ANY_DAY} (入会当月起缴, the month of leaving is still due).
 */
public enum MidMonthRule {
    /** Due when the member held membership on any day of the month. */
    ACTIVE_ANY_DAY,
    /** Due only when the member held membership on the 1st (joiners start next month; leavers' month is due). */
    ACTIVE_ON_FIRST_DAY,
    /** Due only when the member held membership on the last day (joiners' month is due; leavers' month is not). */
    ACTIVE_ON_LAST_DAY
}
