package io.tlsviz.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireNamesTest {
    @Test
    void typeCodesReadAsNameAndNumberAlsoOutsideOneByte() {
        assertThat(WireNames.contentType(22)).isEqualTo("handshake (22)");
        assertThat(WireNames.contentType(99)).isEqualTo("unknown (99)");
        assertThat(WireNames.contentType(300)).isEqualTo("unknown (300)");
        assertThat(WireNames.handshakeType(16)).isEqualTo("client_key_exchange (16)");
        assertThat(WireNames.handshakeType(254)).isEqualTo("message_hash (254)");
        assertThat(WireNames.handshakeType(-1)).isEqualTo("unknown (-1)");
    }
}
