package io.tlsviz.engine.export;

import io.tlsviz.engine.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Secrets in the NSS key log format that Wireshark and tshark read ({@code tls.keylog_file}): one line
 * {@code <label> <client_random hex> <secret hex>} per secret, the client random identifying the connection.
 * TLS 1.2 logs the master secret under {@code CLIENT_RANDOM}; TLS 1.3 logs each traffic secret under its own
 * label (RFC 8446 section 7.1 names the secrets).
 */
public final class KeyLog {

    /** TLS 1.2 master secret (RFC 5246 section 8.1). */
    public static final String CLIENT_RANDOM = "CLIENT_RANDOM";
    /** TLS 1.3 client_handshake_traffic_secret (RFC 8446 section 7.1). */
    public static final String CLIENT_HANDSHAKE_TRAFFIC_SECRET = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
    /** TLS 1.3 server_handshake_traffic_secret. */
    public static final String SERVER_HANDSHAKE_TRAFFIC_SECRET = "SERVER_HANDSHAKE_TRAFFIC_SECRET";
    /** TLS 1.3 client_application_traffic_secret_0. */
    public static final String CLIENT_TRAFFIC_SECRET_0 = "CLIENT_TRAFFIC_SECRET_0";
    /** TLS 1.3 server_application_traffic_secret_0. */
    public static final String SERVER_TRAFFIC_SECRET_0 = "SERVER_TRAFFIC_SECRET_0";
    /** TLS 1.3 exporter_master_secret. */
    public static final String EXPORTER_SECRET = "EXPORTER_SECRET";

    private static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final int RANDOM_LENGTH = 32;

    /** One line of the key log. */
    public record Entry(String label, byte[] clientRandom, byte[] secret) {
        public Entry {
            Objects.requireNonNull(label, "label");
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("key log label must be upper-case letters, digits and"
                        + " underscores, got '" + label + "'");
            }
            Objects.requireNonNull(clientRandom, "clientRandom");
            Objects.requireNonNull(secret, "secret");
            if (clientRandom.length != RANDOM_LENGTH) {
                throw new IllegalArgumentException("client random must be 32 bytes, got " + clientRandom.length);
            }
            if (secret.length == 0) {
                throw new IllegalArgumentException("secret for " + label + " is empty");
            }
            clientRandom = clientRandom.clone();
            secret = secret.clone();
        }

        @Override
        public byte[] clientRandom() {
            return clientRandom.clone();
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        /** The line without its newline. */
        public String line() {
            return label + " " + Hex.of(clientRandom) + " " + Hex.of(secret);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && label.equals(e.label) && Arrays.equals(clientRandom, e.clientRandom)
                    && Arrays.equals(secret, e.secret);
        }

        @Override
        public int hashCode() {
            return Objects.hash(label, Arrays.hashCode(clientRandom), Arrays.hashCode(secret));
        }

        @Override
        public String toString() {
            return line();
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Records one secret; entries render in the order they were logged. */
    public KeyLog log(String label, byte[] clientRandom, byte[] secret) {
        entries.add(new Entry(label, clientRandom, secret));
        return this;
    }

    /** Records a TLS 1.2 master secret, which is always 48 bytes (RFC 5246 section 8.1). */
    public KeyLog logMasterSecret(byte[] clientRandom, byte[] masterSecret) {
        if (masterSecret != null && masterSecret.length != 48) {
            throw new IllegalArgumentException("a TLS 1.2 master secret is 48 bytes, got " + masterSecret.length);
        }
        return log(CLIENT_RANDOM, clientRandom, masterSecret);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Every entry as one line ending in {@code \n}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            out.append(e.line()).append('\n');
        }
        return out.toString();
    }

    /** {@link #render()} as the ASCII bytes to write to a file. */
    public byte[] toBytes() {
        return render().getBytes(StandardCharsets.US_ASCII);
    }
}
