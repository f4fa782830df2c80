package cn.uniondesk.domain;

import java.util.regex.Pattern;

/** 手机号: 11 digits starting with 1[3-9], after removing spaces, dashes and a +86 prefix. */
public final class MobileNumber {
    private static final Pattern VALID = Pattern.compile("1[3-9]\\d{9}");

    private MobileNumber() {
    }

    /** The normalised 11-digit number, or null when the input is not a valid mobile number. */
    public static String normalize(String input) {
        String s = TextNormalizer.compact(input).replace("-", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        }
        return VALID.matcher(s).matches() ? s : null;
    }

    public static boolean isValid(String input) {
        return normalize(input) != null;
    }

    /** 138****5678 */
    public static String mask(String mobile) {
        if (mobile == null || mobile.length() != 11) {
            return mobile == null ? "" : mobile;
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }
}
