package cn.uniondesk.domain;

import java.time.LocalDate;

/**
 * A member as listed and searched: the columns of the register's table plus the search keys.
 * ID number and mobile are the stored (unmasked) values; whoever shows them masks them.
 */
public record MemberRow(
        long id,
        String name,
        String namePinyin,
        String nameInitials,
        Gender gender,
        String idNumber,
        String mobile,
        String cardNo,
        Long departmentId,
        String departmentName,
        MemberStatus status,
        LocalDate joinDate,
        boolean migrantWorker,
        boolean hardship) {
}
