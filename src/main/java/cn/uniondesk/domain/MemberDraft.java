package cn.uniondesk.domain;

import java.time.LocalDate;

/**
 * What a person typed (form) or a sheet held (import), before validation. Text fields are raw;
 * {@code gender} and {@code birthDate} may be left empty to be taken from the ID number.
 */
public record MemberDraft(
        String name,
        String gender,
        String ethnicity,
        String idNumber,
        LocalDate birthDate,
        String mobile,
        String education,
        String politicalStatus,
        Long departmentId,
        String job,
        String employmentType,
        boolean migrantWorker,
        String householdType,
        LocalDate joinDate,
        String cardNo,
        String monthlyWageYuan,
        boolean hardship,
        String hardshipLevel,
        String notes) {

    /** A draft holding the values of a stored member, for editing. */
    public static MemberDraft of(Member m) {
        return new MemberDraft(m.name(), m.gender().name(), m.ethnicity(), m.idNumber().value(), m.birthDate(),
                m.mobile(), m.education(), m.politicalStatus(), m.departmentId(), m.job(), m.employmentType(),
                m.migrantWorker(), m.householdType() == null ? null : m.householdType().name(), m.joinDate(),
                m.cardNo(), m.monthlyWageFen() == null ? null : Money.ofFen(m.monthlyWageFen()).toYuanString(),
                m.hardship(), m.hardshipLevel(), m.notes());
    }
}
