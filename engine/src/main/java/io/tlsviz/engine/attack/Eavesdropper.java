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
import java.util.HashSet;
import java.util.Set;
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

    /** How the attack ended, for a caller that says it in its own words (the app, in the learner's language). */
    public enum Verdict {
        /** The leaked key decrypted the premaster, and the keys derived from it the application data. */
        OPENED,
        /** The recording holds no complete TLS 1.2 handshake. */
        NO_HANDSHAKE,
        /** DHE: the ClientKeyExchange holds only the client's public DH value; the key has nothing to decrypt. */
        FORWARD_SECRET_DH,
        /** ECDHE: the ClientKeyExchange holds only the client's public ECDH value. */
        FORWARD_SECRET_ECDH,
        /** The leaked key does not decrypt the recorded premaster: it is not this server's key. */
        WRONG_KEY,
        /** The premaster opened, but no recorded application data decrypts with the keys derived from it. */
        NO_APPLICATION_DATA
    }

    /**
     * The outcome of the attack.
     *
     * @param verdict     how it ended
     * @param explanation what happened, in plain English sentences (the engine's own account)
     * @param recovered   values recovered from the recording alone, by snake_case name
     * @param plaintexts  the decrypted application data, client's first
     */
    public record Outcome(Verdict verdict, String explanation, Map<String, byte[]> recovered, List<String> plaintexts) {
        public Outcome {
            java.util.Objects.requireNonNull(verdict, "verdict");
            recovered = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recovered));
            plaintexts = List.copyOf(plaintexts);
        }

        /** True when the recording was decrypted. */
        public boolean opened() {
            return verdict == Verdict.OPENED;
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
        Handshake h = Handshake.read(recording);
        if (h == null) {
            return new Outcome(Verdict.NO_HANDSHAKE, "The recording has no complete TLS 1.2 handshake to work with.",
                    recovered, List.of());
        }
        recovered.put("client_random", h.clientRandom);
        recovered.put("server_random", h.serverRandom);
        if (h.suite.keyExchange() != CipherSuite.KeyExchange.RSA) {
            boolean dh = h.suite.keyExchange() == CipherSuite.KeyExchange.DHE_RSA;
            return new Outcome(dh ? Verdict.FORWARD_SECRET_DH : Verdict.FORWARD_SECRET_ECDH,
                    "The recorded ClientKeyExchange holds only the client's public " + (dh ? "DH" : "ECDH")
                    + " value. The server's private key only ever signed; it encrypted nothing. The premaster was "
                    + "computed on both sides from private values that were thrown away and never crossed the "
                    + "wire, so the leaked key opens nothing: forward secrecy.", recovered, List.of());
        }
        // RFC 5246 section 7.4.7.1: a 2-byte length, then the RSA-encrypted premaster.
        byte[] encrypted = h.clientKeyExchangeBody.length > 2
                ? Arrays.copyOfRange(h.clientKeyExchangeBody, 2, h.clientKeyExchangeBody.length) : new byte[0];
        recovered.put("encrypted_premaster_secret", encrypted);
        byte[] premaster;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding", "SunJCE");
            rsa.init(Cipher.DECRYPT_MODE, leakedServerKey);
            premaster = rsa.doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            return new Outcome(Verdict.WRONG_KEY, "The leaked key does not decrypt the recorded premaster ("
                    + e.getMessage() + "): it is not this server's key.", recovered, List.of());
        }
        recovered.put("premaster_secret", premaster);
        byte[] master;
        if (h.extendedMasterSecret) {
            // RFC 7627 section 4: the session hash covers the recorded handshake up to the ClientKeyExchange.
            byte[] sessionHash = Tls12KeySchedule.transcriptHash(h.suite, h.messagesThroughClientKeyExchange);
            recovered.put("session_hash", sessionHash);
            master = Tls12KeySchedule.extendedMasterSecret(h.suite, premaster, sessionHash);
        } else {
            master = Tls12KeySchedule.masterSecret(h.suite, premaster, h.clientRandom, h.serverRandom);
        }
        recovered.put("master_secret", master);
        Tls12KeySchedule.KeyBlock kb = Tls12KeySchedule.keyBlock(h.suite, master, h.clientRandom, h.serverRandom);
        recovered.put("client_write_key", kb.clientWriteKey());
        recovered.put("server_write_key", kb.serverWriteKey());
        if (h.suite.isAead()) {
            recovered.put("client_write_iv", kb.clientWriteIv());
            recovered.put("server_write_iv", kb.serverWriteIv());
        } else {
            recovered.put("client_write_mac_key", kb.clientWriteMacKey());
            recovered.put("server_write_mac_key", kb.serverWriteMacKey());
        }
        List<String> plaintexts = new ArrayList<>();
        int failures = decryptApplicationData(recording, h, kb, plaintexts);
        if (plaintexts.isEmpty()) {
            return new Outcome(Verdict.NO_APPLICATION_DATA, "The leaked key opened the premaster, but no recorded "
                    + "application data decrypts with the keys derived from it" + (failures > 0 ? " (" + failures
                    + " record(s) failed to authenticate)" : "") + ".", recovered, plaintexts);
        }
        return new Outcome(Verdict.OPENED, "With the leaked private key, the recorded ClientKeyExchange "
                + "decrypts to the premaster; the recorded handshake gives the master secret and the session keys; "
                + "the keys open the recorded application data. Nothing the peers kept was needed.",
                recovered, plaintexts);
    }

    /** What the eavesdropper reads from the plaintext part of a recorded TLS 1.2 handshake. */
    private static final class Handshake {
        byte[] clientRandom;
        byte[] serverRandom;
        CipherSuite suite;
        byte[] clientKeyExchangeBody;
        boolean extendedMasterSecret;
        boolean encryptThenMac;
        byte[][] messagesThroughClientKeyExchange;

        static Handshake read(Recording recording) {
            Handshake h = new Handshake();
            List<byte[]> transcript = new ArrayList<>();
            boolean clientOffersEms = false;
            boolean clientOffersEtm = false;
            for (Record r : recording.records()) {
                byte[] b = r.bytes();
                if (b.length < 9 || b[0] != 22) {
                    continue;
                }
                int length = ((b[6] & 0xff) << 16) | ((b[7] & 0xff) << 8) | (b[8] & 0xff);
                if (b.length < 9 + length) {
                    continue;
                }
                byte[] message = Arrays.copyOfRange(b, 5, 9 + length);
                byte[] body = Arrays.copyOfRange(b, 9, 9 + length);
                int type = b[5] & 0xff;
                if (h.clientKeyExchangeBody == null) {
                    transcript.add(message);
                }
                if (type == 1 && body.length >= 34) {
                    h.clientRandom = Arrays.copyOfRange(body, 2, 34);
                    Set<Integer> ext = extensions(body, true);
                    clientOffersEms = ext.contains(EXTENDED_MASTER_SECRET);
                    clientOffersEtm = ext.contains(ENCRYPT_THEN_MAC);
                } else if (type == 2 && body.length >= 35) {
                    h.serverRandom = Arrays.copyOfRange(body, 2, 34);
                    int at = 35 + (body[34] & 0xff);
                    if (body.length >= at + 2) {
                        try {
                            h.suite = CipherSuite.fromCode(((body[at] & 0xff) << 8) | (body[at + 1] & 0xff));
                        } catch (IllegalArgumentException unknown) {
                            return null;
                        }
                    }
                    Set<Integer> ext = extensions(body, false);
                    h.extendedMasterSecret = clientOffersEms && ext.contains(EXTENDED_MASTER_SECRET);
                    h.encryptThenMac = clientOffersEtm && ext.contains(ENCRYPT_THEN_MAC);
                } else if (type == 16 && r.fromClient() && h.clientKeyExchangeBody == null) {
                    h.clientKeyExchangeBody = body;
                    h.messagesThroughClientKeyExchange = transcript.toArray(new byte[0][]);
                }
            }
            boolean complete = h.clientRandom != null && h.serverRandom != null && h.suite != null
                    && !h.suite.isTls13() && h.clientKeyExchangeBody != null;
            return complete ? h : null;
        }
    }

    private static final int EXTENDED_MASTER_SECRET = 23; // RFC 7627
    private static final int ENCRYPT_THEN_MAC = 22;       // RFC 7366

    /** The extension types of a ClientHello or ServerHello body; empty when the layout is cut short. */
    private static Set<Integer> extensions(byte[] body, boolean clientHello) {
        Set<Integer> types = new HashSet<>();
        int at = 34;
        if (at >= body.length) {
            return types;
        }
        at += 1 + (body[at] & 0xff); // session id
        if (clientHello) {
            if (at + 2 > body.length) {
                return types;
            }
            at += 2 + (((body[at] & 0xff) << 8) | (body[at + 1] & 0xff)); // cipher suites
            if (at >= body.length) {
                return types;
            }
            at += 1 + (body[at] & 0xff); // compression methods
        } else {
            at += 3; // cipher suite, compression method
        }
        if (at + 2 > body.length) {
            return types;
        }
        int end = Math.min(body.length, at + 2 + (((body[at] & 0xff) << 8) | (body[at + 1] & 0xff)));
        at += 2;
        while (at + 4 <= end) {
            types.add(((body[at] & 0xff) << 8) | (body[at + 1] & 0xff));
            at += 4 + (((body[at + 2] & 0xff) << 8) | (body[at + 3] & 0xff));
        }
        return types;
    }

    /** Decrypts the recorded application data into {@code plaintexts}; returns how many records failed. */
    private static int decryptApplicationData(Recording recording, Handshake h, Tls12KeySchedule.KeyBlock kb,
            List<String> plaintexts) {
        RecordProtection.Keys client = keys(h, kb, true);
        RecordProtection.Keys server = keys(h, kb, false);
        long clientSeq = -1;
        long serverSeq = -1;
        int failures = 0;
        for (Record r : recording.records()) {
            byte[] b = r.bytes();
            if (b.length < 5) {
                continue;
            }
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
                failures++;
            }
            if (r.fromClient()) {
                clientSeq++;
            } else {
                serverSeq++;
            }
        }
        return failures;
    }

    private static RecordProtection.Keys keys(Handshake h, Tls12KeySchedule.KeyBlock kb, boolean client) {
        byte[] key = client ? kb.clientWriteKey() : kb.serverWriteKey();
        return h.suite.isAead()
                ? RecordProtection.Keys.tls12Gcm(h.suite, key, client ? kb.clientWriteIv() : kb.serverWriteIv())
                : RecordProtection.Keys.tls12Cbc(h.suite, key,
                        client ? kb.clientWriteMacKey() : kb.serverWriteMacKey(), h.encryptThenMac);
    }
}
