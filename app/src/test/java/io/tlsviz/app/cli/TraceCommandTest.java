package io.tlsviz.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TraceCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = TlsvizCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesTheWholeTraceAsJson() throws Exception {
        assertThat(run("trace", "--exchange", "dhe", "--json", "-")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("protocol").asText()).isEqualTo("TLSv1.2");
        assertThat(j.get("cipher_suite").asText()).isEqualTo("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(j.get("completed").asBoolean()).isTrue();
        assertThat(j.get("alert").isNull()).isTrue();
        assertThat(j.get("seed").asLong()).isEqualTo(1L);
        for (String name : new String[] {"client_random", "server_random", "premaster_secret", "master_secret",
                "client_write_key", "server_write_key", "client_write_iv", "server_write_iv", "client_verify_data",
                "server_verify_data", "dh_p", "dh_g", "client_dh_private", "server_dh_private", "client_dh_public",
                "server_dh_public"}) {
            assertThat(j.get("secrets").has(name)).as(name).isTrue();
        }
        JsonNode first = j.get("steps").get(0);
        assertThat(first.get("name").asText()).isEqualTo("client_hello");
        assertThat(first.get("kind").asText()).isEqualTo("message");
        assertThat(first.get("record_hex").asText()).startsWith("16030");
        JsonNode field = first.get("fields").get(1);
        assertThat(field.get("path").asText()).startsWith("record.");
        assertThat(j.get("proof").get("all_passed").asBoolean()).isTrue();
    }

    /** RFC 5246 section 6.3: a CBC key block is MAC keys and write keys only; each CBC record carries its IV. */
    @Test
    void aCbcTraceShowsTheKeyBlockWithoutWriteIvs() throws Exception {
        assertThat(run("trace", "--exchange=rsa", "--suite=TLS_RSA_WITH_AES_128_CBC_SHA256", "--etm", "--json=-"))
                .isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("proof").get("all_passed").asBoolean()).isTrue();
        assertThat(j.get("secrets").has("client_write_iv")).isFalse();
        assertThat(j.get("secrets").has("server_write_iv")).isFalse();
        int keyBlockBytes = 0;
        for (JsonNode step : j.get("steps")) {
            if (step.get("name").asText().equals("client_derives_session_keys")) {
                for (JsonNode secret : step.get("secrets")) {
                    assertThat(secret.get("name").asText()).doesNotContain("_iv");
                    assertThat(secret.get("formula").asText()).doesNotContain("IV");
                    keyBlockBytes += secret.get("hex").asText().length() / 2;
                }
            }
        }
        assertThat(keyBlockBytes).as("2 x 32-byte MAC keys + 2 x 16-byte write keys").isEqualTo(96);
    }

    @Test
    void tamperEndsWithTheAlert() throws Exception {
        assertThat(run("trace", "--exchange", "rsa", "--tamper", "client_finished:10:0x80", "--json", "-")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("completed").asBoolean()).isFalse();
        assertThat(j.get("alert").asText()).isEqualTo("bad_record_mac");
    }

    @Test
    void writesKeyLogAndPcapBesideTheJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("t.json");
        Path keys = dir.resolve("t.keys");
        Path pcap = dir.resolve("t.pcap");
        assertThat(run("trace", "--exchange", "tls13", "--json", json.toString(), "--keylog", keys.toString(),
                "--pcap", pcap.toString())).isZero();
        assertThat(Files.readString(keys)).contains("CLIENT_HANDSHAKE_TRAFFIC_SECRET ", "SERVER_TRAFFIC_SECRET_0 ",
                "EXPORTER_SECRET ");
        byte[] p = Files.readAllBytes(pcap);
        assertThat(p[0] & 0xff).isIn(0xd4, 0xa1); // libpcap magic, either byte order
        assertThat(new ObjectMapper().readTree(json.toFile()).get("protocol").asText()).isEqualTo("TLSv1.3");
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        assertThat(run("trace", "--exchange", "sslv3", "--json", "-")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tlsviz: ").contains("unknown exchange 'sslv3'");
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        err.getBuffer().setLength(0);
        assertThat(run("trace", "--exchange", "rsa", "--suite", "TLS_AES_128_GCM_SHA256", "--json", "-")).isEqualTo(2);
        assertThat(err.toString()).contains("does not fit");
        err.getBuffer().setLength(0);
        assertThat(run("trace", "--exchange", "rsa", "--tamper", "client_finished:x:1", "--json", "-")).isEqualTo(2);
        assertThat(err.toString()).contains("not a number");
    }

    @Test
    void unwritableOutputLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("t.json");
        assertThat(run("trace", "--exchange", "rsa", "--json", missing.toString(), "--keylog",
                dir.resolve("k.log").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--json").contains("does not exist");
        try (Stream<Path> files = Files.list(dir)) {
            // Nothing at all was written: not the key log, and no temp file.
            assertThat(files).isEmpty();
        }
    }

    @Test
    void benchPrintsEveryExchangeWithARatio() {
        assertThat(run("bench", "--runs", "1", "--warmup", "0")).isZero();
        assertThat(out.toString().lines().skip(1)).hasSize(4)
                .allMatch(l -> l.matches("(rsa|dhe|ecdhe|tls13)(\\s+[0-9.]+){5}"));
    }

    @Test
    void freshCertificatesGiveANewServerKeyAndStillProveEverything() throws Exception {
        assertThat(run("trace", "--exchange", "rsa", "--fresh-certificates", "--json", "-")).isZero();
        JsonNode fresh = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        assertThat(run("trace", "--exchange", "rsa", "--json", "-")).isZero();
        JsonNode shipped = new ObjectMapper().readTree(out.toString());
        assertThat(fresh.get("completed").asBoolean()).isTrue();
        assertThat(fresh.get("proof").get("all_passed").asBoolean()).isTrue();
        assertThat(fresh.get("secrets").get("server_public_key").asText())
                .isNotEqualTo(shipped.get("secrets").get("server_public_key").asText());
        assertThat(fresh.get("secrets").get("server_private_key_pem").asText())
                .isNotEqualTo(shipped.get("secrets").get("server_private_key_pem").asText());
    }
}
