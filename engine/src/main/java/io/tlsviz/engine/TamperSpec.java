package io.tlsviz.engine;

import java.util.Locale;

/**
 * "Flip bits of one byte of one record before it is delivered": {@code STEP:OFFSET:XOR}, where STEP is a
 * message step name ({@code client_finished}) or the number of the record on the wire (0 = the first),
 * OFFSET counts from the record's first byte, and XOR (1 to 255, decimal or 0x-hex) is applied to that byte.
 */
public record TamperSpec(String step, int offset, int xor) {

    public TamperSpec {
        if (offset < 0) {
            throw new IllegalArgumentException("tamper offset must not be negative, got " + offset);
        }
        if (xor < 1 || xor > 255) {
            throw new IllegalArgumentException("tamper XOR must be 1 to 255 (0 would change nothing), got " + xor);
        }
    }

    public static TamperSpec parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":");
        if (parts.length != 3 || parts[0].isBlank()) {
            throw new IllegalArgumentException("--tamper wants STEP:OFFSET:XOR, e.g. client_finished:10:0x01; got '"
                    + text + "'");
        }
        return new TamperSpec(parts[0].trim().toLowerCase(Locale.ROOT), number(parts[1], "offset"),
                number(parts[2], "XOR"));
    }

    private static int number(String s, String what) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tamper " + what + " is not a number: '" + s + "'");
        }
    }

    /** Whether the record about to be delivered is the one this spec names. */
    public boolean matches(int recordOrdinal, Party from, String messageType) {
        if (step.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(step) == recordOrdinal;
        }
        return step.equals(io.tlsviz.engine.live.Run.messageStepName(from, messageType));
    }
}
