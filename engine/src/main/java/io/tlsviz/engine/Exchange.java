package io.tlsviz.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the two peers agree on the premaster (TLS 1.2) or shared secret (TLS 1.3). */
public enum Exchange {
    /** TLS 1.2 RSA key transport: the premaster crosses the wire, encrypted to the server's key. */
    RSA("rsa", "RSA"),
    /** TLS 1.2 ephemeral finite-field Diffie-Hellman (RFC 7919 groups): the premaster never crosses. */
    DHE("dhe", "DHE"),
    /** TLS 1.2 ephemeral elliptic-curve Diffie-Hellman. */
    ECDHE("ecdhe", "ECDHE"),
    /** TLS 1.3: always ephemeral (EC)DHE, everything after ServerHello encrypted. */
    TLS13("tls13", "TLS 1.3");

    private final String id;
    private final String label;

    Exchange(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The stable id used on the command line, in JSON and in lesson files. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean isTls13() {
        return this == TLS13;
    }

    public boolean isEphemeral() {
        return this != RSA;
    }

    public static Exchange fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Exchange e : values()) {
            if (e.id.equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown exchange '" + id + "' (expected one of "
                + Arrays.stream(values()).map(Exchange::id).collect(Collectors.joining(", ")) + ")");
    }
}
