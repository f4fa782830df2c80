package cn.uniondesk.domain.cases;

import java.util.Locale;
import java.util.Objects;

/**
 * A name in both languages, as written in the workflow definitions (which a union may edit, so
 * their names travel with them rather than living in the message bundles).
 */
public record Label(String zh, String en) {
    public Label {
        Objects.requireNonNull(zh, "zh");
        if (en == null || en.isBlank()) {
            en = zh;
        }
    }

    /** English for an English locale, else Chinese. */
    public String text(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }

    @Override
    public String toString() {
        return zh;
    }
}
