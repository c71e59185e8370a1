package io.tlsviz.engine.export;

import io.tlsviz.engine.testsupport.Tshark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.export.Pcap.Segment;
import io.tlsviz.engine.testsupport.InMemoryTls12Session;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real reader: tshark must open our pcap of a real Bouncy Castle TLS 1.2 session, find its handshake on port
 * 443, verify every checksum and, given our key log, decrypt it. Skipped when tshark is not installed.
 */
class PcapTsharkTest {

    private static final byte[] REQUEST = "GET /lesson HTTP/1.1\r\nHost: tlsviz.test\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;
    private static Path tshark;
    private static Path pcap;
    private static Path keyLog;

    @BeforeAll
    static void writeSession() throws Exception {
        tshark = Tshark.find();
        assumeTrue(tshark != null, "tshark is not on the PATH: skipping the real-reader check of the pcap export");

        InMemoryTls12Session.Result session = InMemoryTls12Session.run(
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.code(), false, REQUEST, RESPONSE);
        List<Segment> segments = new ArrayList<>();
        for (InMemoryTls12Session.WireRecord r : session.records()) {
            segments.add(new Segment(r.fromClient(), r.bytes()));
        }
        pcap = dir.resolve("session.pcap");
        keyLog = dir.resolve("session.keylog");
        AtomicFiles.writeAtomically(pcap, Pcap.write(segments));
        AtomicFiles.writeAtomically(keyLog,
                new KeyLog().logMasterSecret(session.clientRandom(), session.masterSecret()).toBytes());
    }

    @Test
    void findsTheHandshakeOnPort443WithoutKeys() throws Exception {
        List<String> lines = tshark("-r", pcap.toString(), "-Y", "tls", "-T", "fields", "-e", "tcp.srcport",
                "-e", "tcp.dstport", "-e", "tls.handshake.type");

        // Bouncy Castle sends each handshake message in its own record: ClientHello (1), ServerHello (2),
        // Certificate (11), ServerKeyExchange (12), ServerHelloDone (14), ClientKeyExchange (16).
        assertThat(lines).startsWith("50000\t443\t1", "443\t50000\t2", "443\t50000\t11", "443\t50000\t12",
                "443\t50000\t14", "50000\t443\t16");
        assertThat(tshark("-r", pcap.toString(), "-Y", "tls.handshake.type == 1")).hasSize(1);
        assertThat(tshark("-r", pcap.toString(), "-Y", "tls.handshake.type == 2")).hasSize(1);
        // Without keys the Finished messages stay encrypted.
        assertThat(tshark("-r", pcap.toString(), "-Y", "tls.handshake.type == 20")).isEmpty();
    }

    @Test
    void everyChecksumVerifies() throws Exception {
        List<String> all = tshark("-r", pcap.toString());
        List<String> good = tshark("-r", pcap.toString(), "-o", "ip.check_checksum:TRUE", "-o",
                "tcp.check_checksum:TRUE", "-Y", "ip.checksum.status == 1 && tcp.checksum.status == 1"); // 1 = Good
        // Expert info flags bad checksums, lost segments, retransmissions and malformed packets.
        List<String> problems = tshark("-r", pcap.toString(), "-o", "ip.check_checksum:TRUE", "-o",
                "tcp.check_checksum:TRUE", "-o", "tcp.analyze_sequence_numbers:TRUE",
                "-Y", "_ws.expert.severity >= warning");

        assertThat(all).hasSizeGreaterThan(6);
        assertThat(good).hasSameSizeAs(all);
        assertThat(problems).isEmpty();
    }

    @Test
    void decryptsWithTheKeyLog() throws Exception {
        String keys = "tls.keylog_file:" + keyLog;
        List<String> finished = tshark("-r", pcap.toString(), "-o", keys, "-Y", "tls.handshake.type == 20");
        List<String> http = tshark("-r", pcap.toString(), "-o", keys, "-Y", "http", "-T", "fields",
                "-e", "http.request.uri", "-e", "http.response.code");

        assertThat(finished).hasSize(2);
        assertThat(http).containsExactly("/lesson\t", "\t200");
    }

    private static List<String> tshark(String... args) throws IOException, InterruptedException {
        return Tshark.run(tshark, dir, args);
    }
}
