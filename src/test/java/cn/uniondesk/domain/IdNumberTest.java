package cn.uniondesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Regions REGIONS = Regions.standard();

    /** A valid number for a region, birth date and sequence, with its computed check digit. */
    static String valid(String region, String yyyymmdd, String seq) {
        String body = region + yyyymmdd + seq;
        return body + IdNumber.checkChar(body);
    }

    private static IdNumber parse(String s) {
        return IdNumber.parse(s, TODAY, REGIONS);
    }

    @Test
    void acceptsTheStandardExampleNumber() {
        // The worked example of GB 11643-1999: 11010519491231002X
        IdNumber id = parse("11010519491231002X");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.F);
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(id.regionName(REGIONS)).contains("北京市朝阳区");
    }

    @Test
    void derivesMaleGenderFromOddSequence() {
        IdNumber id = parse(valid("320505", "19880208", "723"));
        assertThat(id.gender()).isEqualTo(Gender.M);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1988, 2, 8));
    }

    @Test
    void rejectsWrongCheckDigit() {
        assertThatThrownBy(() -> parse("110105194912310021"))
                .isInstanceOfSatisfying(InvalidIdNumberException.class,
                        e -> assertThat(e.error()).isEqualTo(IdNumberError.WRONG_CHECK_DIGIT));
    }

    @Test
    void acceptsLowercaseXAsUppercase() {
        assertThat(parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void normalisesFullWidthDigitsAndSpaces() {
        assertThat(parse("\u3000１１０１０５ 19491231002X\u00A0").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void upgradesFifteenDigitNumberToEighteen() {
        // 15-digit form of 11010519491231002X: year without century, no check digit
        IdNumber id = parse("110105491231002");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.upgradedFrom15()).isTrue();
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void rejectsImpossibleBirthDate() {
        String feb30 = valid("110105", "19900230", "123");
        assertThatThrownBy(() -> parse(feb30)).isInstanceOfSatisfying(InvalidIdNumberException.class,
                e -> assertThat(e.error()).isEqualTo(IdNumberError.IMPOSSIBLE_BIRTH_DATE));
    }

    @Test
    void rejectsBirthDateAfterToday() {
        String future = valid("110105", "20270101", "123");
        assertThatThrownBy(() -> parse(future)).isInstanceOfSatisfying(InvalidIdNumberException.class,
                e -> assertThat(e.error()).isEqualTo(IdNumberError.FUTURE_BIRTH_DATE));
    }

    @Test
    void rejectsUnknownRegion() {
        String unknown = valid("990101", "19900101", "123");
        assertThatThrownBy(() -> parse(unknown)).isInstanceOfSatisfying(InvalidIdNumberException.class,
                e -> assertThat(e.error()).isEqualTo(IdNumberError.UNKNOWN_REGION));
    }

    @Test
    void decodesHistoricalRegionCodes() {
        // 110103 崇文区 was merged into 东城区 in 2010; people still carry the old code
        IdNumber id = parse(valid("110103", "19700101", "011"));
        assertThat(id.regionName(REGIONS)).contains("北京市崇文区");
    }

    @Test
    void rejectsWrongLengthAndLetters() {
        assertThatThrownBy(() -> parse("1101051949123100")).isInstanceOfSatisfying(InvalidIdNumberException.class,
                e -> assertThat(e.error()).isEqualTo(IdNumberError.WRONG_LENGTH));
        assertThatThrownBy(() -> parse("11010519491231A02X")).isInstanceOfSatisfying(InvalidIdNumberException.class,
                e -> assertThat(e.error()).isEqualTo(IdNumberError.BAD_CHARACTERS));
        assertThatThrownBy(() -> parse("  ")).isInstanceOfSatisfying(InvalidIdNumberException.class,
                e -> assertThat(e.error()).isEqualTo(IdNumberError.EMPTY));
    }

    @Test
    void masksBirthDateAndSequence() {
        assertThat(parse("11010519491231002X").masked()).isEqualTo("110105********002X");
        assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void regionTableHoldsProvincesAndCounties() {
        assertThat(REGIONS.size()).isGreaterThan(3000);
        assertThat(REGIONS.fullName("440305")).contains("广东省深圳市南山区");
        assertThat(REGIONS.fullName("310115")).contains("上海市浦东新区");
    }
}
