package io.tlsviz.app.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-line meaning of each parsed field, in the window's language. The parser writes them in English; a
 * language other than English has a table {@code fields_<language>.tsv} beside the bundles, one
 * {@code English<TAB>translation} a line, UTF-8. A meaning the table does not have (one that carries a detail of
 * the run, such as why a record could not be read) keeps the parser's English.
 */
public final class FieldTexts {
    private static final Map<String, Map<String, String>> TABLES = new ConcurrentHashMap<>();

    private final Map<String, String> table;

    public FieldTexts(Locale locale) {
        String language = locale.getLanguage();
        this.table = language.equals(Locale.ENGLISH.getLanguage()) ? Map.of()
                : TABLES.computeIfAbsent(language, FieldTexts::load);
    }

    /** The meaning in this language, or the parser's English where the table has none. */
    public String meaning(String english) {
        return table.getOrDefault(english, english);
    }

    /** Whether the table has this meaning (English always does). */
    public boolean knows(String english) {
        return table.isEmpty() || table.containsKey(english);
    }

    private static Map<String, String> load(String language) {
        InputStream in = FieldTexts.class.getResourceAsStream("fields_" + language + ".tsv");
        if (in == null) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0 || tab != line.lastIndexOf('\t') || tab == line.length() - 1) {
                    throw new IllegalStateException("fields_" + language + ".tsv line " + number
                            + ": expected English<TAB>translation");
                }
                out.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
