package cn.uniondesk.domain.report;

import cn.uniondesk.domain.Gender;
import cn.uniondesk.domain.MemberStatus;
import java.time.LocalDate;

/**
 * What the statistics need of one member: gender, birth date (from the ID number), the 农民工 flag,
 * the department (current: department changes are not dated in the register), the join date and
 * the current status (used only for members without recorded events).
 */
public record MemberFacts(long id, Gender gender, LocalDate birthDate, boolean migrantWorker, String department,
        LocalDate joinDate, MemberStatus status) {
}
