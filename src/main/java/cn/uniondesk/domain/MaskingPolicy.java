package cn.uniondesk.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one place that says which member fields are sensitive personal information (PIPL), how
 * they are masked, and who may see them unmasked. Lists, exports and the command line mask by
 * default; an unmasked view needs {@link Permission#SENSITIVE_VIEW} and a typed reason, and is
 * recorded in the audit trail.
 */
public final class MaskingPolicy {
    /** Fields masked unless explicitly shown. */
    public static final Set<MemberField> SENSITIVE = EnumSet.of(MemberField.ID_NUMBER, MemberField.MOBILE);

    private MaskingPolicy() {
    }

    public static boolean isSensitive(MemberField f) {
        return SENSITIVE.contains(f);
    }

    public static boolean mayUnmask(Role role) {
        return role.may(Permission.SENSITIVE_VIEW);
    }

    /** {@code 110105********123X} */
    public static String idNumber(String raw) {
        return IdNumber.mask(raw);
    }

    /** {@code 138****5678} */
    public static String mobile(String raw) {
        return MobileNumber.mask(raw);
    }

    /** The value as shown: masked unless {@code unmasked}. */
    public static String show(MemberField f, String raw, boolean unmasked) {
        if (raw == null || unmasked || !isSensitive(f)) {
            return raw;
        }
        return f == MemberField.ID_NUMBER ? idNumber(raw) : mobile(raw);
    }

    /**
     * A name as a public notice (公示) shows it: the first and last characters kept, the rest
     * starred ({@code 张小明 → 张*明}, {@code 欧阳小明 → 欧**明}); a two-character name keeps its first
     * ({@code 张三 → 张*}). Counted in code points, so rare characters outside the BMP are whole.
     */
    public static String publicName(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        int[] cp = raw.strip().codePoints().toArray();
        if (cp.length == 1) {
            return new String(cp, 0, 1) + "*";
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cp[0]);
        if (cp.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cp.length - 2));
        return sb.appendCodePoint(cp[cp.length - 1]).toString();
    }
}
