package cn.uniondesk.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.util.StringConverter;

/**
 * Dates shown as yyyy-MM-dd, as Chinese forms do; typed as yyyy-M-d (also with / or .). Text that
 * is not a date converts to null: the field counts as empty and the form's validation asks for it.
 */
public final class IsoDateConverter extends StringConverter<LocalDate> {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter LENIENT = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    @Override
    public String toString(LocalDate d) {
        return d == null ? "" : ISO.format(d);
    }

    @Override
    public LocalDate fromString(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip().replace('/', '-').replace('.', '-');
        try {
            return LocalDate.parse(t, LENIENT);
        } catch (DateTimeParseException e) {
            return null; // not a date: the field shows empty and validation asks for it
        }
    }
}
