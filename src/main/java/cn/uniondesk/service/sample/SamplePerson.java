package cn.uniondesk.service.sample;

import cn.uniondesk.domain.MemberStatus;
import java.time.LocalDate;

/**
 * One fictitious member as the generator makes it: the register's fields as a clerk would type
 * them (texts and yuan), plus the status reached and how.
 */
public record SamplePerson(
        String name,
        String gender,
        String ethnicity,
        String idNumber,
        String mobile,
        String education,
        String politicalStatus,
        String department,
        String job,
        String employmentType,
        boolean migrantWorker,
        String householdType,
        LocalDate joinDate,
        String cardNo,
        String monthlyWageYuan,
        boolean hardship,
        String hardshipLevel,
        String notes,
        MemberStatus status,
        LocalDate statusDate,
        String statusReason,
        String counterpartUnion) {
}
