package io.tlsviz.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * The TLS 1.2 key schedule, recomputed with the JDK's {@code Mac} and {@code MessageDigest} so the
 * app can check what Bouncy Castle used on the wire: the PRF (RFC 5246 section 5), the master secret
 * (RFC 5246 section 8.1, RFC 7627 section 4), the key block (RFC 5246 section 6.3) and the Finished
 * verify_data (RFC 5246 section 7.4.9).
 */
public final class Tls12KeySchedule {
    /** Length of the (extended) master secret, RFC 5246 section 8.1. */
    public static final int MASTER_SECRET_LENGTH = 48;
    /** Length of Finished.verify_data for every TLS 1.2 suite here, RFC 5246 section 7.4.9. */
    public static final int VERIFY_DATA_LENGTH = 12;

    private Tls12KeySchedule() {
    }

    /**
     * The write keys of one connection, in key block order (RFC 5246 section 6.3). The MAC keys are
     * empty for AEAD suites. The IVs are the 4-byte implicit GCM salts; for CBC suites they are empty, as
     * the key block has none (fixed_iv_length 0): each CBC record carries its own IV.
     */
    public record KeyBlock(byte[] clientWriteMacKey, byte[] serverWriteMacKey, byte[] clientWriteKey,
            byte[] serverWriteKey, byte[] clientWriteIv, byte[] serverWriteIv) {

        public KeyBlock {
            clientWriteMacKey = clientWriteMacKey.clone();
            serverWriteMacKey = serverWriteMacKey.clone();
            clientWriteKey = clientWriteKey.clone();
            serverWriteKey = serverWriteKey.clone();
            clientWriteIv = clientWriteIv.clone();
            serverWriteIv = serverWriteIv.clone();
        }

        @Override
        public byte[] clientWriteMacKey() {
            return clientWriteMacKey.clone();
        }

        @Override
        public byte[] serverWriteMacKey() {
            return serverWriteMacKey.clone();
        }

        @Override
        public byte[] clientWriteKey() {
            return clientWriteKey.clone();
        }

        @Override
        public byte[] serverWriteKey() {
            return serverWriteKey.clone();
        }

        @Override
        public byte[] clientWriteIv() {
            return clientWriteIv.clone();
        }

        @Override
        public byte[] serverWriteIv() {
            return serverWriteIv.clone();
        }

        /** Total key block length: 2 * (MAC key + write key + fixed IV). */
        public int length() {
            return 2 * (clientWriteMacKey.length + clientWriteKey.length + clientWriteIv.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyBlock k
                    && Arrays.equals(clientWriteMacKey, k.clientWriteMacKey)
                    && Arrays.equals(serverWriteMacKey, k.serverWriteMacKey)
                    && Arrays.equals(clientWriteKey, k.clientWriteKey)
                    && Arrays.equals(serverWriteKey, k.serverWriteKey)
                    && Arrays.equals(clientWriteIv, k.clientWriteIv)
                    && Arrays.equals(serverWriteIv, k.serverWriteIv);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(clientWriteKey) * 31 + Arrays.hashCode(serverWriteKey);
        }

        @Override
        public String toString() {
            // Keys are secrets: say what is there, not what it is.
            return "KeyBlock[" + length() + " bytes]";
        }
    }

    /**
     * PRF(secret, label, seed) = P_hash(secret, label || seed), RFC 5246 section 5:
     * A(0) = label || seed, A(i) = HMAC(secret, A(i-1)), output = HMAC(secret, A(1) || label || seed) || ...
     *
     * @param hmacName JDK {@code Mac} name, e.g. {@code HmacSHA256}
     * @param label    ASCII label, no length prefix and no NUL
     */
    public static byte[] prf(String hmacName, byte[] secret, String label, byte[] seed, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("PRF output length must not be negative, got " + length);
        }
        byte[] labelAndSeed = JdkCrypto.concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        Mac mac = JdkCrypto.hmac(hmacName, secret);
        byte[] out = new byte[length];
        byte[] a = labelAndSeed;
        int filled = 0;
        while (filled < length) {
            a = mac.doFinal(a);
            mac.update(a);
            byte[] block = mac.doFinal(labelAndSeed);
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /**
     * master_secret = PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47],
     * RFC 5246 section 8.1.
     */
    public static byte[] masterSecret(CipherSuite s, byte[] premaster, byte[] clientRandom, byte[] serverRandom) {
        requireTls12(s);
        return prf(s.hmac(), premaster, "master secret", JdkCrypto.concat(clientRandom, serverRandom),
                MASTER_SECRET_LENGTH);
    }

    /**
     * master_secret = PRF(pre_master_secret, "extended master secret", session_hash)[0..47], RFC 7627
     * section 4, where session_hash is the transcript hash up to and including ClientKeyExchange.
     */
    public static byte[] extendedMasterSecret(CipherSuite s, byte[] premaster, byte[] sessionHash) {
        requireTls12(s);
        return prf(s.hmac(), premaster, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
    }

    /**
     * key_block = PRF(master_secret, "key expansion", server_random + client_random), split into MAC keys,
     * write keys and, for GCM only, IVs, RFC 5246 section 6.3. For example 2 * 32 + 2 * 16 = 96 bytes for
     * AES_128_CBC_SHA256 and 2 * 16 + 2 * 4 = 40 bytes for AES_128_GCM_SHA256.
     */
    public static KeyBlock keyBlock(CipherSuite s, byte[] masterSecret, byte[] clientRandom, byte[] serverRandom) {
        requireTls12(s);
        int macLen = s.macKeyLength();
        int keyLen = s.keyLength();
        int ivLen = s.fixedIvLength();
        byte[] block = prf(s.hmac(), masterSecret, "key expansion", JdkCrypto.concat(serverRandom, clientRandom),
                2 * (macLen + keyLen + ivLen));
        int at = 0;
        byte[] clientMac = Arrays.copyOfRange(block, at, at += macLen);
        byte[] serverMac = Arrays.copyOfRange(block, at, at += macLen);
        byte[] clientKey = Arrays.copyOfRange(block, at, at += keyLen);
        byte[] serverKey = Arrays.copyOfRange(block, at, at += keyLen);
        byte[] clientIv = Arrays.copyOfRange(block, at, at += ivLen);
        byte[] serverIv = Arrays.copyOfRange(block, at, at + ivLen);
        return new KeyBlock(clientMac, serverMac, clientKey, serverKey, clientIv, serverIv);
    }

    /**
     * verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..11], RFC 5246 section 7.4.9;
     * finished_label is "client finished" or "server finished".
     */
    public static byte[] verifyData(CipherSuite s, byte[] masterSecret, boolean client, byte[] handshakeHash) {
        requireTls12(s);
        return prf(s.hmac(), masterSecret, client ? "client finished" : "server finished", handshakeHash,
                VERIFY_DATA_LENGTH);
    }

    /**
     * Hash of the concatenated handshake messages (headers included) with the suite's PRF hash,
     * RFC 5246 section 7.4.9.
     */
    public static byte[] transcriptHash(CipherSuite s, byte[]... handshakeMessages) {
        return JdkCrypto.digest(s.hash(), handshakeMessages);
    }

    private static void requireTls12(CipherSuite s) {
        if (s.isTls13()) {
            throw new IllegalArgumentException(s + " is a TLS 1.3 suite; the TLS 1.2 key schedule does not apply");
        }
    }
}
