package io.tlsviz.engine.crypto;

import io.tlsviz.engine.testsupport.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsviz.engine.Hex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyCalculatorTest {
    private static final List<String> TLS12_AEAD_NAMES = List.of("master_secret", "client_write_key",
            "server_write_key", "client_write_iv", "server_write_iv");
    /** RFC 5246 section 6.3: a CBC key block has no IVs (fixed_iv_length 0); each CBC record carries its own. */
    private static final List<String> TLS12_CBC_NAMES = List.of("master_secret", "client_write_mac_key",
            "server_write_mac_key", "client_write_key", "server_write_key");
    private static final List<String> TLS13_NAMES = List.of("early_secret", "handshake_secret",
            "client_handshake_traffic_secret", "server_handshake_traffic_secret", "client_handshake_write_key",
            "client_handshake_write_iv", "server_handshake_write_key", "server_handshake_write_iv",
            "client_finished_key", "server_finished_key", "master_secret", "client_application_traffic_secret_0",
            "server_application_traffic_secret_0", "client_application_write_key", "client_application_write_iv",
            "server_application_write_key", "server_application_write_iv", "exporter_master_secret");

    private static byte[] bytes(Random random, int length) {
        return Tls12KeyScheduleTest.bytes(random, length);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void derivesEveryValueOfTheSuitesScheduleByName(CipherSuite s) {
        Random random = new Random(s.code());
        if (s.isTls13()) {
            byte[] shared = bytes(random, 32);
            byte[] helloHash = bytes(random, s.hashLength());
            byte[] handshakeHash = bytes(random, s.hashLength());

            LinkedHashMap<String, byte[]> out = KeyCalculator.tls13(s, shared, helloHash, handshakeHash);

            assertThat(out.keySet()).containsExactlyElementsOf(TLS13_NAMES);
            Tls13KeySchedule.Secrets x = Tls13KeySchedule.compute(s, shared, helloHash, handshakeHash);
            assertThat(out.get("master_secret")).containsExactly(x.masterSecret());
            assertThat(out.get("client_application_write_key"))
                    .containsExactly(Tls13KeySchedule.trafficKeys(s, x.clientApplicationTrafficSecret0()).key());
            out.forEach((name, value) -> assertThat(value).as(name).hasSize(
                    name.endsWith("_iv") ? 12 : name.endsWith("_write_key") ? s.keyLength() : s.hashLength()));
            assertThatThrownBy(() -> KeyCalculator.tls12(s, new byte[48], new byte[32], new byte[32], null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(s.name() + " is a TLS 1.3 suite; use derive tls13");
        } else {
            byte[] premaster = bytes(random, 48);
            byte[] clientRandom = bytes(random, 32);
            byte[] serverRandom = bytes(random, 32);

            LinkedHashMap<String, byte[]> out = KeyCalculator.tls12(s, premaster, clientRandom, serverRandom, null);

            assertThat(out.keySet()).containsExactlyElementsOf(s.isAead() ? TLS12_AEAD_NAMES : TLS12_CBC_NAMES);
            byte[] master = Tls12KeySchedule.masterSecret(s, premaster, clientRandom, serverRandom);
            Tls12KeySchedule.KeyBlock kb = Tls12KeySchedule.keyBlock(s, master, clientRandom, serverRandom);
            assertThat(out.get("master_secret")).containsExactly(master);
            assertThat(out.get("client_write_key")).containsExactly(kb.clientWriteKey());
            if (s.isAead()) {
                assertThat(out.get("server_write_iv")).hasSize(4).containsExactly(kb.serverWriteIv());
            } else {
                assertThat(out.get("server_write_mac_key")).hasSize(s.macKeyLength())
                        .containsExactly(kb.serverWriteMacKey());
            }
            // The values after master_secret, in order, are the whole key block: 2 MAC keys + 2 keys for CBC,
            // 2 keys + 2 four-byte IVs for GCM, and not a byte more.
            int keyBlockLength = s.isAead() ? 2 * s.keyLength() + 2 * 4 : 2 * s.macKeyLength() + 2 * s.keyLength();
            byte[] joined = Tls12KeyScheduleTest.concat(out.values().stream().skip(1).toArray(byte[][]::new));
            assertThat(joined).hasSize(keyBlockLength).containsExactly(Tls12KeySchedule.prf(s.hmac(), master,
                    "key expansion", Tls12KeyScheduleTest.concat(serverRandom, clientRandom), keyBlockLength));
            assertThatThrownBy(() -> KeyCalculator.tls13(s, new byte[32], new byte[32], new byte[32]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(s.name() + " is a TLS 1.2 suite; use derive tls12");
        }
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = "TLS_AES_.*", mode = EnumSource.Mode.MATCH_NONE)
    void aSessionHashSwitchesToTheExtendedMasterSecret(CipherSuite s) {
        Random random = new Random(s.code());
        byte[] premaster = bytes(random, 48);
        byte[] clientRandom = bytes(random, 32);
        byte[] serverRandom = bytes(random, 32);
        byte[] sessionHash = bytes(random, s.hashLength());

        Map<String, byte[]> classic = KeyCalculator.tls12(s, premaster, clientRandom, serverRandom, null);
        Map<String, byte[]> extended = KeyCalculator.tls12(s, premaster, clientRandom, serverRandom, sessionHash);

        byte[] ems = Tls12KeySchedule.extendedMasterSecret(s, premaster, sessionHash);
        assertThat(extended.get("master_secret")).containsExactly(ems).isNotEqualTo(classic.get("master_secret"));
        assertThat(extended.get("client_write_key"))
                .containsExactly(Tls12KeySchedule.keyBlock(s, ems, clientRandom, serverRandom).clientWriteKey());
    }

    @Test
    void tls13MatchesEveryNamedValueOfRfc8448() {
        JsonNode v = Vectors.load("rfc8448_simple_1rtt.json").json();
        CipherSuite s = CipherSuite.TLS_AES_128_GCM_SHA256;

        LinkedHashMap<String, byte[]> out = KeyCalculator.tls13(s, Vectors.bytes(v, "shared_secret_ecdhe"),
                Vectors.bytes(v, "transcript_hash_ch_sh"), Vectors.bytes(v, "transcript_hash_through_server_finished"));

        List<String> checked = new ArrayList<>();
        out.forEach((name, value) -> {
            if (v.has(name)) {
                assertThat(Hex.of(value)).as(name).isEqualTo(v.get(name).asText());
                checked.add(name);
            }
        });
        // The calculator's names are the vector file's names: all of them are checked.
        assertThat(checked).containsExactlyElementsOf(TLS13_NAMES);
    }

    @Test
    void badTls12InputIsNamedLikeTheCommandLineOption() {
        CipherSuite s = CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;
        assertThatThrownBy(() -> KeyCalculator.tls12(s, new byte[48], new byte[31], new byte[32], null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--client-random must be 32 bytes, got 31");
        assertThatThrownBy(() -> KeyCalculator.tls12(s, new byte[48], new byte[32], new byte[33], null))
                .hasMessage("--server-random must be 32 bytes, got 33");
        assertThatThrownBy(() -> KeyCalculator.tls12(s, new byte[0], new byte[32], new byte[32], null))
                .hasMessage("--premaster must not be empty");
        assertThatThrownBy(() -> KeyCalculator.tls12(s, new byte[48], new byte[32], new byte[32], new byte[32]))
                .hasMessage("--session-hash must be 48 bytes, got 32");
    }

    @Test
    void badTls13InputIsNamedLikeTheCommandLineOption() {
        CipherSuite s = CipherSuite.TLS_AES_256_GCM_SHA384;
        assertThatThrownBy(() -> KeyCalculator.tls13(s, new byte[32], new byte[32], new byte[48]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--hello-hash must be 48 bytes, got 32");
        assertThatThrownBy(() -> KeyCalculator.tls13(s, new byte[32], new byte[48], new byte[47]))
                .hasMessage("--handshake-hash must be 48 bytes, got 47");
        assertThatThrownBy(() -> KeyCalculator.tls13(s, new byte[0], new byte[48], new byte[48]))
                .hasMessage("--shared-secret must not be empty");
    }
}
