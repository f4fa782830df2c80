package cn.uniondesk.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd for
 * men, even for women) and a check digit by ISO 7064 MOD 11-2. Old 15-digit numbers (year without
 * century, no check digit) are upgraded to 18 characters. A lowercase {@code x} is accepted as
 * {@code X}; full-width digits and spaces are normalised.
 */
public final class IdNumber implements Comparable<IdNumber> {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final String value;
    private final LocalDate birthDate;
    private final boolean upgradedFrom15;

    private IdNumber(String value, LocalDate birthDate, boolean upgradedFrom15) {
        this.value = value;
        this.birthDate = birthDate;
        this.upgradedFrom15 = upgradedFrom15;
    }

    /** Parses against today's date and the bundled region table. */
    public static IdNumber parse(String input) {
        return parse(input, LocalDate.now(), Regions.standard());
    }

    public static IdNumber parse(String input, LocalDate today, Regions regions) {
        String s = TextNormalizer.compact(input).toUpperCase(java.util.Locale.ROOT);
        if (s.isEmpty()) {
            throw new InvalidIdNumberException(IdNumberError.EMPTY, input);
        }
        boolean upgraded = false;
        if (s.length() == 15) {
            if (!s.chars().allMatch(Character::isDigit)) {
                throw new InvalidIdNumberException(IdNumberError.BAD_CHARACTERS, input);
            }
            String body = s.substring(0, 6) + "19" + s.substring(6);
            s = body + checkChar(body);
            upgraded = true;
        }
        if (s.length() != 18) {
            throw new InvalidIdNumberException(IdNumberError.WRONG_LENGTH, input);
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                throw new InvalidIdNumberException(IdNumberError.BAD_CHARACTERS, input);
            }
        }
        char last = s.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            throw new InvalidIdNumberException(IdNumberError.BAD_CHARACTERS, input);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidIdNumberException(IdNumberError.IMPOSSIBLE_BIRTH_DATE, input);
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            throw new InvalidIdNumberException(IdNumberError.IMPOSSIBLE_BIRTH_DATE, input);
        }
        if (birth.isAfter(today)) {
            throw new InvalidIdNumberException(IdNumberError.FUTURE_BIRTH_DATE, input);
        }
        if (checkChar(s.substring(0, 17)) != last) {
            throw new InvalidIdNumberException(IdNumberError.WRONG_CHECK_DIGIT, input);
        }
        if (regions.province(s.substring(0, 6)).isEmpty()) {
            throw new InvalidIdNumberException(IdNumberError.UNKNOWN_REGION, input);
        }
        return new IdNumber(s, birth, upgraded);
    }

    /** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
    public static char checkChar(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public String value() {
        return value;
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.M : Gender.F;
    }

    /** True when the number was given in the old 15-digit form. */
    public boolean upgradedFrom15() {
        return upgradedFrom15;
    }

    /** The full region name, e.g. 北京市东城区, when the 6-digit code is in the bundled table. */
    public Optional<String> regionName(Regions regions) {
        return regions.fullName(regionCode());
    }

    /** {@code 110105********123X}: region kept, birth date and sequence hidden, last four kept. */
    public String masked() {
        return mask(value);
    }

    /** Masks any stored ID number string the same way, without parsing it. */
    public static String mask(String raw) {
        if (raw == null || raw.length() < 10) {
            return raw == null ? "" : "*".repeat(raw.length());
        }
        return raw.substring(0, 6) + "*".repeat(raw.length() - 10) + raw.substring(raw.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber && ((IdNumber) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public int compareTo(IdNumber o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
