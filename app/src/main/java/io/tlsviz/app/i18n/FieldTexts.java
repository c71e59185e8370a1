package io.tlsviz.app.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line meaning of each parsed field, in the window's language. The parser writes them in English; a
 * language other than English has a table {@code fields_<language>.tsv} beside the bundles, one
 * {@code English<TAB>translation} a line, UTF-8.
 *
 * <p>A line whose English has numbered holes, {@code {0}}, {@code {1}}, ..., is a template for meanings that carry
 * a detail of the run (why a tampered or cut record could not be read: "Could not be read as {0}: {1}"). Each hole
 * matches any text, which is itself looked up again before it goes into the translation's hole of the same
 * number, so templates nest; a field name or number that the table does not know stays as it is. A meaning that
 * neither a line nor a template matches keeps the parser's English.
 */
public final class FieldTexts {
    private static final Map<String, Table> TABLES = new ConcurrentHashMap<>();
    private static final Pattern HOLE = Pattern.compile("\\{(\\d)\\}");
    /** Templates nest at most this deep (a cut message inside a record that could not be read is two). */
    private static final int MAX_DEPTH = 4;

    private final Table table;

    public FieldTexts(Locale locale) {
        String language = locale.getLanguage();
        this.table = language.equals(Locale.ENGLISH.getLanguage()) ? Table.NONE
                : TABLES.computeIfAbsent(language, FieldTexts::load);
    }

    /** The meaning in this language, or the parser's English where the table has none. */
    public String meaning(String english) {
        return translate(english, 0);
    }

    /** Whether the table has this meaning, word for word or by a template (English always does; "" needs none). */
    public boolean knows(String english) {
        return table == Table.NONE || english.isEmpty() || table.exact.containsKey(english)
                || template(english) != null;
    }

    private String translate(String english, int depth) {
        String exact = table.exact.get(english);
        if (exact != null) {
            return exact;
        }
        Match m = depth <= MAX_DEPTH ? template(english) : null;
        if (m == null) {
            return english;
        }
        Matcher hole = HOLE.matcher(m.template.translation);
        StringBuilder out = new StringBuilder();
        while (hole.find()) {
            String detail = m.matcher.group("h" + hole.group(1));
            hole.appendReplacement(out, Matcher.quoteReplacement(translate(detail, depth + 1)));
        }
        hole.appendTail(out);
        return out.toString();
    }

    private Match template(String english) {
        for (Template t : table.templates) {
            Matcher m = t.english.matcher(english);
            if (m.matches()) {
                return new Match(t, m);
            }
        }
        return null;
    }

    private record Template(Pattern english, String translation) {
    }

    private record Match(Template template, Matcher matcher) {
    }

    private record Table(Map<String, String> exact, List<Template> templates) {
        static final Table NONE = new Table(Map.of(), List.of());
    }

    private static Table load(String language) {
        InputStream in = FieldTexts.class.getResourceAsStream("fields_" + language + ".tsv");
        if (in == null) {
            return Table.NONE;
        }
        Map<String, String> exact = new HashMap<>();
        List<Template> templates = new ArrayList<>();
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
                String english = line.substring(0, tab);
                String translation = line.substring(tab + 1);
                if (HOLE.matcher(english).find()) {
                    templates.add(new Template(pattern(english, language, number), translation));
                } else {
                    exact.put(english, translation);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(Map.copyOf(exact), List.copyOf(templates));
    }

    /** "{0} needs {1} bytes" as a pattern with a group named "h" + n for hole n, wherever the holes stand. */
    private static Pattern pattern(String english, String language, int number) {
        Matcher hole = HOLE.matcher(english);
        StringBuilder regex = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        int last = 0;
        while (hole.find()) {
            regex.append(Pattern.quote(english.substring(last, hole.start())));
            int n = Integer.parseInt(hole.group(1));
            if (order.contains(n)) {
                throw new IllegalStateException("fields_" + language + ".tsv line " + number + ": {" + n + "} twice");
            }
            order.add(n);
            regex.append("(?<h").append(n).append(">.+?)");
            last = hole.end();
        }
        regex.append(Pattern.quote(english.substring(last)));
        for (int n = 0; n < order.size(); n++) {
            if (!order.contains(n)) {
                throw new IllegalStateException("fields_" + language + ".tsv line " + number + ": no {" + n + "}");
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
