package io.tlsviz.engine;

import java.util.HexFormat;

/** Lowercase hex without separators: how every byte value is shown, exported and accepted. */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** Every field of every record is shown in hex, so this is on the engine's hot path: a table, no HexFormat. */
    public static String of(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        byte[] out = new byte[2 * length];
        for (int i = 0; i < length; i++) {
            int v = bytes[offset + i] & 0xff;
            out[2 * i] = DIGITS[v >>> 4];
            out[2 * i + 1] = DIGITS[v & 0x0f];
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses hex a person typed: whitespace and colons are ignored, either case is accepted.
     *
     * @throws IllegalArgumentException with a message that names the problem and where it is
     */
    public static byte[] parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no hex given");
        }
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ':') {
                continue;
            }
            if (Character.digit(c, 16) < 0) {
                throw new IllegalArgumentException(
                        "not a hex digit: '" + c + "' at position " + (i + 1));
            }
            digits.append(c);
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException(
                    "odd number of hex digits (" + digits.length() + "): every byte needs two");
        }
        return LOWER.parseHex(digits.toString().toLowerCase(java.util.Locale.ROOT));
    }
}
