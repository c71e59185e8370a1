package io.tlsviz.lessons;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One moment of a lesson, anchored on an engine step by name (docs/steps.md), never by index.
 *
 * @param step      the engine step this beat shows, e.g. {@code client_key_exchange}
 * @param title     short heading
 * @param narration short paragraphs separated by blank lines, {@code *emphasis*} and placeholders such as
 *                  {@code {{master_secret}}} or {@code {{client_random|short}}} (see {@link Narration})
 * @param highlight what to highlight: secret names (no dot, e.g. {@code premaster_secret}) and field paths
 *                  (dotted, e.g. {@code record.handshake.client_hello.random})
 * @param quiz      a question asked at this beat, answered or skipped before moving on
 * @param warmup    small-number Diffie-Hellman numbers to compute before the real values
 * @param attack    what an eavesdropper does with recorded bytes at this beat (forward-secrecy lesson)
 * @param line      line of the beat in its file, for problems that compare translations
 */
public record Beat(String step, String title, String narration, List<String> highlight, Optional<Quiz> quiz,
        Optional<Warmup> warmup, Optional<Attack> attack, int line) {

    public Beat {
        highlight = List.copyOf(highlight);
    }

    /** The highlighted secret names (entries without a dot). */
    public List<String> highlightedSecrets() {
        return highlight.stream().filter(h -> !h.contains(".")).toList();
    }

    /** The highlighted field paths (entries with a dot). */
    public List<String> highlightedFields() {
        return highlight.stream().filter(h -> h.contains(".")).toList();
    }

    /**
     * The narration with every placeholder filled: live values as hex, the warm-up's numbers in decimal.
     * A placeholder without a value stays as written.
     */
    public String narrate(Map<String, byte[]> values) {
        return Narration.resolve(narration, values, warmup.map(Warmup::numbers).orElse(Map.of()));
    }
}
