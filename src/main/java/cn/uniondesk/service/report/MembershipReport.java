package cn.uniondesk.service.report;

import cn.uniondesk.domain.report.PeriodCounts;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 会员统计 of a period: the union's figures and each department's (name "" = no department). */
public record MembershipReport(LocalDate from, LocalDate to, PeriodCounts total, Map<String, PeriodCounts> departments) {

    /** start + joined + transferred in − transferred out − left − deceased = end, for the union. */
    public boolean balanced() {
        return total.balanced();
    }

    /** Departments whose own figures do not balance. */
    public List<String> unbalancedDepartments() {
        return departments.entrySet().stream().filter(e -> !e.getValue().balanced()).map(Map.Entry::getKey).toList();
    }

    /** Σ departments' end = the union's end. */
    public boolean departmentsAddUp() {
        return departments.values().stream().mapToInt(PeriodCounts::end).sum() == total.end()
                && departments.values().stream().mapToInt(PeriodCounts::start).sum() == total.start();
    }
}
