package cn.uniondesk.excel;

/**
 * One cell as found in the file, before interpretation: its text (as the cell shows it, for
 * text cells; plain digits for whole numbers), and for numeric cells the number itself, so that
 * a date serial or an ID number stored as a number can be recognised. Formulas are never
 * evaluated: a formula cell contributes its cached result only.
 */
public record RawCell(String text, Double number, boolean dateFormatted) {
    public static final RawCell EMPTY = new RawCell("", null, false);

    public static RawCell text(String s) {
        return s == null || s.isEmpty() ? EMPTY : new RawCell(s, null, false);
    }

    public static RawCell number(double d, boolean dateFormatted) {
        return new RawCell(plain(d), d, dateFormatted);
    }

    public boolean isNumeric() {
        return number != null;
    }

    public boolean isBlank() {
        return number == null && (text == null || text.isBlank()
                || cn.uniondesk.domain.TextNormalizer.normalize(text).isEmpty());
    }

    /** A number as a person would type it: {@code 4500}, {@code 4500.5}, never {@code 4.5E3}. */
    public static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
