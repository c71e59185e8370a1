package io.tlsviz.engine.crypto;

import java.util.LinkedHashMap;

/**
 * The "derive" calculator: from the inputs a student can read off a handshake, every secret, key and IV
 * of the key schedule under its snake_case name, in the order the schedule produces them. Inputs are
 * checked first and a wrong one is named the way the command line names it ({@code --client-random}).
 */
public final class KeyCalculator {
    /** ClientHello.random and ServerHello.random are 32 bytes, RFC 5246 section 7.4.1.2. */
    public static final int RANDOM_LENGTH = 32;

    private KeyCalculator() {
    }

    /**
     * TLS 1.2: {@code master_secret}, then the key block in its order (RFC 5246 sections 8.1 and 6.3): for CBC suites
     * {@code client_write_mac_key}, {@code server_write_mac_key}, {@code client_write_key}, {@code server_write_key};
     * for GCM suites {@code client_write_key}, {@code server_write_key}, {@code client_write_iv},
     * {@code server_write_iv}. A CBC key block has no IVs: each CBC record carries its own.
     *
     * @param sessionHashOrNull the RFC 7627 session_hash; when given, the extended master secret is derived
     * @throws IllegalArgumentException for a TLS 1.3 suite or an input of the wrong length
     */
    public static LinkedHashMap<String, byte[]> tls12(CipherSuite s, byte[] premaster, byte[] clientRandom,
            byte[] serverRandom, byte[] sessionHashOrNull) {
        if (s.isTls13()) {
            throw new IllegalArgumentException(s + " is a TLS 1.3 suite; use derive tls13");
        }
        requireNonEmpty("--premaster", premaster);
        requireLength("--client-random", clientRandom, RANDOM_LENGTH);
        requireLength("--server-random", serverRandom, RANDOM_LENGTH);
        if (sessionHashOrNull != null) {
            requireLength("--session-hash", sessionHashOrNull, s.hashLength());
        }

        byte[] master = sessionHashOrNull == null
                ? Tls12KeySchedule.masterSecret(s, premaster, clientRandom, serverRandom)
                : Tls12KeySchedule.extendedMasterSecret(s, premaster, sessionHashOrNull);
        Tls12KeySchedule.KeyBlock kb = Tls12KeySchedule.keyBlock(s, master, clientRandom, serverRandom);

        LinkedHashMap<String, byte[]> out = new LinkedHashMap<>();
        out.put("master_secret", master);
        if (!s.isAead()) {
            out.put("client_write_mac_key", kb.clientWriteMacKey());
            out.put("server_write_mac_key", kb.serverWriteMacKey());
        }
        out.put("client_write_key", kb.clientWriteKey());
        out.put("server_write_key", kb.serverWriteKey());
        if (s.fixedIvLength() > 0) {
            out.put("client_write_iv", kb.clientWriteIv());
            out.put("server_write_iv", kb.serverWriteIv());
        }
        return out;
    }

    /**
     * TLS 1.3 without PSK: every secret of RFC 8446 section 7.1, the traffic keys of section 7.3 and the
     * finished keys of section 4.4.4, in schedule order.
     *
     * @param helloHash     Transcript-Hash(ClientHello..ServerHello)
     * @param handshakeHash Transcript-Hash(ClientHello..server Finished)
     * @throws IllegalArgumentException for a TLS 1.2 suite or an input of the wrong length
     */
    public static LinkedHashMap<String, byte[]> tls13(CipherSuite s, byte[] sharedSecret, byte[] helloHash,
            byte[] handshakeHash) {
        if (!s.isTls13()) {
            throw new IllegalArgumentException(s + " is a TLS 1.2 suite; use derive tls12");
        }
        requireNonEmpty("--shared-secret", sharedSecret);
        requireLength("--hello-hash", helloHash, s.hashLength());
        requireLength("--handshake-hash", handshakeHash, s.hashLength());

        Tls13KeySchedule.Secrets x = Tls13KeySchedule.compute(s, sharedSecret, helloHash, handshakeHash);
        Tls13KeySchedule.TrafficKeys clientHs = Tls13KeySchedule.trafficKeys(s, x.clientHandshakeTrafficSecret());
        Tls13KeySchedule.TrafficKeys serverHs = Tls13KeySchedule.trafficKeys(s, x.serverHandshakeTrafficSecret());
        Tls13KeySchedule.TrafficKeys clientAp = Tls13KeySchedule.trafficKeys(s, x.clientApplicationTrafficSecret0());
        Tls13KeySchedule.TrafficKeys serverAp = Tls13KeySchedule.trafficKeys(s, x.serverApplicationTrafficSecret0());

        LinkedHashMap<String, byte[]> out = new LinkedHashMap<>();
        out.put("early_secret", x.earlySecret());
        out.put("handshake_secret", x.handshakeSecret());
        out.put("client_handshake_traffic_secret", x.clientHandshakeTrafficSecret());
        out.put("server_handshake_traffic_secret", x.serverHandshakeTrafficSecret());
        out.put("client_handshake_write_key", clientHs.key());
        out.put("client_handshake_write_iv", clientHs.iv());
        out.put("server_handshake_write_key", serverHs.key());
        out.put("server_handshake_write_iv", serverHs.iv());
        out.put("client_finished_key", Tls13KeySchedule.finishedKey(s, x.clientHandshakeTrafficSecret()));
        out.put("server_finished_key", Tls13KeySchedule.finishedKey(s, x.serverHandshakeTrafficSecret()));
        out.put("master_secret", x.masterSecret());
        out.put("client_application_traffic_secret_0", x.clientApplicationTrafficSecret0());
        out.put("server_application_traffic_secret_0", x.serverApplicationTrafficSecret0());
        out.put("client_application_write_key", clientAp.key());
        out.put("client_application_write_iv", clientAp.iv());
        out.put("server_application_write_key", serverAp.key());
        out.put("server_application_write_iv", serverAp.iv());
        out.put("exporter_master_secret", x.exporterMasterSecret());
        return out;
    }

    private static void requireNonEmpty(String parameter, byte[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException(parameter + " must not be empty");
        }
    }

    private static void requireLength(String parameter, byte[] value, int expected) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " is missing");
        }
        if (value.length != expected) {
            throw new IllegalArgumentException(
                    parameter + " must be " + expected + " bytes, got " + value.length);
        }
    }
}
