package io.tlsviz.engine.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * The TLS 1.3 key schedule without PSK, recomputed with the JDK's {@code Mac} and {@code MessageDigest}:
 * HKDF (RFC 5869), HKDF-Expand-Label and Derive-Secret (RFC 8446 section 7.1), traffic keys
 * (RFC 8446 section 7.3) and Finished (RFC 8446 section 4.4.4).
 */
public final class Tls13KeySchedule {
    private static final String LABEL_PREFIX = "tls13 ";

    private Tls13KeySchedule() {
    }

    /** The secrets of a full (EC)DHE handshake, RFC 8446 section 7.1, in the order they come into being. */
    public record Secrets(byte[] earlySecret, byte[] handshakeSecret, byte[] clientHandshakeTrafficSecret,
            byte[] serverHandshakeTrafficSecret, byte[] masterSecret, byte[] clientApplicationTrafficSecret0,
            byte[] serverApplicationTrafficSecret0, byte[] exporterMasterSecret) {

        public Secrets {
            earlySecret = earlySecret.clone();
            handshakeSecret = handshakeSecret.clone();
            clientHandshakeTrafficSecret = clientHandshakeTrafficSecret.clone();
            serverHandshakeTrafficSecret = serverHandshakeTrafficSecret.clone();
            masterSecret = masterSecret.clone();
            clientApplicationTrafficSecret0 = clientApplicationTrafficSecret0.clone();
            serverApplicationTrafficSecret0 = serverApplicationTrafficSecret0.clone();
            exporterMasterSecret = exporterMasterSecret.clone();
        }

        @Override
        public byte[] earlySecret() {
            return earlySecret.clone();
        }

        @Override
        public byte[] handshakeSecret() {
            return handshakeSecret.clone();
        }

        @Override
        public byte[] clientHandshakeTrafficSecret() {
            return clientHandshakeTrafficSecret.clone();
        }

        @Override
        public byte[] serverHandshakeTrafficSecret() {
            return serverHandshakeTrafficSecret.clone();
        }

        @Override
        public byte[] masterSecret() {
            return masterSecret.clone();
        }

        @Override
        public byte[] clientApplicationTrafficSecret0() {
            return clientApplicationTrafficSecret0.clone();
        }

        @Override
        public byte[] serverApplicationTrafficSecret0() {
            return serverApplicationTrafficSecret0.clone();
        }

        @Override
        public byte[] exporterMasterSecret() {
            return exporterMasterSecret.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Secrets x
                    && Arrays.equals(earlySecret, x.earlySecret)
                    && Arrays.equals(handshakeSecret, x.handshakeSecret)
                    && Arrays.equals(clientHandshakeTrafficSecret, x.clientHandshakeTrafficSecret)
                    && Arrays.equals(serverHandshakeTrafficSecret, x.serverHandshakeTrafficSecret)
                    && Arrays.equals(masterSecret, x.masterSecret)
                    && Arrays.equals(clientApplicationTrafficSecret0, x.clientApplicationTrafficSecret0)
                    && Arrays.equals(serverApplicationTrafficSecret0, x.serverApplicationTrafficSecret0)
                    && Arrays.equals(exporterMasterSecret, x.exporterMasterSecret);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(masterSecret);
        }

        @Override
        public String toString() {
            return "Secrets[" + masterSecret.length + "-byte secrets]";
        }
    }

    /** The AEAD key and IV of one direction, RFC 8446 section 7.3. */
    public record TrafficKeys(byte[] key, byte[] iv) {

        public TrafficKeys {
            key = key.clone();
            iv = iv.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public byte[] iv() {
            return iv.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TrafficKeys t && Arrays.equals(key, t.key) && Arrays.equals(iv, t.iv);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key) * 31 + Arrays.hashCode(iv);
        }

        @Override
        public String toString() {
            return "TrafficKeys[key " + key.length + " bytes, iv " + iv.length + " bytes]";
        }
    }

    /** HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM), RFC 5869 section 2.2. */
    public static byte[] hkdfExtract(String hmacName, byte[] salt, byte[] ikm) {
        return JdkCrypto.hmac(hmacName, salt).doFinal(ikm);
    }

    /** HKDF-Expand(PRK, info, L): T(i) = HMAC-Hash(PRK, T(i-1) || info || i), RFC 5869 section 2.3. */
    public static byte[] hkdfExpand(String hmacName, byte[] prk, byte[] info, int length) {
        Mac mac = JdkCrypto.hmac(hmacName, prk);
        if (length < 0 || length > 255 * mac.getMacLength()) {
            throw new IllegalArgumentException("HKDF-Expand length must be 0.." + 255 * mac.getMacLength()
                    + ", got " + length);
        }
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int filled = 0;
        for (int i = 1; filled < length; i++) {
            mac.update(t);
            mac.update(info);
            mac.update((byte) i);
            t = mac.doFinal();
            int n = Math.min(t.length, length - filled);
            System.arraycopy(t, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /**
     * HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret, HkdfLabel, Length), where
     * HkdfLabel = uint16 length || opaque label&lt;7..255&gt; = "tls13 " + Label || opaque context&lt;0..255&gt;,
     * RFC 8446 section 7.1.
     */
    public static byte[] hkdfExpandLabel(String hmacName, byte[] secret, String label, byte[] context, int length) {
        return hkdfExpand(hmacName, secret, hkdfLabel(label, context, length), length);
    }

    /** The HkdfLabel structure, the {@code info} of HKDF-Expand-Label (RFC 8446 section 7.1). */
    public static byte[] hkdfLabel(String label, byte[] context, int length) {
        byte[] fullLabel = (LABEL_PREFIX + label).getBytes(StandardCharsets.US_ASCII);
        if (fullLabel.length > 255 || context.length > 255 || length > 0xFFFF || length < 0) {
            throw new IllegalArgumentException("HkdfLabel out of range: label " + fullLabel.length
                    + " bytes, context " + context.length + " bytes, length " + length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + fullLabel.length + context.length);
        out.write(length >>> 8);
        out.write(length);
        out.write(fullLabel.length);
        out.writeBytes(fullLabel);
        out.write(context.length);
        out.writeBytes(context);
        return out.toByteArray();
    }

    /**
     * Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages),
     * Hash.length), RFC 8446 section 7.1; the caller passes the transcript hash.
     */
    public static byte[] deriveSecret(CipherSuite s, byte[] secret, String label, byte[] transcriptHash) {
        return hkdfExpandLabel(s.hmac(), secret, label, transcriptHash, s.hashLength());
    }

    /**
     * The key schedule of RFC 8446 section 7.1 without a PSK: the early secret is HKDF-Extract(0, 0) with
     * Hash.length zero bytes as both salt and IKM.
     *
     * @param sharedSecret  the (EC)DHE shared secret
     * @param helloHash     Transcript-Hash(ClientHello..ServerHello)
     * @param handshakeHash Transcript-Hash(ClientHello..server Finished)
     */
    public static Secrets compute(CipherSuite s, byte[] sharedSecret, byte[] helloHash, byte[] handshakeHash) {
        HandshakeStage hs = handshakeStage(s, sharedSecret, helloHash);
        ApplicationStage ap = applicationStage(s, hs.handshakeSecret(), handshakeHash);
        return new Secrets(hs.earlySecret(), hs.handshakeSecret(), hs.clientHandshakeTrafficSecret(),
                hs.serverHandshakeTrafficSecret(), ap.masterSecret(), ap.clientApplicationTrafficSecret0(),
                ap.serverApplicationTrafficSecret0(), ap.exporterMasterSecret());
    }

    /** The first half of the schedule, known once ServerHello is in the transcript. */
    public record HandshakeStage(byte[] earlySecret, byte[] handshakeSecret, byte[] clientHandshakeTrafficSecret,
            byte[] serverHandshakeTrafficSecret) {
    }

    /** The second half, known once the server's Finished is in the transcript. */
    public record ApplicationStage(byte[] masterSecret, byte[] clientApplicationTrafficSecret0,
            byte[] serverApplicationTrafficSecret0, byte[] exporterMasterSecret) {
    }

    /**
     * early_secret = HKDF-Extract(0, 0); handshake_secret = HKDF-Extract(Derive-Secret(early_secret,
     * "derived", ""), shared_secret); both handshake traffic secrets over Transcript-Hash(ClientHello..
     * ServerHello). RFC 8446 section 7.1.
     */
    public static HandshakeStage handshakeStage(CipherSuite s, byte[] sharedSecret, byte[] helloHash) {
        requireTls13(s);
        String hmac = s.hmac();
        byte[] zeros = new byte[s.hashLength()];
        byte[] emptyHash = JdkCrypto.digest(s.hash());
        byte[] early = hkdfExtract(hmac, zeros, zeros);
        byte[] handshake = hkdfExtract(hmac, deriveSecret(s, early, "derived", emptyHash), sharedSecret);
        return new HandshakeStage(early, handshake, deriveSecret(s, handshake, "c hs traffic", helloHash),
                deriveSecret(s, handshake, "s hs traffic", helloHash));
    }

    /**
     * master_secret = HKDF-Extract(Derive-Secret(handshake_secret, "derived", ""), 0); the application
     * traffic secrets and the exporter master secret over Transcript-Hash(ClientHello..server Finished).
     * RFC 8446 section 7.1.
     */
    public static ApplicationStage applicationStage(CipherSuite s, byte[] handshakeSecret, byte[] handshakeHash) {
        requireTls13(s);
        byte[] zeros = new byte[s.hashLength()];
        byte[] emptyHash = JdkCrypto.digest(s.hash());
        byte[] master = hkdfExtract(s.hmac(), deriveSecret(s, handshakeSecret, "derived", emptyHash), zeros);
        return new ApplicationStage(master, deriveSecret(s, master, "c ap traffic", handshakeHash),
                deriveSecret(s, master, "s ap traffic", handshakeHash),
                deriveSecret(s, master, "exp master", handshakeHash));
    }

    /**
     * resumption_master_secret = Derive-Secret(master_secret, "res master", ClientHello..client Finished),
     * RFC 8446 section 7.1; clientFinishedHash is the transcript hash through the client Finished.
     */
    public static byte[] resumptionMasterSecret(CipherSuite s, byte[] masterSecret, byte[] clientFinishedHash) {
        requireTls13(s);
        return deriveSecret(s, masterSecret, "res master", clientFinishedHash);
    }

    /**
     * [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length) and [sender]_write_iv likewise with
     * "iv" and iv_length, RFC 8446 section 7.3.
     */
    public static TrafficKeys trafficKeys(CipherSuite s, byte[] trafficSecret) {
        requireTls13(s);
        byte[] key = hkdfExpandLabel(s.hmac(), trafficSecret, "key", new byte[0], s.keyLength());
        byte[] iv = hkdfExpandLabel(s.hmac(), trafficSecret, "iv", new byte[0], s.fixedIvLength());
        return new TrafficKeys(key, iv);
    }

    /** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length), RFC 8446 section 4.4.4. */
    public static byte[] finishedKey(CipherSuite s, byte[] baseKey) {
        requireTls13(s);
        return hkdfExpandLabel(s.hmac(), baseKey, "finished", new byte[0], s.hashLength());
    }

    /**
     * verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*)),
     * RFC 8446 section 4.4.4; baseKey is the sender's handshake traffic secret.
     */
    public static byte[] verifyData(CipherSuite s, byte[] baseKey, byte[] transcriptHash) {
        return JdkCrypto.hmac(s.hmac(), finishedKey(s, baseKey)).doFinal(transcriptHash);
    }

    /** Transcript-Hash(M1, M2, ... Mn) = Hash(M1 || M2 || ... || Mn), RFC 8446 section 4.4.1 (no HelloRetryRequest). */
    public static byte[] transcriptHash(CipherSuite s, byte[]... handshakeMessages) {
        return JdkCrypto.digest(s.hash(), handshakeMessages);
    }

    private static void requireTls13(CipherSuite s) {
        if (!s.isTls13()) {
            throw new IllegalArgumentException(s + " is a TLS 1.2 suite; the TLS 1.3 key schedule does not apply");
        }
    }
}
