package cn.uniondesk.domain;

/**
 * Normalises text typed by people or found in real spreadsheets: full-width ASCII forms become
 * half-width, ideographic (U+3000) and non-breaking spaces become ordinary spaces, and the result
 * is trimmed.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u3000' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\t') {
                sb.append(' ');
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                sb.append((char) (c - 0xFEE0));
            } else if (c == '\uFEFF' || c == '\u200B') {
                // byte-order marks and zero-width spaces carry no meaning
                continue;
            } else {
                sb.append(c);
            }
        }
        return sb.toString().trim();
    }

    /** {@link #normalize} and then removes every space inside, for codes such as ID or phone numbers. */
    public static String compact(String s) {
        return normalize(s).replace(" ", "");
    }
}
