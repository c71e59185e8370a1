package io.tlsviz.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Field;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A field's meaning must be true where the field stands: in this message, in this protocol version. */
class FieldTextsInContextTest {

    @Test
    void serverHelloStatusRequestSaysTheServerWillSendACertificateStatus() {
        // A TLS 1.2 ServerHello: version, random, empty session id, suite, null compression, status_request (5).
        byte[] body = new byte[2 + 32 + 1 + 2 + 1 + 2 + 4];
        body[0] = 3;
        body[1] = 3;
        body[35] = (byte) 0xc0; // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
        body[36] = 0x2f;
        body[39] = 4; // extensions length
        body[41] = 5; // status_request, empty
        byte[] record = record(2, body);
        Field root = RecordParser.parseRecord(record, RecordParser.Context.beforeServerHello());
        String meaning = nodes(root).stream().filter(f -> f.path().endsWith("status_request"))
                .map(Field::meaning).findFirst().orElseThrow();
        assertThat(meaning).contains("CertificateStatus").doesNotContain("Asks the server");
    }

    @Test
    void tls13TextsSayWhatTls13Does() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.TLS13));
        List<Field> all = new ArrayList<>();
        for (Step s : t.steps()) {
            if (s instanceof MessageStep m) {
                m.fields().forEach(f -> all.addAll(leaves(f)));
            }
        }
        assertThat(all).filteredOn(f -> f.path().endsWith("finished") || f.name().equals("Finished"))
                .extracting(Field::meaning).noneMatch(m -> m.startsWith("The first message protected"));
        assertThat(all).filteredOn(f -> f.name().endsWith("Random")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.meaning()).contains("TLS 1.3 only through the transcript hash"));
        assertThat(all).filteredOn(f -> f.name().equals("Authentication Tag")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.meaning()).contains("record header (type, legacy version, length)"));
    }

    @Test
    void tls12GcmTagNamesItsAdditionalData() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.ECDHE));
        List<Field> tags = new ArrayList<>();
        for (Step s : t.steps()) {
            if (s instanceof MessageStep m) {
                m.fields().forEach(f -> leaves(f).stream().filter(l -> l.name().equals("Authentication Tag"))
                        .forEach(tags::add));
            }
        }
        assertThat(tags).isNotEmpty().allSatisfy(f -> assertThat(f.meaning())
                .contains("sequence number, content type, version and plaintext length"));
    }

    private static byte[] record(int handshakeType, byte[] body) {
        byte[] r = new byte[5 + 4 + body.length];
        r[0] = 22;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) ((4 + body.length) >> 8);
        r[4] = (byte) (4 + body.length);
        r[5] = (byte) handshakeType;
        r[8] = (byte) body.length;
        System.arraycopy(body, 0, r, 9, body.length);
        return r;
    }

    private static List<Field> nodes(Field f) {
        List<Field> out = new ArrayList<>();
        out.add(f);
        f.children().forEach(c -> out.addAll(nodes(c)));
        return out;
    }

    private static List<Field> leaves(Field f) {
        List<Field> out = new ArrayList<>();
        if (f.isLeaf()) {
            out.add(f);
        }
        f.children().forEach(c -> out.addAll(leaves(c)));
        return out;
    }
}
