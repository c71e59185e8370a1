package io.tlsviz.engine.live;

import io.tlsviz.engine.Party;
import io.tlsviz.engine.crypto.RecordProtection;
import io.tlsviz.engine.crypto.Tls12KeySchedule;
import java.util.ArrayList;
import java.util.List;

/**
 * What one peer has seen and derived, recomputed by the engine from the bytes it sent and received.
 * The two views are equal unless someone tampered with a record on the way.
 */
final class Side {
    final Party party;
    byte[] clientRandom;
    byte[] serverRandom;
    final List<byte[]> transcript = new ArrayList<>();
    Capture.KeyShareMade keyShare;
    byte[] premaster;
    /** RSA key transport, client: the PKCS#1 v1.5 block it encrypted (the premaster, padded). */
    byte[] rsaBlock;
    /** The server: what it signed (in ServerKeyExchange or CertificateVerify), rebuilt from its own view of the wire. */
    Signatures.Signed signed;
    byte[] sessionHash;
    byte[] masterSecret;
    Tls12KeySchedule.KeyBlock keyBlock;
    // TLS 1.3 (RFC 8446 section 7.1)
    byte[] helloHash;
    byte[] handshakeHash;
    byte[] handshakeSecret;
    byte[] clientHandshakeTrafficSecret;
    byte[] serverHandshakeTrafficSecret;
    byte[] applicationMasterSecret;
    byte[] clientApplicationTrafficSecret;
    byte[] serverApplicationTrafficSecret;
    /** The keys this side protects its records with now; null while it still sends plaintext. */
    RecordProtection.Keys writeKeys;
    /** Which keys protect this side's records now: "session" (TLS 1.2), "handshake" or "application" (TLS 1.3). */
    String writeEpoch = "none";
    long writeSequence;
    /** The verify_data this side computed for the Finished it is about to send. */
    byte[] pendingVerifyData;
    /** The name of the transcript hash that verify_data MACs (client_finished_hash, ..., or handshake_hash). */
    String pendingFinishedHash;

    Side(Party party) {
        this.party = party;
    }

    void startWriting(RecordProtection.Keys keys, String epoch) {
        writeKeys = keys;
        writeEpoch = epoch;
        writeSequence = 0;
    }

    boolean isClient() {
        return party == Party.CLIENT;
    }

    String prefix() {
        return isClient() ? "client" : "server";
    }
}
