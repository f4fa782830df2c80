package cn.uniondesk.excel;

import cn.uniondesk.domain.TextNormalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/** Interprets cells the way a clerk meant them: dates in any usual form, yes/no, numbers typed as text. */
public final class CellValues {
    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
            + "(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(\\.[0-9]+)?[eE]\\+?[0-9]+");

    private CellValues() {
    }

    /** Outcome of reading a date cell. */
    public record DateValue(LocalDate date, boolean present) {
        static final DateValue BLANK = new DateValue(null, false);
        static final DateValue INVALID = new DateValue(null, true);

        public boolean invalid() {
            return present && date == null;
        }
    }

    /**
     * A date from an Excel serial (a date-formatted or plain number), or text such as
     * {@code 2024-03-05}, {@code 2024/3/5}, {@code 2024.3.5}, {@code 2024年3月5日}, {@code 20240305}.
     */
    public static DateValue date(RawCell c) {
        if (c.isBlank()) {
            return DateValue.BLANK;
        }
        if (c.isNumeric()) {
            double d = c.number();
            if (d >= 1 && d < 2958466 && !(d >= 19000101 && d <= 21001231)) {
                return new DateValue(DateUtil.getLocalDateTime(d, false).toLocalDate(), true);
            }
            return date(RawCell.text(RawCell.plain(d)));
        }
        String t = TextNormalizer.normalize(c.text());
        try {
            Matcher m = YMD.matcher(t);
            if (m.matches()) {
                return new DateValue(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))), true);
            }
            m = COMPACT.matcher(t);
            if (m.matches()) {
                return new DateValue(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))), true);
            }
            if (t.matches("\\d{5}(\\.\\d+)?")) {
                // an Excel serial that lost its date format on the way to CSV
                return new DateValue(DateUtil.getLocalDateTime(Double.parseDouble(t), false).toLocalDate(), true);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return DateValue.INVALID;
        }
        return DateValue.INVALID;
    }

    /** 是/否 and the like; null when blank, {@link Boolean} otherwise; throws on anything else. */
    public static Boolean yesNo(RawCell c) {
        if (c.isBlank()) {
            return null;
        }
        String t = TextNormalizer.compact(c.text()).toUpperCase(Locale.ROOT);
        switch (t) {
            case "是": case "Y": case "YES": case "TRUE": case "1": case "√": case "✓": case "有":
                return Boolean.TRUE;
            case "否": case "N": case "NO": case "FALSE": case "0": case "×": case "无": case "-":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException(t);
        }
    }

    /** Text of a code-like cell (ID, mobile, card number); whole numbers without decimals or exponent. */
    public static String code(RawCell c) {
        if (c.isNumeric()) {
            return RawCell.plain(c.number());
        }
        return TextNormalizer.compact(c.text());
    }

    /**
     * True when an ID number cell was stored as a number and has lost digits: Excel keeps 15
     * significant digits, so an 18-digit number ends in zeros (or shows as 3.20506E+17 in a CSV).
     */
    public static boolean idLostDigits(RawCell c) {
        if (c.isNumeric()) {
            return Math.abs(c.number()) >= 1e15;
        }
        String t = TextNormalizer.compact(c.text());
        return SCIENTIFIC.matcher(t).matches();
    }

    public static String text(RawCell c) {
        if (c.isNumeric()) {
            return c.text();
        }
        return TextNormalizer.normalize(c.text());
    }
}
