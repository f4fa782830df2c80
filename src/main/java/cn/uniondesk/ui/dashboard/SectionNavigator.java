package cn.uniondesk.ui.dashboard;

import cn.uniondesk.ui.dues.DuesViewModel;
import cn.uniondesk.ui.members.MemberListViewModel;
import cn.uniondesk.ui.shell.Section;
import cn.uniondesk.ui.shell.ShellViewModel;
import java.time.YearMonth;
import java.util.Set;

/** Opens the filtered lists inside the main window: sets the list's filter, then switches the section. */
public final class SectionNavigator implements DashboardNavigator {
    private final ShellViewModel shell;
    private final MemberListViewModel members;
    private final DuesViewModel dues;

    public SectionNavigator(ShellViewModel shell, MemberListViewModel members, DuesViewModel dues) {
        this.shell = shell;
        this.members = members;
        this.dues = dues;
    }

    @Override
    public void showMembers(String label, Set<Long> ids) {
        members.showOnly(label, ids);
        shell.sectionProperty().set(Section.MEMBERS);
    }

    @Override
    public void showDues(YearMonth month, boolean arrearsOnly, String department) {
        dues.filterProperty().set(arrearsOnly ? DuesViewModel.Filter.ARREARS : DuesViewModel.Filter.ALL);
        dues.departmentFilterProperty().set(department);
        dues.monthProperty().set(month);
        shell.sectionProperty().set(Section.DUES);
    }

    @Override
    public void showReports() {
        shell.sectionProperty().set(Section.REPORTS);
    }
}
