package io.tlsviz.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.crypto.RecordProtection.Decrypted;
import io.tlsviz.engine.crypto.RecordProtection.Keys;
import io.tlsviz.engine.testsupport.InMemoryTls12Session;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cross-checks RecordProtection against an independent implementation: records that Bouncy Castle's TLS client
 * and server really sent, decrypted with keys from the key block that Bouncy Castle's own PRF derived.
 */
class RecordProtectionBouncyCastleTest {

    private static final byte[] CLIENT_DATA = "GET / HTTP/1.1\r\nHost: tlsviz\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_DATA = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} encrypt_then_mac allowed={1}")
    @CsvSource({
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, false",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, false",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, false",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, true",
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, true",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, false",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, true",
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, false",
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, true",
    })
    void decryptsAndReproducesBouncyCastlesRecords(CipherSuite suite, boolean allowEtm) throws Exception {
        InMemoryTls12Session.Result session = InMemoryTls12Session.run(suite.code(), allowEtm, CLIENT_DATA,
                SERVER_DATA);
        assertThat(session.serverReceived()).containsExactly(CLIENT_DATA);
        assertThat(session.clientReceived()).containsExactly(SERVER_DATA);
        // The client offers encrypt_then_mac; the server grants it only for CBC when allowed (RFC 7366 section 2).
        assertThat(session.encryptThenMac()).isEqualTo(allowEtm && !suite.isAead());

        // RFC 5246 section 6.3: client MAC, server MAC, client key, server key, and for GCM client IV, server IV.
        byte[] kb = ourKeyBlock(suite, session);
        if (!suite.isAead()) {
            // Bouncy Castle's record layer cut its keys from a key block exactly as long as ours: no IVs in it.
            assertThat(session.cbcRecordLayerKeyBlock()).as("Bouncy Castle's CBC key block")
                    .hasSize(2 * suite.macKeyLength() + 2 * suite.keyLength()).containsExactly(kb);
        }
        byte[] block = session.keyBlock();
        int mac = suite.macKeyLength();
        int key = suite.keyLength();
        int iv = suite.fixedIvLength();
        Keys client = keys(suite, session.encryptThenMac(), slice(block, 2 * mac, key), slice(block, 0, mac),
                slice(block, 2 * mac + 2 * key, iv));
        Keys server = keys(suite, session.encryptThenMac(), slice(block, 2 * mac + key, key), slice(block, mac, mac),
                slice(block, 2 * mac + 2 * key + iv, iv));

        checkDirection(client, session.protectedRecords(true), CLIENT_DATA, suite);
        checkDirection(server, session.protectedRecords(false), SERVER_DATA, suite);
    }

    /** Finished (seq 0), the application data (seq 1), close_notify if sent (seq 2). */
    private static void checkDirection(Keys keys, List<byte[]> records, byte[] data, CipherSuite suite)
            throws Exception {
        assertThat(records).hasSizeGreaterThanOrEqualTo(2);
        for (int seq = 0; seq < records.size(); seq++) {
            byte[] record = records.get(seq);
            Decrypted d = RecordProtection.decrypt(keys, seq, record);
            switch (seq) {
                case 0 -> {
                    // RFC 5246 section 7.4.9: Finished, 12 bytes of verify_data.
                    assertThat(d.contentType()).isEqualTo(RecordProtection.HANDSHAKE);
                    assertThat(d.content()).hasSize(16).startsWith(20, 0, 0, 12);
                }
                case 1 -> assertThat(d).isEqualTo(new Decrypted(RecordProtection.APPLICATION_DATA, data));
                default -> assertThat(d).isEqualTo(new Decrypted(RecordProtection.ALERT, new byte[] {1, 0}));
            }
            // Same keys, same explicit nonce/IV: our encryption reproduces Bouncy Castle's record exactly.
            byte[] explicit = Arrays.copyOfRange(record, 5, 5 + suite.recordIvLength());
            assertThat(RecordProtection.encrypt(keys, seq, d.contentType(), d.content(), explicit))
                    .as("re-encrypted record %d", seq)
                    .containsExactly(record);
        }
    }

    /** The engine's own key block, its parts joined in RFC 5246 section 6.3 order. */
    private static byte[] ourKeyBlock(CipherSuite suite, InMemoryTls12Session.Result session) {
        Tls12KeySchedule.KeyBlock kb = Tls12KeySchedule.keyBlock(suite, session.masterSecret(), session.clientRandom(),
                session.serverRandom());
        byte[] all = Tls12KeyScheduleTest.concat(kb.clientWriteMacKey(), kb.serverWriteMacKey(), kb.clientWriteKey(),
                kb.serverWriteKey(), kb.clientWriteIv(), kb.serverWriteIv());
        assertThat(all).hasSize(kb.length());
        return all;
    }

    private static Keys keys(CipherSuite suite, boolean etm, byte[] writeKey, byte[] macKey, byte[] iv) {
        return suite.isAead() ? Keys.tls12Gcm(suite, writeKey, iv) : Keys.tls12Cbc(suite, writeKey, macKey, etm);
    }

    private static byte[] slice(byte[] b, int from, int length) {
        return Arrays.copyOfRange(b, from, from + length);
    }
}
