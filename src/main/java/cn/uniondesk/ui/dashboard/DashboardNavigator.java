package cn.uniondesk.ui.dashboard;

import java.time.YearMonth;
import java.util.Set;

/** Where a click on the dashboard goes: the filtered list that a number summarises. */
public interface DashboardNavigator {
    /** The member register showing only {@code ids}, labelled {@code label}. */
    void showMembers(String label, Set<Long> ids);

    /** The dues screen on {@code month}: arrears only, or one department's lines (null for all). */
    void showDues(YearMonth month, boolean arrearsOnly, String department);

    /** The reports section. */
    void showReports();
}
