package cn.uniondesk.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.util.StringConverter;

/** Dates shown and typed as yyyy-MM-dd, as Chinese forms do; an unreadable date becomes empty. */
public final class IsoDateConverter extends StringConverter<LocalDate> {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

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
            return LocalDate.parse(t, ISO);
        } catch (DateTimeParseException e) {
            return null; // not a date: the field shows empty and validation asks for it
        }
    }
}
