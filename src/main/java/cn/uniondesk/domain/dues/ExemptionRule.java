package cn.uniondesk.domain.dues;

/**
 * A configurable exemption: members matching {@code kind}/{@code value} pay nothing, or a flat
 * amount when {@code flatFen} is set. Exemptions are rules, never manual edits.
 *
 * @param kind    what is matched
 * @param value   the matched value: a status code (RETIRED), a hardship level (深度困难) or an
 *                employment type (非全日制)
 * @param flatFen null: exempt (pays 0); otherwise the flat monthly amount in 分
 */
public record ExemptionRule(Kind kind, String value, Long flatFen) {
    public enum Kind { STATUS, HARDSHIP_LEVEL, EMPLOYMENT_TYPE }

    public static ExemptionRule exempt(Kind kind, String value) {
        return new ExemptionRule(kind, value, null);
    }

    public static ExemptionRule flat(Kind kind, String value, long fen) {
        return new ExemptionRule(kind, value, fen);
    }

    boolean matches(DuesSubject s) {
        switch (kind) {
            case STATUS:
                return s.status() != null && s.status().name().equals(value);
            case HARDSHIP_LEVEL:
                return s.hardship() && value.equals(s.hardshipLevel());
            case EMPLOYMENT_TYPE:
                return value.equals(s.employmentType());
            default:
                return false;
        }
    }
}
