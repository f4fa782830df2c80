package cn.uniondesk.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a member's data must meet, shared by the form, the import and the services. Returns
 * every issue at once; a {@link Member} only when there is no error.
 */
public final class MemberValidation {
    public static final int NAME_MAX = 50;
    public static final int CARD_MAX = 30;
    public static final int TEXT_MAX = 50;
    public static final int NOTES_MAX = 1000;

    private final LocalDate today;
    private final Regions regions;

    public MemberValidation(LocalDate today, Regions regions) {
        this.today = today;
        this.regions = regions;
    }

    public record Result(List<FieldIssue> issues, Member member) {
        public boolean hasErrors() {
            return issues.stream().anyMatch(FieldIssue::isError);
        }

        public List<FieldIssue> issuesFor(MemberField f) {
            return issues.stream().filter(i -> i.field() == f).toList();
        }
    }

    /**
     * Validates a draft for a member with the given status ({@link MemberStatus#ACTIVE} for a new
     * one) and stored id (null when new).
     */
    public Result validate(MemberDraft d, Long id, MemberStatus status) {
        List<FieldIssue> issues = new ArrayList<>();
        String name = TextNormalizer.normalize(d.name());
        if (name.isEmpty()) {
            issues.add(FieldIssue.error(MemberField.NAME, "validation.required"));
        } else if (name.length() > NAME_MAX) {
            issues.add(FieldIssue.error(MemberField.NAME, "validation.tooLong", NAME_MAX));
        }

        IdNumber idNumber = null;
        try {
            idNumber = IdNumber.parse(d.idNumber(), today, regions);
            if (!regions.isKnown(idNumber.regionCode())) {
                issues.add(FieldIssue.warning(MemberField.ID_NUMBER, "validation.regionUnknown",
                        idNumber.regionCode()));
            }
            if (idNumber.upgradedFrom15()) {
                issues.add(FieldIssue.warning(MemberField.ID_NUMBER, "validation.upgradedFrom15",
                        idNumber.value()));
            }
        } catch (InvalidIdNumberException e) {
            issues.add(FieldIssue.error(MemberField.ID_NUMBER, e.error().messageKey()));
        }

        Gender gender = null;
        String genderText = TextNormalizer.normalize(d.gender());
        if (!genderText.isEmpty()) {
            gender = Gender.parseLenient(genderText);
            if (gender == null) {
                issues.add(FieldIssue.error(MemberField.GENDER, "validation.gender"));
            } else if (idNumber != null && gender != idNumber.gender()) {
                issues.add(FieldIssue.error(MemberField.GENDER, "validation.genderMismatch",
                        idNumber.gender().zh()));
            }
        } else if (idNumber != null) {
            gender = idNumber.gender();
        } else {
            issues.add(FieldIssue.error(MemberField.GENDER, "validation.required"));
        }

        if (d.birthDate() != null && idNumber != null && !d.birthDate().equals(idNumber.birthDate())) {
            issues.add(FieldIssue.error(MemberField.BIRTH_DATE, "validation.birthDateMismatch",
                    idNumber.birthDate().toString()));
        }

        String mobile = null;
        String mobileText = TextNormalizer.compact(d.mobile());
        if (!mobileText.isEmpty()) {
            mobile = MobileNumber.normalize(mobileText);
            if (mobile == null) {
                issues.add(FieldIssue.error(MemberField.MOBILE, "validation.mobile"));
            }
        }

        LocalDate join = d.joinDate();
        if (join == null) {
            issues.add(FieldIssue.error(MemberField.JOIN_DATE, "validation.required"));
        } else if (join.isAfter(today)) {
            issues.add(FieldIssue.error(MemberField.JOIN_DATE, "validation.futureDate"));
        } else if (idNumber != null && join.isBefore(idNumber.birthDate())) {
            issues.add(FieldIssue.error(MemberField.JOIN_DATE, "validation.joinBeforeBirth"));
        } else if (idNumber != null && join.isBefore(idNumber.birthDate().plusYears(16))) {
            issues.add(FieldIssue.warning(MemberField.JOIN_DATE, "validation.joinUnder16"));
        }

        String cardNo = emptyToNull(TextNormalizer.compact(d.cardNo()));
        if (cardNo != null && cardNo.length() > CARD_MAX) {
            issues.add(FieldIssue.error(MemberField.CARD_NO, "validation.tooLong", CARD_MAX));
        }

        Long wageFen = null;
        String wage = TextNormalizer.compact(d.monthlyWageYuan());
        if (!wage.isEmpty()) {
            try {
                Money m = Money.parseYuan(wage);
                if (m.fen() < 0) {
                    issues.add(FieldIssue.error(MemberField.MONTHLY_WAGE, "validation.money"));
                } else {
                    wageFen = m.fen();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                issues.add(FieldIssue.error(MemberField.MONTHLY_WAGE, "validation.money"));
            }
        }

        HouseholdType household = null;
        String hh = TextNormalizer.normalize(d.householdType());
        if (!hh.isEmpty()) {
            household = HouseholdType.parseLenient(hh);
            if (household == null) {
                issues.add(FieldIssue.error(MemberField.HOUSEHOLD_TYPE, "validation.householdType"));
            }
        }

        String hardshipLevel = emptyToNull(TextNormalizer.normalize(d.hardshipLevel()));
        if (d.hardship() && hardshipLevel == null) {
            issues.add(FieldIssue.error(MemberField.HARDSHIP_LEVEL, "validation.hardshipLevelRequired"));
        }

        checkLength(issues, MemberField.ETHNICITY, d.ethnicity(), TEXT_MAX);
        checkLength(issues, MemberField.EDUCATION, d.education(), TEXT_MAX);
        checkLength(issues, MemberField.POLITICAL_STATUS, d.politicalStatus(), TEXT_MAX);
        checkLength(issues, MemberField.JOB, d.job(), TEXT_MAX);
        checkLength(issues, MemberField.EMPLOYMENT_TYPE, d.employmentType(), TEXT_MAX);
        checkLength(issues, MemberField.NOTES, d.notes(), NOTES_MAX);

        boolean hasErrors = issues.stream().anyMatch(FieldIssue::isError);
        Member member = hasErrors ? null
                : new Member(id, name, gender, emptyToNull(TextNormalizer.normalize(d.ethnicity())), idNumber, mobile,
                        emptyToNull(TextNormalizer.normalize(d.education())),
                        emptyToNull(TextNormalizer.normalize(d.politicalStatus())), d.departmentId(),
                        emptyToNull(TextNormalizer.normalize(d.job())),
                        emptyToNull(TextNormalizer.normalize(d.employmentType())), d.migrantWorker(), household, join,
                        cardNo, wageFen, status, d.hardship(), d.hardship() ? hardshipLevel : null,
                        emptyToNull(TextNormalizer.normalize(d.notes())));
        return new Result(List.copyOf(issues), member);
    }

    private static void checkLength(List<FieldIssue> issues, MemberField f, String v, int max) {
        if (v != null && TextNormalizer.normalize(v).length() > max) {
            issues.add(FieldIssue.error(f, "validation.tooLong", max));
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
