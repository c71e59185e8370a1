package io.tlsviz.engine.wire;

import static io.tlsviz.engine.wire.WireAssertions.assertFullyParsed;
import static io.tlsviz.engine.wire.WireAssertions.assertTiles;
import static io.tlsviz.engine.wire.WireAssertions.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.wire.RecordParser.Context;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Small records built by hand: alerts, CCS, application data, and what happens when bytes are wrong. */
class MalformedInputTest {
    private static final Context NONE = Context.beforeServerHello();

    @Test
    void alertNamesLevelAndDescription() {
        byte[] record = Hex.parse("15030300020214");
        Field root = RecordParser.parseRecord(record, NONE);
        assertFullyParsed(root, record);
        assertThat(field(root, FieldPaths.ALERT_LEVEL).value()).isEqualTo("fatal (2)");
        assertThat(field(root, FieldPaths.ALERT_DESCRIPTION).value()).isEqualTo("bad_record_mac (20)");
        assertThat(field(root, FieldPaths.ALERT_DESCRIPTION).meaning()).contains("integrity check");
        assertThat(field(root, "record.alert").value()).isEqualTo("fatal bad_record_mac");
        assertThat(RecordParser.describe(Hex.parse("0214"), 21)).isEqualTo("Alert");
        assertThat(RecordParser.describeAlert(Hex.parse("0214"))).isEqualTo("fatal bad_record_mac");
        assertThat(RecordParser.describeAlert(Hex.parse("0233"))).isEqualTo("fatal decrypt_error");
        assertThat(RecordParser.describeAlert(Hex.parse("0228"))).isEqualTo("fatal handshake_failure");
        assertThat(RecordParser.describeAlert(Hex.parse("020a"))).isEqualTo("fatal unexpected_message");
        assertThat(RecordParser.describeAlert(Hex.parse("0232"))).isEqualTo("fatal decode_error");
        assertThat(RecordParser.describeAlert(Hex.parse("022f"))).isEqualTo("fatal illegal_parameter");
        assertThat(RecordParser.describeAlert(Hex.parse("0250"))).isEqualTo("fatal internal_error");
        assertThat(RecordParser.describeAlert(Hex.parse("0100"))).isEqualTo("warning close_notify");
        assertThat(RecordParser.describeAlert(Hex.parse("01"))).isEqualTo("Encrypted");
    }

    @Test
    void changeCipherSpecIsOneByteAndNeverEncrypted() {
        byte[] record = Hex.parse("140303000101");
        Field root = RecordParser.parseRecord(record, Context.tls12(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)
                .asEncrypted());
        assertFullyParsed(root, record);
        assertThat(field(root, FieldPaths.CHANGE_CIPHER_SPEC).value()).isEqualTo("1 (change_cipher_spec)");
        assertThat(RecordParser.describeRecord(record, NONE)).isEqualTo("ChangeCipherSpec");
    }

    @Test
    void applicationDataShowsTextPreview() {
        byte[] text = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        Field root = RecordParser.parsePlaintext(text, 23, Context.tls13(CipherSuite.TLS_AES_128_GCM_SHA256));
        assertFullyParsed(root, text);
        assertThat(field(root, FieldPaths.APPLICATION_DATA).value()).isEqualTo("\"GET / HTTP/1.1\\r\\n\"");
        assertThat(RecordParser.parsePlaintext(new byte[] {0, 1, (byte) 0xff}, 23, NONE).children().get(0).value())
                .isEqualTo("3 bytes (binary)");
        assertThat(RecordParser.describe(text, 23)).isEqualTo("ApplicationData");
    }

    @Test
    void truncatedClientHelloSaysWhatWasExpected() {
        byte[] full = Rfc8448Vectors.bytes("client_hello_record");
        byte[] cut = Arrays.copyOf(full, 30); // inside the client random
        Field root = RecordParser.parseRecord(cut, NONE);

        assertTiles(root, cut);
        Field malformed = field(root, "record.handshake.client_hello.malformed");
        assertThat(malformed.name()).isEqualTo("Malformed ClientHello");
        assertThat(malformed.offset()).isEqualTo(11);
        assertThat(malformed.meaning()).contains("Client Random needs 32 bytes but only 19 are left");
        assertThat(field(root, FieldPaths.RECORD).value())
                .isEqualTo("handshake record: ClientHello, 196 bytes; cut short: only 25 of 196 bytes present");
    }

    @Test
    void bytesBeyondTheAnnouncedLengthAreUnparsed() {
        byte[] record = Hex.parse("15030300020214" + "abcd");
        Field root = RecordParser.parseRecord(record, NONE);
        assertTiles(root, record);
        Field extra = field(root, "record.unparsed");
        assertThat(extra.name()).isEqualTo("Unparsed bytes");
        assertThat(extra.offset()).isEqualTo(7);
        assertThat(extra.hex()).isEqualTo("abcd");
    }

    @Test
    void wrongInnerLengthsBecomeMalformedLeaves() {
        // an extension claiming 0x00ff data bytes inside a ServerHello that has far fewer
        byte[] sh = Rfc8448Vectors.bytes("server_hello_record");
        byte[] broken = sh.clone();
        broken[sh.length - 3] = (byte) 0xff; // supported_versions length 0x0002 -> 0x00ff
        Field root = RecordParser.parseRecord(broken, NONE);
        assertTiles(root, broken);
        String data = FieldPaths.SERVER_EXTENSIONS + ".supported_versions.data";
        assertThat(field(root, data).value()).isEqualTo("cut short: only 2 of 255 announced bytes are present");
        assertThat(field(root, data + ".selected_version").value()).isEqualTo("TLS 1.3 (0x0304)");
        assertThat(field(root, FieldPaths.SERVER_RANDOM).hex()).isEqualTo(Hex.of(Rfc8448Vectors.bytes("server_random")));
    }

    @Test
    void encryptedRecordTooShortForItsLayoutIsOneLeaf() {
        byte[] record = Hex.parse("17030300050102030405");
        Field root = RecordParser.parseRecord(record, Context.tls12(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)
                .asEncrypted());
        assertTiles(root, record);
        assertThat(root.children()).hasSize(4);
        assertThat(root.children().get(3).name()).isEqualTo("Malformed Encrypted Record");
        assertThat(root.children().get(3).meaning()).contains("8-byte explicit nonce");
    }

    @Test
    void emptyAndNullInputGiveAnEmptyRoot() {
        assertThat(RecordParser.parseRecord(new byte[0], NONE).length()).isZero();
        assertThat(RecordParser.parseRecord(null, null).children()).isEmpty();
        Field one = RecordParser.parseRecord(new byte[] {22}, NONE);
        assertTiles(one, new byte[] {22});
        assertThat(one.meaning()).contains("Incomplete: Record Version needs 2 bytes but only 0 are left");
        assertThat(RecordParser.describe(new byte[0], 22)).isEqualTo("Encrypted");
    }

    @Test
    void encryptedTls12FinishedIsNotMistakenForAMessage() {
        // a GCM Finished travels with content type 22 but holds ciphertext
        byte[] fragment = Hex.parse("0000000000000000" + "c3".repeat(16) + "77".repeat(16));
        assertThat(RecordParser.describe(fragment, 22)).isEqualTo("Encrypted");
    }

    @Test
    void unknownExtensionAndGreaseAreRawLeaves() {
        // ClientHello with one suite, and extensions: GREASE 0x0a0a (1 byte) and unknown 0x1234 (2 bytes)
        String body = "0303" + "00".repeat(32) + "00" + "0002" + "1301" + "0100" + "000b"
                + "0a0a000100" + "12340002beef";
        byte[] msg = Hex.parse("01" + String.format("%06x", body.length() / 2) + body);
        byte[] record = Rfc8448Vectors.record(22, msg);
        Field root = RecordParser.parseRecord(record, NONE);
        assertFullyParsed(root, record);
        Field grease = field(root, FieldPaths.CLIENT_EXTENSIONS + ".grease_0a0a");
        assertThat(field(grease, grease.path() + ".type").value()).isEqualTo("GREASE (0x0a0a)");
        Field unknown = field(root, FieldPaths.CLIENT_EXTENSIONS + ".ext_1234.data");
        assertThat(unknown.isLeaf()).isTrue();
        assertThat(unknown.hex()).isEqualTo("beef");
    }

    @Test
    void newSessionTicketHasBothForms() {
        Context tls13 = Context.tls13(CipherSuite.TLS_AES_128_GCM_SHA256);
        byte[] nst13 = Hex.parse("04000012" + "00001c20" + "11223344" + "0100" + "0004deadbeef" + "0000");
        Field r13 = RecordParser.parsePlaintext(nst13, 22, tls13);
        assertFullyParsed(r13, nst13);
        assertThat(field(r13, "plaintext.handshake.new_session_ticket.ticket_lifetime").value()).isEqualTo("7200 seconds");
        assertThat(field(r13, "plaintext.handshake.new_session_ticket.ticket").hex()).isEqualTo("deadbeef");

        byte[] nst12 = Hex.parse("0400000a" + "00001c20" + "0004deadbeef");
        Field r12 = RecordParser.parseRecord(Rfc8448Vectors.record(22, nst12),
                Context.tls12(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256));
        assertFullyParsed(r12, Rfc8448Vectors.record(22, nst12));
        assertThat(field(r12, "record.handshake.new_session_ticket.ticket_lifetime_hint").value())
                .isEqualTo("7200 seconds");
        assertThat(RecordParser.describe(nst12, 22)).isEqualTo("NewSessionTicket");
    }
}
