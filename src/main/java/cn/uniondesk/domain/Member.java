package cn.uniondesk.domain;

import java.time.LocalDate;

/**
 * One person in the register (实名制 fields of PRODUCT.md §1). {@code id} is null before the
 * member is stored. {@code monthlyWageFen} is the dues base in 分.
 */
public record Member(
        Long id,
        String name,
        Gender gender,
        String ethnicity,
        IdNumber idNumber,
        String mobile,
        String education,
        String politicalStatus,
        Long departmentId,
        String job,
        String employmentType,
        boolean migrantWorker,
        HouseholdType householdType,
        LocalDate joinDate,
        String cardNo,
        Long monthlyWageFen,
        MemberStatus status,
        boolean hardship,
        String hardshipLevel,
        String notes) {

    public LocalDate birthDate() {
        return idNumber.birthDate();
    }

    public Member withId(Long newId) {
        return new Member(newId, name, gender, ethnicity, idNumber, mobile, education, politicalStatus, departmentId,
                job, employmentType, migrantWorker, householdType, joinDate, cardNo, monthlyWageFen, status, hardship,
                hardshipLevel, notes);
    }

    public Member withStatus(MemberStatus newStatus) {
        return new Member(id, name, gender, ethnicity, idNumber, mobile, education, politicalStatus, departmentId,
                job, employmentType, migrantWorker, householdType, joinDate, cardNo, monthlyWageFen, newStatus,
                hardship, hardshipLevel, notes);
    }
}
