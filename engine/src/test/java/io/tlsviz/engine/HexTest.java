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
    void everyByteValueAndSlicesAgreeWithTheJdksHexFormat() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        java.util.HexFormat jdk = java.util.HexFormat.of();
        assertThat(Hex.of(all)).isEqualTo(jdk.formatHex(all));
        assertThat(Hex.of(all, 250, 6)).isEqualTo("fafbfcfdfeff");
        assertThat(Hex.of(all, 3, 0)).isEmpty();
        assertThatThrownBy(() -> Hex.of(all, 250, 7)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aFieldFormatsItsBytesOnDemandAndEqualsOneGivenAsText() {
        byte[] record = {0x16, 0x03, 0x03, 0x00, 0x01, 0x7f};
        Field lazy = Field.over("Version", "record.version", 1, 2, record, 1, "TLS 1.2", "m", false,
                java.util.List.of());
        Field eager = new Field("Version", "record.version", 1, 2, "0303", "TLS 1.2", "m", false, java.util.List.of());
        assertThat(lazy.hex()).isEqualTo("0303");
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
        assertThatThrownBy(() -> Field.over("x", "p", 0, 7, record, 0, "", "", false, java.util.List.of()))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void badHexNamesTheProblem() {
        assertThatThrownBy(() -> Hex.parse("0g")).hasMessageContaining("'g' at position 2");
        assertThatThrownBy(() -> Hex.parse("abc")).hasMessageContaining("odd number");
    }
}
