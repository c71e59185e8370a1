package io.tlsviz.app.export;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The words export puts on slides, in English or German ({@code io/tlsviz/app/export/messages*.properties}). */
public final class ExportTexts {
    private static final String BUNDLE = "io.tlsviz.app.export.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public ExportTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key} with {@code args} filled in; a missing key fails loudly. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Missing text '" + key + "' in " + BUNDLE + " for " + locale, e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
