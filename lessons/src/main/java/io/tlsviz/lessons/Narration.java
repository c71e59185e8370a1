package io.tlsviz.lessons;

import io.tlsviz.engine.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Narration text: paragraphs separated by blank lines, {@code *emphasis*}, and placeholders.
 *
 * <p>A placeholder is {@code {{name}}} or {@code {{name|format}}}. The name is a secret name
 * ({@code master_secret}), or in a warm-up beat one of the warm-up numbers ({@code warmup.A}). Formats:
 * <ul>
 *   <li>none: the whole value as lowercase hex; a small integer ({@link #INTEGERS}, at most
 *       {@value #SMALL_INTEGER_BYTES} bytes, such as the DH generator) in decimal, {@code g = 2}</li>
 *   <li>{@code short}: the first and last four bytes, {@code 3f2a9c1b…8e7d6c5b} (values of eight bytes or
 *       fewer in full, a small integer in decimal)</li>
 *   <li>{@code bytes}: the length in bytes, e.g. {@code 48}</li>
 *   <li>{@code bits}: the length in bits, e.g. {@code 2048}</li>
 * </ul>
 * A placeholder whose value is missing at run time stays as written, so a student sees the name rather
 * than an empty gap. Unknown names and formats are rejected when the lesson loads.
 */
public final class Narration {
    /** {@code {{ name }}} or {@code {{ name | format }}}; group 1 is the name, group 2 the format. */
    static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*(?:\\|\\s*([A-Za-z]+)\\s*)?}}");

    /** The formats a placeholder may ask for. */
    public static final Set<String> FORMATS = Set.of("short", "bytes", "bits");

    /**
     * The values the protocol carries as unsigned integers (ServerDHParams and the DH exchange, RFC 5246 section
     * 7.4.3 and 8.1.2). Every other value is a string of bytes (randoms, keys, IVs, points), which stays hex
     * however short it is: a 4-byte GCM IV is not a number.
     */
    static final Set<String> INTEGERS = Set.of("dh_p", "dh_g", "client_dh_private", "server_dh_private",
            "client_dh_public", "server_dh_public");

    /** An integer of at most this many bytes reads as a number ({@code g = 2}); a longer one (a key) stays hex. */
    static final int SMALL_INTEGER_BYTES = 8;

    private static final Pattern EMPHASIS = Pattern.compile("\\*([^*\\n]+)\\*");

    private Narration() {
    }

    /** One placeholder as written: {@code name}, {@code format} (empty when none) and its offset in the text. */
    public record Placeholder(String name, String format, int offset) {
    }

    /** One run of text, emphasised or not. */
    public record Span(String text, boolean emphasis) {
    }

    /**
     * Fills placeholders with hex values (a small integer in decimal); missing values leave the placeholder
     * unchanged.
     */
    public static String resolve(String text, Map<String, byte[]> values) {
        return resolve(text, values, Map.of());
    }

    /**
     * Fills placeholders: {@code numbers} first (already formatted, e.g. the warm-up's decimal numbers),
     * then {@code values} as hex.
     */
    public static String resolve(String text, Map<String, byte[]> values, Map<String, String> numbers) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String format = m.group(2) == null ? "" : m.group(2);
            String replacement;
            if (numbers.containsKey(name) && format.isEmpty()) {
                replacement = numbers.get(name);
            } else if (values.containsKey(name) && (format.isEmpty() || FORMATS.contains(format))) {
                replacement = format(name, values.get(name), format);
            } else {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String format(String name, byte[] value, String format) {
        boolean smallInteger = INTEGERS.contains(name) && value.length <= SMALL_INTEGER_BYTES;
        if (smallInteger && (format.isEmpty() || format.equals("short"))) {
            return new java.math.BigInteger(1, value).toString();
        }
        return switch (format) {
            case "short" -> value.length <= 8 ? Hex.of(value)
                    : Hex.of(value, 0, 4) + "…" + Hex.of(value, value.length - 4, 4);
            case "bytes" -> Integer.toString(value.length);
            case "bits" -> Integer.toString(value.length * 8);
            default -> Hex.of(value);
        };
    }

    /** Every placeholder in a text, in order. */
    public static List<Placeholder> placeholders(String text) {
        List<Placeholder> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(new Placeholder(m.group(1), m.group(2) == null ? "" : m.group(2), m.start()));
        }
        return found;
    }

    /**
     * Offsets of {@code {{} that do not start a well-formed placeholder (a typo such as
     * {@code {{master secret}}} or a missing {@code }}}).
     */
    static List<Integer> malformedPlaceholders(String text) {
        List<Integer> bad = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                return bad;
            }
            if (m.find(open) && m.start() == open) {
                from = m.end();
            } else {
                bad.add(open);
                from = open + 2;
            }
        }
    }

    /** The paragraphs of a narration: split at blank lines, each trimmed, with single line breaks kept. */
    public static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.strip().split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** A paragraph as runs of plain and {@code *emphasised*} text, without the asterisks. */
    public static List<Span> spans(String paragraph) {
        List<Span> out = new ArrayList<>();
        Matcher m = EMPHASIS.matcher(paragraph);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Span(paragraph.substring(at, m.start()), false));
            }
            out.add(new Span(m.group(1), true));
            at = m.end();
        }
        if (at < paragraph.length()) {
            out.add(new Span(paragraph.substring(at), false));
        }
        return out;
    }
}
