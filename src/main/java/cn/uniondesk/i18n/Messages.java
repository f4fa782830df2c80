package cn.uniondesk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts, from {@code messages*.properties}. Simplified Chinese is the base
 * bundle; English is used when the locale's language is English. Shared by the UI, the command
 * line and file reports so that a message reads the same everywhere.
 */
public final class Messages {
    public static final String BUNDLE = "cn.uniondesk.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Chinese unless the locale is English. */
    public static Messages forLocale(Locale locale) {
        Locale chosen = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(b, chosen == Locale.ROOT ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    /**
     * The user's language: {@code uniondesk.lang} (system property) or {@code UNIONDESK_LANG}
     * when set; otherwise English only where the environment explicitly asks for it
     * ({@code LC_ALL}/{@code LANG} starting with {@code en}, or a Windows display language of
     * English); Simplified Chinese by default.
     */
    public static Locale defaultLocale() {
        String explicit = System.getProperty("uniondesk.lang");
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv("UNIONDESK_LANG");
        }
        if (explicit != null && !explicit.isBlank()) {
            return Locale.forLanguageTag(explicit.trim().replace('_', '-'));
        }
        String posix = System.getenv("LC_ALL");
        if (posix == null || posix.isBlank()) {
            posix = System.getenv("LANG");
        }
        if (posix != null && posix.startsWith("en")) {
            return Locale.ENGLISH;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")
                && "en".equals(Locale.getDefault().getLanguage())) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    public static Messages chinese() {
        return forLocale(Locale.SIMPLIFIED_CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}, with {@link MessageFormat} arguments; a missing key shows as {@code !key!}. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
