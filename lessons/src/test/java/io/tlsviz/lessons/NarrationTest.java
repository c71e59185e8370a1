package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Hex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NarrationTest {
    private static final byte[] RANDOM = Hex.parse("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void placeholdersBecomeHexAndFormatsShortenOrMeasure() {
        String text = "Random {{client_random}}, short {{ client_random | short }}, {{client_random|bytes}} bytes, "
                + "{{client_random|bits}} bits, tiny {{client_write_iv|short}}.";

        String out = Narration.resolve(text, Map.of("client_random", RANDOM, "client_write_iv", new byte[] {2, 3}));

        assertThat(out).isEqualTo("Random " + Hex.of(RANDOM) + ", short 00010203…1c1d1e1f, 32 bytes, 256 bits, tiny 0203.");
    }

    @Test
    void aSmallIntegerReadsAsANumberAndLongValuesStayHex() {
        byte[] p = new byte[256];
        p[0] = (byte) 0xff;
        p[255] = (byte) 0x61;
        Map<String, byte[]> values = Map.of("dh_g", new byte[] {2}, "dh_p", p,
                "client_write_iv", new byte[] {0, 0, 0, 5}, "server_dh_public", new byte[] {1, 0});

        assertThat(Narration.resolve("g = {{dh_g}}, {{ dh_g | short }}, {{dh_g|bytes}} byte", values))
                .isEqualTo("g = 2, 2, 1 byte");
        assertThat(Narration.resolve("B = {{server_dh_public}}", values)).as("a small DH value").isEqualTo("B = 256");
        assertThat(Narration.resolve("p = {{dh_p|short}}, {{dh_p|bits}} bits", values))
                .isEqualTo("p = ff000000…00000061, 2048 bits");
        assertThat(Narration.resolve("{{dh_p}}", values)).isEqualTo(Hex.of(p));
        assertThat(Narration.resolve("iv = {{client_write_iv}}", values)).as("bytes, not a number")
                .isEqualTo("iv = 00000005");
    }

    @Test
    void aMissingValueLeavesThePlaceholderAsWritten() {
        assertThat(Narration.resolve("Master {{master_secret|short}} and {{client_random}}.",
                Map.of("client_random", new byte[] {(byte) 0xab})))
                .isEqualTo("Master {{master_secret|short}} and ab.");
    }

    @Test
    void numbersFillTheirPlaceholdersAsWritten() {
        assertThat(Narration.resolve("A = {{warmup.A}}, r = {{client_random|bytes}}", Map.of("client_random", RANDOM),
                Map.of("warmup.A", "8"))).isEqualTo("A = 8, r = 32");
    }

    @Test
    void placeholdersAreListedWithTheirFormat() {
        assertThat(Narration.placeholders("{{a}} and {{b_c|short}}")).containsExactly(
                new Narration.Placeholder("a", "", 0), new Narration.Placeholder("b_c", "short", 10));
        assertThat(Narration.malformedPlaceholders("ok {{a}} bad {{a b}} and {{open")).containsExactly(13, 25);
    }

    @Test
    void paragraphsSplitAtBlankLinesAndKeepSingleLineBreaks() {
        assertThat(Narration.paragraphs("First line\nsame paragraph.\n\n  \nSecond.\n"))
                .containsExactly("First line\nsame paragraph.", "Second.");
    }

    @Test
    void emphasisBecomesSpans() {
        assertThat(Narration.spans("The *secret itself* crosses, *locked*.")).containsExactly(
                new Narration.Span("The ", false), new Narration.Span("secret itself", true),
                new Narration.Span(" crosses, ", false), new Narration.Span("locked", true),
                new Narration.Span(".", false));
        assertThat(Narration.spans("2 * 3 = 6")).containsExactly(new Narration.Span("2 * 3 = 6", false));
        assertThat(Narration.spans("")).isEqualTo(List.of());
    }
}
