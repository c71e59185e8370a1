package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tampering as a reliability property: 1,000 random single-byte changes across all scenarios and records.
 * No handshake completes with a changed transcript, nothing escapes the engine, nothing hangs.
 */
class TamperPropertyTest {
    private static final int CASES = 1000;

    @Test
    void randomSingleByteChangesNeverCompleteNorEscapeNorHang() {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3),
                this::randomSingleByteChanges, "no hang: 1,000 tampered handshakes finish well within 3 minutes");
    }

    private void randomSingleByteChanges() {
        Random random = new Random(20261127L);
        List<List<Integer>> sizes = new ArrayList<>();
        List<ScenarioOptions> scenarios = new ArrayList<>();
        List<ScenarioOptions> all = new ArrayList<>();
        for (Exchange e : Exchange.values()) {
            all.add(ScenarioOptions.defaults(e));
        }
        // CBC padding and MACs (both orders), the extended master secret, and TLS 1.3 compatibility mode too.
        all.add(ScenarioOptions.defaults(Exchange.ECDHE)
                .withCipherSuite(io.tlsviz.engine.crypto.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256));
        all.add(ScenarioOptions.defaults(Exchange.RSA)
                .withCipherSuite(io.tlsviz.engine.crypto.CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA)
                .withEncryptThenMac(true).withExtendedMasterSecret(true));
        all.add(ScenarioOptions.defaults(Exchange.TLS13).withMiddleboxCompat(true));
        for (ScenarioOptions o : all) {
            scenarios.add(o);
            sizes.add(HandshakeSession.run(o).steps().stream().filter(s -> s instanceof MessageStep)
                    .map(s -> ((MessageStep) s).size()).toList());
        }
        int completedWithHeaderChange = 0;
        int failed = 0;
        for (int i = 0; i < CASES; i++) {
            int which = random.nextInt(scenarios.size());
            List<Integer> recordSizes = sizes.get(which);
            int ordinal = random.nextInt(recordSizes.size());
            int offset = random.nextInt(recordSizes.get(ordinal));
            int xor = 1 + random.nextInt(255);
            TamperSpec spec = new TamperSpec(Integer.toString(ordinal), offset, xor);
            Trace t = HandshakeSession.run(scenarios.get(which), spec); // throws nothing: asserted by getting here
            assertThat(t.steps()).as("case %d ends in a bounded number of steps", i).hasSizeLessThan(60);
            // The engine's last-resort guard must never be what ended a handshake.
            assertThat(t.steps()).as("case %d: %s record %d byte %d ^ %d", i, scenarios.get(which).exchange(),
                    ordinal, offset, xor).noneMatch(s -> s.name().startsWith("handshake_aborted"));
            if (!t.completed()) {
                Step last = t.steps().get(t.steps().size() - 1);
                boolean explains = last instanceof ComputationStep c && c.failed()
                        || last instanceof MessageStep m && m.messageType().equals("Alert");
                assertThat(explains).as("case %d ends with a failed computation or an alert, not with %s", i,
                        last.name()).isTrue();
            }
            assertThat(t.steps().stream().anyMatch(s -> s instanceof MessageStep m && m.tampered())).isTrue();
            if (offset >= 5) {
                // Every byte after the record header is transcript or protected content.
                assertThat(t.completed()).as("case %d: %s record %d byte %d ^ %d", i,
                        scenarios.get(which).exchange(), ordinal, offset, xor).isFalse();
                assertThat(t.failure()).as("case %d says why it failed", i).isPresent();
            } else if (t.completed()) {
                completedWithHeaderChange++;
            }
            if (!t.completed()) {
                failed++;
            }
        }
        System.out.printf("tamper property: %d cases, %d failed as TLS should, %d completed after a change to a "
                + "plaintext record header only%n", CASES, failed, completedWithHeaderChange);
        assertThat(failed).isGreaterThan(CASES * 3 / 4);
    }

    @Test
    void tamperedClientFinishedEndsWithAnAlertTheStudentCanSee() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA), TamperSpec.parse("client_finished:20:0x01"));
        assertThat(t.completed()).isFalse();
        assertThat(t.alert()).contains("bad_record_mac");
        assertThat(t.step("server_rejects_record")).isPresent();
        assertThat(t.step("server_alert")).isPresent();
    }

    @Test
    void droppedMessageFailsWithAReason() {
        HandshakeSession s = HandshakeSession.start(ScenarioOptions.defaults(Exchange.DHE));
        s.next(); // client_hello delivered
        s.drop(); // server_hello lost
        s.runToEnd();
        assertThat(s.status()).isEqualTo(HandshakeSession.Status.FAILED);
        assertThat(s.failure()).isPresent();
        MessageStep lost = (MessageStep) s.steps().stream().filter(x -> x instanceof MessageStep m && m.dropped())
                .findFirst().orElseThrow();
        assertThat(lost.messageType()).isEqualTo("ServerHello");
        // The capture shows what crossed the wire: the lost record is not in it.
        byte[] pcap = io.tlsviz.engine.export.SessionFiles.pcap(s.trace());
        assertThat(java.util.Collections.indexOfSubList(bytes(pcap), bytes(lost.record()))).isEqualTo(-1);
    }

    private static java.util.List<Byte> bytes(byte[] b) {
        java.util.List<Byte> out = new java.util.ArrayList<>(b.length);
        for (byte x : b) {
            out.add(x);
        }
        return out;
    }

    @Test
    void backReplaysTheTamperedHandshakeIdentically() {
        HandshakeSession s = HandshakeSession.start(ScenarioOptions.defaults(Exchange.ECDHE));
        s.goTo(3);
        s.tamper(10, 0x40);
        s.runToEnd();
        List<Step> before = s.steps();
        s.back();
        s.back();
        s.runToEnd();
        assertThat(s.steps()).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(s.steps().get(i).name()).isEqualTo(before.get(i).name());
        }
        assertThat(s.status()).isEqualTo(HandshakeSession.Status.FAILED);
    }
}
