package io.tlsviz.engine.wire;

import static io.tlsviz.engine.wire.Rfc8448Vectors.bytes;
import static io.tlsviz.engine.wire.WireAssertions.assertExplained;
import static io.tlsviz.engine.wire.WireAssertions.assertFullyParsed;
import static io.tlsviz.engine.wire.WireAssertions.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.wire.RecordParser.Context;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TLS 1.3 messages of RFC 8448 section 3, parsed field by field. */
class Rfc8448ParseTest {
    private static final Context TLS13 = Context.tls13(CipherSuite.TLS_AES_128_GCM_SHA256);
    private static final String CH_EXT = FieldPaths.CLIENT_EXTENSIONS;

    @Test
    void clientHelloRecordDecodesEveryField() {
        byte[] record = bytes("client_hello_record");
        Field root = RecordParser.parseRecord(record, Context.beforeServerHello());

        assertFullyParsed(root, record);
        assertExplained(root);
        assertThat(field(root, FieldPaths.CONTENT_TYPE).value()).isEqualTo("handshake (22)");
        assertThat(field(root, FieldPaths.RECORD_VERSION).value()).isEqualTo("TLS 1.0 (0x0301)");
        assertThat(field(root, FieldPaths.RECORD_LENGTH).value()).isEqualTo("196 bytes");
        assertThat(field(root, FieldPaths.HANDSHAKE_TYPE).value()).isEqualTo("client_hello (1)");
        assertThat(field(root, FieldPaths.HANDSHAKE_LENGTH).value()).isEqualTo("192 bytes");

        Field random = field(root, FieldPaths.CLIENT_RANDOM);
        assertThat(random.hex()).isEqualTo(Hex.of(bytes("client_random")));
        assertThat(random.offset()).isEqualTo(11);
        assertThat(random.length()).isEqualTo(32);
        assertThat(random.name()).isEqualTo("Client Random");
        assertThat(random.meaning()).contains("32 random bytes");

        String suites = FieldPaths.OFFERED_CIPHER_SUITES;
        assertThat(field(root, suites + ".length").value()).isEqualTo("6 bytes");
        assertThat(field(root, suites + ".suite_0").value()).isEqualTo("TLS_AES_128_GCM_SHA256 (0x1301)");
        assertThat(field(root, suites + ".suite_1").value()).isEqualTo("TLS_CHACHA20_POLY1305_SHA256 (0x1303)");
        assertThat(field(root, suites + ".suite_2").value()).isEqualTo("TLS_AES_256_GCM_SHA384 (0x1302)");
        assertThat(field(root, "record.handshake.client_hello.compression_methods.method_0").value())
                .isEqualTo("null (0)");

        assertThat(field(root, CH_EXT + ".server_name.type").value()).isEqualTo("server_name (0x0000)");
        assertThat(field(root, CH_EXT + ".server_name.data.name_0.host_name").value()).isEqualTo("server");
        assertThat(field(root, CH_EXT + ".supported_groups.data.group_0").value()).isEqualTo("x25519 (0x001d)");
        assertThat(field(root, CH_EXT + ".supported_groups.data.group_1").value()).isEqualTo("secp256r1 (0x0017)");
        assertThat(field(root, CH_EXT + ".supported_groups.data.group_2").value()).isEqualTo("secp384r1 (0x0018)");
        assertThat(field(root, CH_EXT + ".supported_groups.data.group_4").value()).isEqualTo("ffdhe2048 (0x0100)");
        assertThat(field(root, CH_EXT + ".supported_groups.data.group_5").value()).isEqualTo("ffdhe3072 (0x0101)");
        assertThat(field(root, CH_EXT + ".key_share.data.entry_0.group").value()).isEqualTo("x25519 (0x001d)");
        Field clientShare = field(root, FieldPaths.CLIENT_KEY_SHARE);
        assertThat(clientShare.hex()).isEqualTo(Hex.of(bytes("client_public_key")));
        assertThat(clientShare.length()).isEqualTo(32);
        assertThat(field(root, CH_EXT + ".supported_versions.data.version_0").value()).isEqualTo("TLS 1.3 (0x0304)");
        List<String> algorithms = field(root, CH_EXT + ".signature_algorithms.data").children().stream()
                .map(Field::value).toList();
        assertThat(algorithms).contains("ecdsa_secp256r1_sha256 (0x0403)", "rsa_pss_rsae_sha256 (0x0804)",
                "rsa_pkcs1_sha256 (0x0401)");
        assertThat(field(root, CH_EXT + ".psk_key_exchange_modes.data.mode_0").value()).isEqualTo("psk_dhe_ke (1)");
        assertThat(field(root, CH_EXT + ".record_size_limit.data.limit").value()).isEqualTo("16385 bytes");
        assertThat(field(root, CH_EXT + ".session_ticket.length").value()).isEqualTo("0 bytes");
        assertThat(field(root, CH_EXT + ".renegotiation_info.data.renegotiated_connection_length").value())
                .isEqualTo("0 bytes");
        assertThat(RecordParser.describeRecord(record, Context.beforeServerHello())).isEqualTo("ClientHello");
    }

    @Test
    void clientHelloMessageWrappedInARecordParsesTheSame() {
        byte[] wrapped = Rfc8448Vectors.record(22, bytes("client_hello_message"));
        Field root = RecordParser.parseRecord(wrapped, Context.beforeServerHello());
        assertFullyParsed(root, wrapped);
        assertThat(field(root, FieldPaths.CLIENT_RANDOM).hex()).isEqualTo(Hex.of(bytes("client_random")));
    }

    @Test
    void serverHelloRecordDecodesChoiceAndKeyShare() {
        byte[] record = bytes("server_hello_record");
        Field root = RecordParser.parseRecord(record, Context.beforeServerHello());

        assertFullyParsed(root, record);
        assertExplained(root);
        assertThat(field(root, FieldPaths.HANDSHAKE_TYPE).value()).isEqualTo("server_hello (2)");
        assertThat(field(root, FieldPaths.SERVER_RANDOM).hex()).isEqualTo(Hex.of(bytes("server_random")));
        assertThat(field(root, FieldPaths.SERVER_RANDOM).name()).isEqualTo("Server Random");
        assertThat(field(root, FieldPaths.CHOSEN_CIPHER_SUITE).value()).isEqualTo("TLS_AES_128_GCM_SHA256 (0x1301)");
        assertThat(field(root, FieldPaths.SELECTED_VERSION).value()).isEqualTo("TLS 1.3 (0x0304)");
        assertThat(field(root, "record.handshake.server_hello.extensions.key_share.data.group").value())
                .isEqualTo("x25519 (0x001d)");
        assertThat(field(root, FieldPaths.SERVER_KEY_SHARE).hex()).isEqualTo(Hex.of(bytes("server_public_key")));
        assertThat(RecordParser.describeRecord(record, Context.beforeServerHello())).isEqualTo("ServerHello");
    }

    @Test
    void encryptedExtensionsDecodeInPlaintext() {
        byte[] ee = bytes("encrypted_extensions_message");
        Field root = RecordParser.parsePlaintext(ee, 22, TLS13);

        assertFullyParsed(root, ee);
        assertThat(root.path()).isEqualTo("plaintext");
        assertThat(Leaves.all(root)).allMatch(Field::inPlaintext);
        String ext = "plaintext.handshake.encrypted_extensions.extensions";
        assertThat(field(root, ext + ".supported_groups.data.group_0").value()).isEqualTo("x25519 (0x001d)");
        assertThat(field(root, ext + ".record_size_limit.data.limit").value()).isEqualTo("16385 bytes");
        assertThat(field(root, ext + ".server_name.length").value()).isEqualTo("0 bytes");
        assertThat(RecordParser.describe(ee, 22)).isEqualTo("EncryptedExtensions");
    }

    @Test
    void tls13CertificateHasContextEntryAndSummary() {
        byte[] cert = bytes("certificate_message");
        Field root = RecordParser.parsePlaintext(cert, 22, TLS13);

        assertFullyParsed(root, cert);
        String c = "plaintext.handshake.certificate";
        assertThat(field(root, c + ".request_context_length").value()).isEqualTo("0 bytes");
        assertThat(field(root, c + ".list_length").value()).isEqualTo("437 bytes");
        Field der = field(root, c + ".cert_0.der");
        assertThat(der.length()).isEqualTo(432);
        assertThat(der.hex()).startsWith("308201ac");
        assertThat(der.value()).contains("subject CN=rsa", "issuer CN=rsa", "RSA 1024-bit key", "valid 2016-07-30");
        assertThat(field(root, c + ".cert_0.extensions.length").value()).isEqualTo("0 bytes");
    }

    @Test
    void certificateVerifyAndFinishedDecode() {
        byte[] cv = bytes("certificate_verify_message");
        Field cvRoot = RecordParser.parsePlaintext(cv, 22, TLS13);
        assertFullyParsed(cvRoot, cv);
        String p = "plaintext.handshake.certificate_verify";
        assertThat(field(cvRoot, p + ".signature_algorithm").value()).isEqualTo("rsa_pss_rsae_sha256 (0x0804)");
        assertThat(field(cvRoot, p + ".signature").length()).isEqualTo(128);

        byte[] fin = bytes("server_finished_message");
        Field finRoot = RecordParser.parsePlaintext(fin, 22, TLS13);
        assertFullyParsed(finRoot, fin);
        assertThat(field(finRoot, FieldPaths.VERIFY_DATA).hex())
                .isEqualTo(Hex.of(bytes("server_finished_verify_data")));
    }

    @Test
    void wholeServerFlightInOnePlaintextBecomesFourMessages() {
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        for (String key : List.of("encrypted_extensions_message", "certificate_message",
                "certificate_verify_message", "server_finished_message")) {
            flight.writeBytes(bytes(key));
        }
        byte[] content = flight.toByteArray();
        Field root = RecordParser.parsePlaintext(content, 22, TLS13);

        assertFullyParsed(root, content);
        assertThat(root.children()).extracting(Field::path).containsExactly("plaintext.handshake",
                "plaintext.handshake_1", "plaintext.handshake_2", "plaintext.handshake_3");
        assertThat(Leaves.findBySuffix(root, FieldPaths.VERIFY_DATA_SUFFIX)).get().extracting(Field::hex)
                .isEqualTo(Hex.of(bytes("server_finished_verify_data")));
        assertThat(RecordParser.describe(content, 22))
                .isEqualTo("EncryptedExtensions+Certificate+CertificateVerify+Finished");
    }

    @Test
    void encryptedTls13RecordsShowCiphertextAndTag() {
        for (String key : List.of("server_encrypted_handshake_record", "client_encrypted_finished_record")) {
            byte[] record = bytes(key);
            Context ctx = TLS13.asEncrypted();
            Field root = RecordParser.parseRecord(record, ctx);
            assertFullyParsed(root, record);
            assertThat(root.children()).extracting(Field::path).containsExactly(FieldPaths.CONTENT_TYPE,
                    FieldPaths.RECORD_VERSION, FieldPaths.RECORD_LENGTH, FieldPaths.ENCRYPTED_RECORD, FieldPaths.TAG);
            assertThat(field(root, FieldPaths.TAG).length()).isEqualTo(16);
            assertThat(field(root, FieldPaths.ENCRYPTED_RECORD).length()).isEqualTo(record.length - 5 - 16);
            assertThat(field(root, FieldPaths.ENCRYPTED_RECORD).meaning()).contains("real content type");
            assertThat(RecordParser.describeRecord(record, ctx)).isEqualTo("Encrypted");
        }
    }

    @Test
    void helloRetryRequestIsRecognisedByItsRandom() {
        String hrrRandom = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";
        byte[] body = Hex.parse("0303" + hrrRandom + "00" + "1301" + "00" + "000c"
                + "002b00020304" + "00330002001d");
        byte[] msg = new byte[4 + body.length];
        msg[0] = 2;
        msg[3] = (byte) body.length;
        System.arraycopy(body, 0, msg, 4, body.length);
        byte[] record = Rfc8448Vectors.record(22, msg);

        Field root = RecordParser.parseRecord(record, Context.beforeServerHello());

        assertFullyParsed(root, record);
        String hrr = FieldPaths.HELLO_RETRY_REQUEST;
        assertThat(field(root, hrr + ".random").name()).isEqualTo("HelloRetryRequest Marker");
        assertThat(field(root, hrr + ".extensions.key_share.data.group").value()).isEqualTo("x25519 (0x001d)");
        assertThat(RecordParser.describe(msg, 22)).isEqualTo("HelloRetryRequest");
    }
}
