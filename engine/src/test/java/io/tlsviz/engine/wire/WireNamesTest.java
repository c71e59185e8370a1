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

    @Test
    void sixteenBitCodesReadAsNameAndHexOrSayGreaseOrUnknown() {
        assertThat(WireNames.cipherSuite(0xc02f)).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)");
        assertThat(WireNames.cipherSuiteName(0x1301)).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(WireNames.cipherSuite(0x00ff)).isEqualTo("TLS_EMPTY_RENEGOTIATION_INFO_SCSV (0x00ff)");
        assertThat(WireNames.cipherSuite(0x3a3a)).isEqualTo("GREASE (0x3a3a)");
        assertThat(WireNames.cipherSuite(0x0a0b)).isEqualTo("0x0a0b");
        assertThat(WireNames.group(0x001d)).isEqualTo("x25519 (0x001d)");
        assertThat(WireNames.group(0x0100)).isEqualTo("ffdhe2048 (0x0100)");
        assertThat(WireNames.signatureScheme(0x0804)).isEqualTo("rsa_pss_rsae_sha256 (0x0804)");
        assertThat(WireNames.extension(0x0033)).isEqualTo("key_share (0x0033)");
        assertThat(WireNames.extension(0xfafa)).isEqualTo("GREASE (0xfafa)");
        assertThat(WireNames.extension(0x7777)).isEqualTo("unknown (0x7777)");
    }

    @Test
    void aNumbersSizeInBitsIgnoresLeadingZeroBytes() {
        assertThat(Messages.bitsText(new byte[] {0, 0, 1})).isEqualTo("1-bit number");
        assertThat(Messages.bitsText(new byte[] {0, (byte) 0x80, 0})).isEqualTo("16-bit number");
        assertThat(Messages.bitsText(new byte[] {0x7f, 0, 0, 0})).isEqualTo("31-bit number");
        assertThat(Messages.bitsText(new byte[] {0, 0})).isEqualTo("0-bit number");
        assertThat(Messages.bitsText(new byte[0])).isEqualTo("0-bit number");
    }
}
