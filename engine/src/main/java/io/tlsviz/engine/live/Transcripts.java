package io.tlsviz.engine.live;

import io.tlsviz.engine.wire.WireNames;
import java.util.List;

/**
 * What a transcript hash covers, as its formula names it, and whether an eavesdropper could compute it too. One
 * rule for every transcript hash a trace shows (session_hash, the hashes a Finished MACs, TLS 1.3's hello_hash,
 * handshake_hash and certificate_verify_hash): the formula lists the handshake messages it covers, in order, as
 * they are in the computing side's transcript, so a student can hash exactly those bytes and get the value.
 */
final class Transcripts {
    private Transcripts() {
    }

    /**
     * "ClientHello + ServerHello + Certificate + ...": each message by its protocol name; a Finished by its sender.
     * Without renegotiation or client certificates, TLS 1.2's first Finished is the client's and TLS 1.3's is the
     * server's (RFC 5246 section 7.3, RFC 8446 section 2).
     */
    static String names(List<byte[]> messages, boolean tls13) {
        StringBuilder sb = new StringBuilder(messages.size() * 16);
        int finished = 0;
        for (byte[] m : messages) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            int type = m[0] & 0xff;
            if (type == 20) {
                boolean client = tls13 == (finished++ > 0);
                sb.append(client ? "client Finished" : "server Finished");
            } else {
                String title = WireNames.handshakeTitle(type);
                sb.append(title != null ? title : "handshake message " + type);
            }
        }
        return sb.toString();
    }

    /**
     * Whether every message crossed the wire in the clear, so that an eavesdropper can hash them too: in TLS 1.2
     * every handshake message but Finished (it follows ChangeCipherSpec, RFC 5246 section 7.1); in TLS 1.3 only
     * ClientHello and ServerHello (RFC 8446 section 2).
     */
    static boolean inTheClear(List<byte[]> messages, boolean tls13) {
        for (byte[] m : messages) {
            int type = m[0] & 0xff;
            if (tls13 ? type != 1 && type != 2 : type == 20) {
                return false;
            }
        }
        return true;
    }
}
