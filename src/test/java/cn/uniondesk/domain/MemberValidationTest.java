package cn.uniondesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MemberValidationTest {
    private final MemberValidation validation = new MemberValidation(LocalDate.of(2026, 11, 23), Regions.standard());

    static MemberDraft draft(String name, String gender, String id, String mobile, LocalDate join) {
        return new MemberDraft(name, gender, "汉族", id, null, mobile, null, null, null, null, null, false, null, join,
                null, "4567.89", false, null, null);
    }

    @Test
    void validDraftFillsGenderAndBirthDateFromIdNumber() {
        MemberValidation.Result r = validation.validate(
                draft("李四", "", "11010519491231002X", "138 0013 8000", LocalDate.of(2010, 5, 1)), null,
                MemberStatus.ACTIVE);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.member().gender()).isEqualTo(Gender.F);
        assertThat(r.member().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(r.member().mobile()).isEqualTo("13800138000");
        assertThat(r.member().monthlyWageFen()).isEqualTo(456789L);
    }

    @Test
    void typedGenderThatDisagreesWithIdIsAnError() {
        MemberValidation.Result r = validation.validate(
                draft("李四", "男", "11010519491231002X", null, LocalDate.of(2010, 5, 1)), null, MemberStatus.ACTIVE);
        assertThat(r.issuesFor(MemberField.GENDER)).extracting(FieldIssue::messageKey)
                .containsExactly("validation.genderMismatch");
        assertThat(r.member()).isNull();
    }

    @Test
    void typedBirthDateThatDisagreesWithIdIsAnError() {
        MemberDraft d = new MemberDraft("李四", null, null, "11010519491231002X", LocalDate.of(1950, 1, 1), null, null,
                null, null, null, null, false, null, LocalDate.of(2010, 5, 1), null, null, false, null, null);
        assertThat(validation.validate(d, null, MemberStatus.ACTIVE).issuesFor(MemberField.BIRTH_DATE))
                .extracting(FieldIssue::messageKey).containsExactly("validation.birthDateMismatch");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        MemberValidation.Result r = validation.validate(draft("", null, "110105194912310021", "12345", null), null,
                MemberStatus.ACTIVE);
        assertThat(r.issues()).extracting(FieldIssue::field).contains(MemberField.NAME, MemberField.ID_NUMBER,
                MemberField.MOBILE, MemberField.JOIN_DATE);
        assertThat(r.issuesFor(MemberField.ID_NUMBER)).extracting(FieldIssue::messageKey)
                .containsExactly("id.error.WRONG_CHECK_DIGIT");
    }

    @Test
    void wageWithMoreThanTwoDecimalsIsRefused() {
        MemberDraft d = new MemberDraft("李四", null, null, "11010519491231002X", null, null, null, null, null, null,
                null, false, null, LocalDate.of(2010, 5, 1), null, "4500.123", false, null, null);
        assertThat(validation.validate(d, null, MemberStatus.ACTIVE).issuesFor(MemberField.MONTHLY_WAGE))
                .isNotEmpty();
    }

    @Test
    void moneyIsExactInFen() {
        assertThat(Money.parseYuan("￥4,500.50").fen()).isEqualTo(450050L);
        assertThat(Money.parseYuan("0.1").plus(Money.parseYuan("0.2"))).isEqualTo(Money.ofFen(30));
        assertThat(Money.ofFen(450050).toYuanString()).isEqualTo("4500.50");
    }

    @Test
    void mobileNumbersAreNormalisedAndMasked() {
        assertThat(MobileNumber.normalize("+86 138-0013-8000")).isEqualTo("13800138000");
        assertThat(MobileNumber.normalize("12800138000")).isNull();
        assertThat(MobileNumber.mask("13800138000")).isEqualTo("138****8000");
    }
}
