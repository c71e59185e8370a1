package io.tlsviz.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The app's user-visible strings, from the bundle {@code io/tlsviz/app/i18n/messages} (English and German).
 * Passed to whoever needs it; there is no global instance.
 */
public final class Messages {
    public static final String BUNDLE = "io.tlsviz.app.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final String baseName;

    private Messages(ResourceBundle bundle, Locale locale, String baseName) {
        this.bundle = Objects.requireNonNull(bundle);
        this.locale = locale;
        this.baseName = baseName;
    }

    /** German for a German locale, English otherwise. */
    public static Messages forLocale(Locale locale) {
        return forBundle(BUNDLE, locale);
    }

    /**
     * Another of the app's bundles (English and German, e.g. {@link StepTexts#BUNDLE}), loaded the same way:
     * German for a German locale, English otherwise.
     */
    public static Messages forBundle(String baseName, Locale locale) {
        Locale supported = "de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
        return new Messages(ResourceBundle.getBundle(baseName, supported,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), supported,
                baseName);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** Whether the bundle has this key. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The string for a key; fails loudly when the key is missing, so a typo cannot ship. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Missing message key '" + key + "' in " + baseName + "_" + locale, e);
        }
    }

    /** The string for a key with {@link MessageFormat} arguments. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }
}
