package io.tlsviz.engine.live;

import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsSecret;

/**
 * A Bouncy Castle client and server in one thread, in non-blocking mode: no sockets, no threads, no sleeps
 * (as Bouncy Castle's own {@code TlsProtocolNonBlockingTest} and rustls' {@code do_handshake} drive them).
 * Bytes move only when {@link #deliver} is called.
 */
public final class LivePeers {
    /** The request the client sends once its handshake is complete. */
    public static final String REQUEST = "GET / HTTP/1.1\r\nHost: " + DemoPki.SERVER_NAME + "\r\n\r\n";
    /** The server's reply. */
    public static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 26\r\n\r\n"
            + "Hello from the TLS server!";

    private final CapturingCrypto clientCrypto;
    private final CapturingCrypto serverCrypto;
    private final LiveClient client;
    private final LiveServer server;
    private final TlsClientProtocol clientProtocol = new TlsClientProtocol();
    private final TlsServerProtocol serverProtocol = new TlsServerProtocol();
    private boolean requestSent;
    private boolean responseSent;
    private final List<byte[]> received = new ArrayList<>();

    /** What the receiver of one delivery did. */
    public record Reaction(List<byte[]> records, List<Capture> captures, String error) {
    }

    public LivePeers(ScenarioOptions options, byte[] seed, DemoPki pki, Clock clock, boolean capturing) {
        clientCrypto = new CapturingCrypto(new SeededRandom(seed, "client"), capturing);
        serverCrypto = new CapturingCrypto(new SeededRandom(seed, "server"), capturing);
        client = new LiveClient(clientCrypto, options, pki.caCertificate(), clock);
        server = new LiveServer(serverCrypto, options, pki);
    }

    /** The client starts: its ClientHello becomes the first pending record. */
    public Reaction start() {
        try {
            serverProtocol.accept(server);
            clientProtocol.connect(client);
            return new Reaction(drainRecords(clientProtocol), clientCrypto.drain(), null);
        } catch (IOException e) {
            return new Reaction(drainRecords(clientProtocol), clientCrypto.drain(), describe(e));
        }
    }

    /**
     * Delivers one record to {@code to}, which processes it right then. Returns what it wrote in answer
     * (records in wire order), what it computed, and, if it rejected the input, why. Never throws.
     */
    public Reaction deliver(Party to, byte[] record) {
        TlsProtocol protocol = to == Party.CLIENT ? clientProtocol : serverProtocol;
        CapturingCrypto crypto = to == Party.CLIENT ? clientCrypto : serverCrypto;
        String error = null;
        try {
            protocol.offerInput(record);
            readApplicationData(protocol);
            maybeWriteApplicationData();
        } catch (IOException | RuntimeException e) {
            error = describe(e);
        }
        return new Reaction(drainRecords(protocol), crypto.drain(), error);
    }

    private void readApplicationData(TlsProtocol protocol) throws IOException {
        int n = protocol.getAvailableInputBytes();
        if (n > 0) {
            byte[] data = new byte[n];
            protocol.readInput(data, 0, n);
            received.add(data);
            if (protocol == serverProtocol && !responseSent) {
                responseSent = true;
                serverProtocol.writeApplicationData(bytes(RESPONSE), 0, RESPONSE.length());
            }
        }
    }

    /** Once the client is connected, it sends its request (HTTP over the new keys). */
    private void maybeWriteApplicationData() throws IOException {
        if (!requestSent && clientProtocol.isConnected() && !clientProtocol.isHandshaking()) {
            requestSent = true;
            clientProtocol.writeApplicationData(bytes(REQUEST), 0, REQUEST.length());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Application data each side has read, in order. */
    public List<byte[]> received() {
        return List.copyOf(received);
    }

    public boolean bothConnected() {
        return clientProtocol.isConnected() && serverProtocol.isConnected()
                && !clientProtocol.isHandshaking() && !serverProtocol.isHandshaking();
    }

    public boolean exchangedApplicationData() {
        return received.size() >= 2;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Splits what a protocol wrote into whole records (5-byte header + fragment). */
    private static List<byte[]> drainRecords(TlsProtocol protocol) {
        int n = protocol.getAvailableOutputBytes();
        List<byte[]> records = new ArrayList<>();
        if (n == 0) {
            return records;
        }
        byte[] out = new byte[n];
        protocol.readOutput(out, 0, n);
        int pos = 0;
        while (pos + 5 <= n) {
            int len = ((out[pos + 3] & 0xff) << 8) | (out[pos + 4] & 0xff);
            int end = Math.min(n, pos + 5 + len);
            records.add(java.util.Arrays.copyOfRange(out, pos, end));
            pos = end;
        }
        return records;
    }

    /** Copies of the secrets Bouncy Castle holds right now on one side, by snake_case name. */
    public java.util.Map<String, byte[]> pollSecrets(Party side) {
        java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        TlsContext ctx = side == Party.CLIENT ? client.context() : server.context();
        CapturingCrypto crypto = side == Party.CLIENT ? clientCrypto : serverCrypto;
        if (ctx == null) {
            return out;
        }
        for (SecurityParameters sp : new SecurityParameters[] {ctx.getSecurityParametersConnection(),
                ctx.getSecurityParametersHandshake()}) {
            if (sp == null) {
                continue;
            }
            put(out, "client_random", sp.getClientRandom());
            put(out, "server_random", sp.getServerRandom());
            put(out, "session_hash", sp.getSessionHash());
            put(out, "local_verify_data", sp.getLocalVerifyData());
            put(out, "peer_verify_data", sp.getPeerVerifyData());
            putSecret(out, crypto, "master_secret", sp.getMasterSecret());
            putSecret(out, crypto, "handshake_secret", sp.getHandshakeSecret());
            putSecret(out, crypto, "exporter_master_secret", sp.getExporterMasterSecret());
            putSecret(out, crypto, "client_traffic_secret", sp.getTrafficSecretClient());
            putSecret(out, crypto, "server_traffic_secret", sp.getTrafficSecretServer());
        }
        return out;
    }

    private static void put(java.util.Map<String, byte[]> out, String name, byte[] v) {
        if (v != null && v.length > 0) {
            out.putIfAbsent(name, v.clone());
        }
    }

    private static void putSecret(java.util.Map<String, byte[]> out, CapturingCrypto crypto, String name,
            TlsSecret s) {
        if (s != null && !out.containsKey(name)) {
            try {
                out.put(name, crypto.copy(s));
            } catch (IllegalStateException destroyed) {
                // Bouncy Castle already destroyed it; nothing to poll.
            }
        }
    }
}
