package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.wire.TilingCheck;
import org.junit.jupiter.api.Test;

/**
 * RFC 8446 section 5.2: what a TLS 1.3 record decrypts to is TLSInnerPlaintext, the content followed by its real
 * content type and any zero padding. The decrypted view shows every one of those bytes, so a student who counts
 * the ciphertext (minus the 16-byte tag) finds the same number in the plaintext.
 */
class Tls13InnerPlaintextTest {

    @Test
    void everyEncryptedRecordDecryptsToContentPlusItsHiddenContentType() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.TLS13));
        int seen = 0;
        for (Step s : t.steps()) {
            if (!(s instanceof MessageStep m) || m.plaintext().isEmpty()) {
                continue;
            }
            seen++;
            byte[] plain = m.plaintext().orElseThrow();
            assertThat(plain.length).as("%s: record %d bytes", m.name(), m.size()).isEqualTo(m.size() - 5 - 16);
            Field root = m.fields().get(1);
            assertThat(TilingCheck.problems(root, plain)).as(m.name()).isEmpty();
            Field type = leaf(root, "plaintext.inner_content_type");
            assertThat(type.offset()).isEqualTo(plain.length - 1);
            assertThat(type.name()).isEqualTo("Content Type");
            String expected = m.messageType().equals("ApplicationData") ? "application_data (23)"
                    : m.messageType().equals("Alert") ? "alert (21)" : "handshake (22)";
            assertThat(type.value()).as(m.name()).isEqualTo(expected);
            assertThat(type.meaning()).contains("application_data (23)");
        }
        assertThat(seen).isGreaterThanOrEqualTo(6);
        MessageStep ee = (MessageStep) t.step("server_encrypted_extensions").orElseThrow();
        assertThat(Hex.of(ee.plaintext().orElseThrow())).endsWith("16");
    }

    @Test
    void zeroPaddingAfterTheContentTypeIsAFieldOfItsOwn() {
        byte[] inner = {8, 0, 0, 2, 0, 0, 22, 0, 0, 0};
        Field root = io.tlsviz.engine.wire.RecordParser.parseTls13InnerPlaintext(inner, 6,
                io.tlsviz.engine.wire.RecordParser.Context.tls13(
                        io.tlsviz.engine.crypto.CipherSuite.TLS_AES_128_GCM_SHA256).asEncrypted());
        assertThat(TilingCheck.problems(root, inner)).isEmpty();
        Field padding = leaf(root, "plaintext.padding");
        assertThat(padding.offset()).isEqualTo(7);
        assertThat(padding.length()).isEqualTo(3);
        assertThat(padding.meaning()).contains("hide the true length");
        assertThat(leaf(root, "plaintext.inner_content_type").value()).isEqualTo("handshake (22)");
    }

    private static Field leaf(Field root, String path) {
        if (root.path().equals(path)) {
            return root;
        }
        for (Field c : root.children()) {
            Field f = leaf(c, path);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

}
