package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void roundTripsLowercase() {
        byte[] bytes = {0x00, 0x7f, (byte) 0x80, (byte) 0xff};
        assertThat(Hex.of(bytes)).isEqualTo("007f80ff");
        assertThat(Hex.parse("00 7F:80 ff")).containsExactly(bytes);
    }

    @Test
    void badHexNamesTheProblem() {
        assertThatThrownBy(() -> Hex.parse("0g")).hasMessageContaining("'g' at position 2");
        assertThatThrownBy(() -> Hex.parse("abc")).hasMessageContaining("odd number");
    }
}
