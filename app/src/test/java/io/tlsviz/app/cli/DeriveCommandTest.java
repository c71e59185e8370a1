package io.tlsviz.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.crypto.KeyCalculator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeriveCommandTest {
    private static final String PREMASTER = "0303" + "ab".repeat(46);
    private static final String CLIENT_RANDOM = "01".repeat(32);
    private static final String SERVER_RANDOM = "02".repeat(32);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = DeriveCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    private static JsonNode parse(String json) throws IOException {
        return new ObjectMapper().readTree(json);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static void assertDerivedValues(JsonNode json, LinkedHashMap<String, byte[]> expected, int headerFields) {
        List<String> names = fieldNames(json);
        assertThat(names.subList(headerFields, names.size())).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertThat(json.get(e.getKey()).asText()).as(e.getKey()).isEqualTo(Hex.of(e.getValue()));
        }
    }

    @Test
    void tls12PrintsEveryDerivedValueToStdout() throws IOException {
        CipherSuite s = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256;

        int exit = run("tls12", "--premaster", PREMASTER, "--client-random", CLIENT_RANDOM,
                "--server-random", SERVER_RANDOM, "--suite", s.name(), "--json", "-");

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        JsonNode json = parse(out.toString());
        assertThat(fieldNames(json).subList(0, 3))
                .containsExactly("protocol", "cipher_suite", "extended_master_secret");
        assertThat(json.get("protocol").asText()).isEqualTo("TLSv1.2");
        assertThat(json.get("cipher_suite").asText()).isEqualTo(s.name());
        assertThat(json.get("extended_master_secret").asBoolean()).isFalse();
        assertDerivedValues(json, KeyCalculator.tls12(s, Hex.parse(PREMASTER), Hex.parse(CLIENT_RANDOM),
                Hex.parse(SERVER_RANDOM), null), 3);
    }

    /**
     * RFC 5246 section 6.3: a CBC key block is two MAC keys and two write keys (here 2 * 32 + 2 * 16 = 96 bytes) and
     * no IVs; a GCM key block is two write keys and two 4-byte implicit IVs.
     */
    @Test
    void tls12PrintsTheKeyBlockAsRfc5246CutsItWithIvsOnlyForGcm() throws IOException {
        run("tls12", "--premaster", PREMASTER, "--client-random", CLIENT_RANDOM, "--server-random", SERVER_RANDOM,
                "--suite", "TLS_RSA_WITH_AES_128_CBC_SHA256", "--json", "-");
        JsonNode cbc = parse(out.toString());
        assertThat(fieldNames(cbc)).containsExactly("protocol", "cipher_suite", "extended_master_secret",
                "master_secret", "client_write_mac_key", "server_write_mac_key", "client_write_key",
                "server_write_key");
        out.getBuffer().setLength(0);
        run("tls12", "--premaster", PREMASTER, "--client-random", CLIENT_RANDOM, "--server-random", SERVER_RANDOM,
                "--suite", "TLS_RSA_WITH_AES_128_GCM_SHA256", "--json", "-");
        JsonNode gcm = parse(out.toString());
        assertThat(fieldNames(gcm)).containsExactly("protocol", "cipher_suite", "extended_master_secret",
                "master_secret", "client_write_key", "server_write_key", "client_write_iv", "server_write_iv");

        // Joined in order, the values are the first bytes of PRF(master_secret, "key expansion", ...) and no more.
        for (JsonNode json : List.of(cbc, gcm)) {
            StringBuilder keyBlock = new StringBuilder();
            fieldNames(json).stream().skip(4).forEach(name -> keyBlock.append(json.get(name).asText()));
            int length = json == cbc ? 96 : 40;
            byte[] expected = io.tlsviz.engine.crypto.Tls12KeySchedule.prf("HmacSHA256",
                    Hex.parse(json.get("master_secret").asText()), "key expansion",
                    Hex.parse(SERVER_RANDOM + CLIENT_RANDOM), length);
            assertThat(keyBlock.toString()).isEqualTo(Hex.of(expected));
        }
    }

    @Test
    void tls12WithASessionHashUsesTheExtendedMasterSecret() throws IOException {
        CipherSuite s = CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384;
        String sessionHash = "5e".repeat(48);

        int exit = run("tls12", "--premaster", PREMASTER, "--client-random", CLIENT_RANDOM,
                "--server-random", SERVER_RANDOM, "--suite", s.name().toLowerCase(), "--session-hash", sessionHash,
                "--json", "-");

        assertThat(exit).isZero();
        JsonNode json = parse(out.toString());
        assertThat(json.get("extended_master_secret").asBoolean()).isTrue();
        assertDerivedValues(json, KeyCalculator.tls12(s, Hex.parse(PREMASTER), Hex.parse(CLIENT_RANDOM),
                Hex.parse(SERVER_RANDOM), Hex.parse(sessionHash)), 3);
    }

    @Test
    void tls13WritesAFileAtomically(@TempDir Path dir) throws IOException {
        CipherSuite s = CipherSuite.TLS_AES_256_GCM_SHA384;
        String shared = "11".repeat(32);
        String helloHash = "22".repeat(48);
        String handshakeHash = "33".repeat(48);
        Path target = dir.resolve("keys.json");
        Files.writeString(target, "old content");

        int exit = run("tls13", "--shared-secret", shared, "--hello-hash", helloHash,
                "--handshake-hash", handshakeHash, "--suite", s.name(), "--json", target.toString());

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        JsonNode json = parse(Files.readString(target));
        assertThat(json.get("protocol").asText()).isEqualTo("TLSv1.3");
        assertThat(json.get("cipher_suite").asText()).isEqualTo(s.name());
        assertThat(json.has("extended_master_secret")).isFalse();
        assertDerivedValues(json, KeyCalculator.tls13(s, Hex.parse(shared), Hex.parse(helloHash),
                Hex.parse(handshakeHash)), 2);
    }

    @Test
    void badHexIsOneLineNamingTheOption() {
        int exit = run("tls12", "--premaster", "0g", "--client-random", CLIENT_RANDOM,
                "--server-random", SERVER_RANDOM, "--suite", "TLS_RSA_WITH_AES_128_GCM_SHA256", "--json", "-");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(errLines()).containsExactly("tlsviz: --premaster: not a hex digit: 'g' at position 2");
    }

    @Test
    void wrongLengthIsOneLineNamingTheOption() {
        int exit = run("tls12", "--premaster", PREMASTER, "--client-random", "01".repeat(31),
                "--server-random", SERVER_RANDOM, "--suite", "TLS_RSA_WITH_AES_128_GCM_SHA256", "--json", "-");

        assertThat(exit).isEqualTo(2);
        assertThat(errLines()).containsExactly("tlsviz: --client-random must be 32 bytes, got 31");
    }

    @Test
    void unknownSuiteIsOneLine() {
        int exit = run("tls13", "--shared-secret", "11", "--hello-hash", "22".repeat(32),
                "--handshake-hash", "33".repeat(32), "--suite", "TLS_CHACHA20_POLY1305_SHA256", "--json", "-");

        assertThat(exit).isEqualTo(2);
        assertThat(errLines()).singleElement().asString()
                .startsWith("tlsviz: --suite: unknown cipher suite 'TLS_CHACHA20_POLY1305_SHA256'");
    }

    @Test
    void aTls13SuiteIsRefusedByTls12() {
        int exit = run("tls12", "--premaster", PREMASTER, "--client-random", CLIENT_RANDOM,
                "--server-random", SERVER_RANDOM, "--suite", "TLS_AES_128_GCM_SHA256", "--json", "-");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(errLines()).containsExactly("tlsviz: TLS_AES_128_GCM_SHA256 is a TLS 1.3 suite; use derive tls13");
    }

    @Test
    void aTls12SuiteIsRefusedByTls13() {
        int exit = run("tls13", "--shared-secret", "11", "--hello-hash", "22".repeat(32),
                "--handshake-hash", "33".repeat(32), "--suite", "TLS_RSA_WITH_AES_128_GCM_SHA256", "--json", "-");

        assertThat(exit).isEqualTo(2);
        assertThat(errLines()).containsExactly(
                "tlsviz: TLS_RSA_WITH_AES_128_GCM_SHA256 is a TLS 1.2 suite; use derive tls12");
    }

    @Test
    void anUnwritablePathIsOneLineAndLeavesNoFile() {
        Path target = Path.of("/nonexistent-dir/x.json");

        int exit = run("tls12", "--premaster", PREMASTER, "--client-random", CLIENT_RANDOM,
                "--server-random", SERVER_RANDOM, "--suite", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "--json", target.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errLines()).singleElement().asString()
                .startsWith("tlsviz: --json: Cannot write /nonexistent-dir/x.json: the folder /nonexistent-dir does not exist");
        assertThat(target).doesNotExist();
        assertThat(target.getParent()).doesNotExist();
    }

    @Test
    void aDirectoryAsTargetIsRefusedAndLeftAlone(@TempDir Path dir) throws IOException {
        int exit = run("tls12", "--premaster", PREMASTER, "--client-random", CLIENT_RANDOM,
                "--server-random", SERVER_RANDOM, "--suite", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "--json", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().endsWith(": a folder with that name exists");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void missingOptionsAndMissingSubcommandAreUsageErrors() {
        assertThat(run("tls13", "--suite", "TLS_AES_128_GCM_SHA256", "--json", "-")).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().startsWith("tlsviz: Missing required option");
        err.getBuffer().setLength(0);

        assertThat(run()).isEqualTo(2);
        assertThat(errLines()).containsExactly("tlsviz: derive needs a subcommand: tls12 or tls13");
    }
}
