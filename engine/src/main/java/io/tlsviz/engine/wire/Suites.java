package io.tlsviz.engine.wire;

import io.tlsviz.engine.crypto.CipherSuite;

/** One-line explanations of cipher suites for students. */
final class Suites {
    private Suites() {
    }

    static String explain(int code) {
        CipherSuite suite = null;
        for (CipherSuite s : CipherSuite.values()) {
            if (s.code() == code) {
                suite = s;
            }
        }
        if (suite == null) {
            if (code == 0x00ff) {
                return "not a real suite, a signal that the client supports secure renegotiation";
            }
            if (code == 0x5600) {
                return "not a real suite, a signal that the client is retrying with a lower version";
            }
            if (WireNames.isGrease(code)) {
                return "a reserved dummy value that keeps servers tolerant of unknown suites";
            }
            return "a suite tlsviz does not implement";
        }
        String cipher = "AES-" + suite.keyLength() * 8 + (suite.isAead()
                ? "-GCM" : "-CBC with HMAC-" + suite.mac().jdkName().substring(4));
        if (suite.isTls13()) {
            return "TLS 1.3, " + cipher + ", " + suite.hash() + " for key derivation";
        }
        String kx = switch (suite.keyExchange()) {
            case RSA -> "RSA key transport (no forward secrecy)";
            case DHE_RSA -> "ephemeral finite-field Diffie-Hellman signed with RSA";
            case ECDHE_RSA -> "ephemeral elliptic-curve Diffie-Hellman signed with RSA";
            case ECDHE_ECDSA -> "ephemeral elliptic-curve Diffie-Hellman signed with ECDSA";
            case TLS13 -> "";
        };
        return kx + ", " + cipher;
    }
}
