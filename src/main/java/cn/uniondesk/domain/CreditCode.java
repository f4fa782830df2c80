package cn.uniondesk.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@code 0-9 A-H J-N P-R T-U W-Y} (no I, O, S,
 * V, Z). Position 1 is the registration authority (登记管理部门: 8 = 工会, 9 = 工商, 5 = 民政 …),
 * position 2 the type within it (机构类别, a digit; 81 = 基层工会), positions 3-8 the
 * registering authority's 行政区划代码 (GB/T 2260, or 100000 at national level), 9-17 the subject
 * code (主体标识码) and 18 a check character: 31 minus the weighted sum of the first 17 (weights
 * 3^i mod 31) mod 31, where 31 is written 0.
 */
public final class CreditCode {
    /** The code's alphabet; a character's value is its index. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public static final int LENGTH = 18;
    /** 登记管理部门代码 defined by GB 32100-2015 and its later assignments. */
    public static final String AUTHORITIES = "123456789ANY";
    /** 工会 as registration authority. */
    public static final char TRADE_UNION = '8';
    /** 工商 (market regulation): the code of an enterprise, not of its union. */
    public static final char MARKET_REGULATION = '9';
    /** The 行政区划 part of codes issued at national level. */
    public static final String NATIONAL = "100000";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** What is wrong with a code; the failure's {@code args} fill the message. */
    public enum Problem {
        LENGTH("unioninfo.orgCode.length"),
        CHARSET("unioninfo.orgCode.charset"),
        AUTHORITY("unioninfo.orgCode.authority"),
        TYPE("unioninfo.orgCode.type"),
        REGION("unioninfo.orgCode.region"),
        CHECK("unioninfo.orgCode.check");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** One problem with its arguments (see {@link #check}). */
    public record Failure(Problem problem, List<Object> args) {
    }

    /**
     * As people type or paste it: full-width forms made half-width, spaces removed, letters upper
     * case. Empty when {@code input} is null or blank.
     */
    public static String normalize(String input) {
        return TextNormalizer.compact(input).toUpperCase(Locale.ROOT);
    }

    /** The value (0-30) of one character, or -1 when it is not in the code's alphabet. */
    public static int value(char c) {
        return CHARSET.indexOf(c);
    }

    /** The check character for the first 17 characters of a code (all from {@link #CHARSET}). */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() < LENGTH - 1) {
            throw new IllegalArgumentException("17 characters needed: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int v = value(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a credit-code character: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /**
     * The first problem of an already {@link #normalize normalised} code, checked in the order a
     * person would correct it (length, characters, authority, type, region, check character); empty
     * when the code is valid. {@code regions} decides whether positions 3-8 name a known province.
     */
    public static Optional<Failure> check(String code, Regions regions) {
        if (code.length() != LENGTH) {
            return fail(Problem.LENGTH, code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (value(code.charAt(i)) < 0) {
                return fail(Problem.CHARSET, String.valueOf(code.charAt(i)), i + 1);
            }
        }
        if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return fail(Problem.AUTHORITY, String.valueOf(code.charAt(0)));
        }
        char type = code.charAt(1);
        if (type < '1' || type > '9') {
            return fail(Problem.TYPE, String.valueOf(type));
        }
        String region = code.substring(2, 8);
        if (!region.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || !(region.equals(NATIONAL) || regions.province(region).isPresent())) {
            return fail(Problem.REGION, region);
        }
        char expected = checkChar(code);
        if (code.charAt(LENGTH - 1) != expected) {
            return fail(Problem.CHECK, String.valueOf(code.charAt(LENGTH - 1)), String.valueOf(expected));
        }
        return Optional.empty();
    }

    private static Optional<Failure> fail(Problem p, Object... args) {
        return Optional.of(new Failure(p, List.of(args)));
    }
}
