package io.tlsviz.engine.attack;

import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.crypto.RecordProtection;
import io.tlsviz.engine.crypto.Tls12KeySchedule;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;

/**
 * The forward-secrecy lesson, for real: an eavesdropper who recorded a TLS 1.2 session gets the server's
 * private key years later. She works from the recorded bytes alone (no value the peers computed), with the
 * JDK's RSA and the engine's own key schedule and record decryption.
 *
 * <p>With RSA key exchange the recorded ClientKeyExchange holds the premaster encrypted to the server's key,
 * so the leaked key opens the whole session. With (EC)DHE it holds only the client's public value: the
 * private key has nothing to decrypt, and the premaster was never on the wire.
 */
public final class Eavesdropper {

    /** What the eavesdropper has: the bytes of every record, in order, with their direction. */
    public record Recording(List<Record> records) {
        public Recording {
            records = List.copyOf(records);
        }
    }

    public record Record(boolean fromClient, byte[] bytes) {
        public Record {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * The outcome of the attack.
     *
     * @param opened      true when the recording was decrypted
     * @param explanation what happened, in plain sentences
     * @param recovered   values recovered from the recording alone, by snake_case name
     * @param plaintexts  the decrypted application data, client's first
     */
    public record Outcome(boolean opened, String explanation, Map<String, byte[]> recovered, List<String> plaintexts) {
        public Outcome {
            recovered = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recovered));
            plaintexts = List.copyOf(plaintexts);
        }
    }

    private Eavesdropper() {
    }

    /** Everything a passive eavesdropper on the wire records from a handshake. */
    public static Recording record(Trace trace) {
        List<Record> records = new ArrayList<>();
        for (Step s : trace.steps()) {
            if (s instanceof MessageStep m) {
                records.add(new Record(m.from() == Party.CLIENT, m.record()));
            }
        }
        return new Recording(records);
    }

    /** The attack with a leaked RSA private key, from the recorded bytes alone. */
    public static Outcome attack(Recording recording, PrivateKey leakedServerKey) {
        Map<String, byte[]> recovered = new LinkedHashMap<>();
        byte[] clientRandom = null;
        byte[] serverRandom = null;
        CipherSuite suite = null;
        byte[] clientKeyExchange = null;
        for (Record r : recording.records()) {
            byte[] b = r.bytes();
            if (b.length < 6 || b[0] != 22) {
                continue;
            }
            int type = b[5] & 0xff;
            if (type == 1 && b.length >= 43) {
                clientRandom = Arrays.copyOfRange(b, 11, 43);
            } else if (type == 2 && b.length >= 43) {
                serverRandom = Arrays.copyOfRange(b, 11, 43);
                int sidLen = b[43] & 0xff;
                int at = 44 + sidLen;
                if (b.length >= at + 2) {
                    try {
                        suite = CipherSuite.fromCode(((b[at] & 0xff) << 8) | (b[at + 1] & 0xff));
                    } catch (IllegalArgumentException unknown) {
                        suite = null;
                    }
                }
            } else if (type == 16 && r.fromClient()) {
                clientKeyExchange = Arrays.copyOfRange(b, 9, b.length);
            }
        }
        if (clientRandom == null || serverRandom == null || suite == null || clientKeyExchange == null) {
            return new Outcome(false, "The recording has no complete TLS 1.2 handshake to work with.", recovered,
                    List.of());
        }
        recovered.put("client_random", clientRandom);
        recovered.put("server_random", serverRandom);
        if (suite.keyExchange() != CipherSuite.KeyExchange.RSA) {
            return new Outcome(false, "The recorded ClientKeyExchange holds only the client's public "
                    + (suite.keyExchange() == CipherSuite.KeyExchange.DHE_RSA ? "DH" : "ECDH")
                    + " value. The server's private key only ever signed; it encrypted nothing. The premaster was "
                    + "computed on both sides from private values that were thrown away and never crossed the "
                    + "wire, so the leaked key opens nothing: forward secrecy.", recovered, List.of());
        }
        // RFC 5246 section 7.4.7.1: a 2-byte length, then the RSA-encrypted premaster.
        byte[] encrypted = Arrays.copyOfRange(clientKeyExchange, 2, clientKeyExchange.length);
        recovered.put("encrypted_premaster_secret", encrypted);
        byte[] premaster;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding", "SunJCE");
            rsa.init(Cipher.DECRYPT_MODE, leakedServerKey);
            premaster = rsa.doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            return new Outcome(false, "The leaked key does not decrypt the recorded premaster ("
                    + e.getMessage() + "): it is not this server's key.", recovered, List.of());
        }
        recovered.put("premaster_secret", premaster);
        byte[] master = Tls12KeySchedule.masterSecret(suite, premaster, clientRandom, serverRandom);
        recovered.put("master_secret", master);
        Tls12KeySchedule.KeyBlock kb = Tls12KeySchedule.keyBlock(suite, master, clientRandom, serverRandom);
        recovered.put("client_write_key", kb.clientWriteKey());
        recovered.put("server_write_key", kb.serverWriteKey());
        recovered.put("client_write_iv", kb.clientWriteIv());
        recovered.put("server_write_iv", kb.serverWriteIv());
        if (!suite.isAead()) {
            recovered.put("client_write_mac_key", kb.clientWriteMacKey());
            recovered.put("server_write_mac_key", kb.serverWriteMacKey());
        }
        List<String> plaintexts = new ArrayList<>();
        decryptApplicationData(recording, suite, kb, plaintexts);
        return new Outcome(!plaintexts.isEmpty(), "With the leaked private key, the recorded ClientKeyExchange "
                + "decrypts to the premaster; the recorded randoms give the master secret and the session keys; "
                + "the keys open the recorded application data. Nothing the peers kept was needed.",
                recovered, plaintexts);
    }

    private static void decryptApplicationData(Recording recording, CipherSuite suite, Tls12KeySchedule.KeyBlock kb,
            List<String> plaintexts) {
        RecordProtection.Keys client = keys(suite, kb, true);
        RecordProtection.Keys server = keys(suite, kb, false);
        long clientSeq = -1;
        long serverSeq = -1;
        for (Record r : recording.records()) {
            byte[] b = r.bytes();
            // RFC 5246 section 6.1: sequence numbers restart at 0 after each side's ChangeCipherSpec.
            if (b[0] == 20) {
                if (r.fromClient()) {
                    clientSeq = 0;
                } else {
                    serverSeq = 0;
                }
                continue;
            }
            long seq = r.fromClient() ? clientSeq : serverSeq;
            if (seq < 0) {
                continue;
            }
            try {
                RecordProtection.Decrypted d = RecordProtection.decrypt(r.fromClient() ? client : server, seq, b);
                if (d.contentType() == 23) {
                    plaintexts.add(new String(d.content(), StandardCharsets.UTF_8));
                }
            } catch (RecordProtection.BadRecordException e) {
                plaintexts.add("(cannot decrypt: " + e.getMessage() + ")");
            }
            if (r.fromClient()) {
                clientSeq++;
            } else {
                serverSeq++;
            }
        }
    }

    private static RecordProtection.Keys keys(CipherSuite suite, Tls12KeySchedule.KeyBlock kb, boolean client) {
        byte[] key = client ? kb.clientWriteKey() : kb.serverWriteKey();
        return suite.isAead()
                ? RecordProtection.Keys.tls12Gcm(suite, key, client ? kb.clientWriteIv() : kb.serverWriteIv())
                : RecordProtection.Keys.tls12Cbc(suite, key, client ? kb.clientWriteMacKey() : kb.serverWriteMacKey(),
                        false);
    }
}
