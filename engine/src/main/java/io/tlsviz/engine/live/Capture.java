package io.tlsviz.engine.live;

import java.math.BigInteger;

/**
 * What one peer did inside Bouncy Castle, recorded through the one narrow door of {@link CapturingCrypto}
 * and the peers' callbacks. Values are copies; Bouncy Castle's own secrets are never extracted in place.
 */
sealed interface Capture {

    /** RSA key transport, client: the 48-byte premaster it made (RFC 5246 section 7.4.7.1). */
    record RsaPremasterMade(byte[] premaster) implements Capture { }

    /**
     * RSA key transport, client: the PKCS#1 v1.5 block it encrypted ({@code 00 02}, non-zero padding, {@code 00},
     * the premaster; RFC 8017 section 7.2.1) and the ciphertext it made of it.
     */
    record RsaPremasterEncrypted(byte[] block, byte[] ciphertext) implements Capture { }

    /** RSA key transport, server: what it decrypted from the ClientKeyExchange. */
    record RsaPremasterDecrypted(byte[] encrypted, byte[] premaster) implements Capture { }

    /** An ephemeral (EC)DH key pair. For finite-field DH, {@code p} and {@code g} are set. */
    record KeyShareMade(String kind, byte[] privateKey, byte[] publicKey, BigInteger p, BigInteger g)
            implements Capture { }

    /** The (EC)DH shared secret, computed from the peer's public value. */
    record SharedSecretComputed(byte[] peerPublic, byte[] secret) implements Capture { }

    /** A record this peer protected: its real content type and plaintext, before encryption. */
    record RecordProtected(short contentType, long sequenceNumber, byte[] plaintext) implements Capture { }

    /** The client checked the server's certificate chain against its trust anchor. */
    record CertificateChecked(boolean ok, String detail) implements Capture { }

    /** This peer raised a fatal alert. */
    record AlertRaised(short description, String message) implements Capture { }

    /** This peer finished its handshake. */
    record HandshakeComplete() implements Capture { }
}
