package io.tlsviz.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsviz.engine.testsupport.Vectors;
import org.junit.jupiter.api.Test;

class KeyLogTest {

    private static final Vectors RFC8448 = Vectors.load("rfc8448_simple_1rtt.json");

    @Test
    void rendersTls13SecretsInNssFormat() {
        byte[] random = RFC8448.bytes("client_random");
        KeyLog log = new KeyLog()
                .log(KeyLog.CLIENT_HANDSHAKE_TRAFFIC_SECRET, random, RFC8448.bytes("client_handshake_traffic_secret"))
                .log(KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET, random, RFC8448.bytes("server_handshake_traffic_secret"))
                .log(KeyLog.CLIENT_TRAFFIC_SECRET_0, random, RFC8448.bytes("client_application_traffic_secret_0"))
                .log(KeyLog.SERVER_TRAFFIC_SECRET_0, random, RFC8448.bytes("server_application_traffic_secret_0"))
                .log(KeyLog.EXPORTER_SECRET, random, RFC8448.bytes("exporter_master_secret"));

        String cr = "cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7";
        assertThat(log.render()).isEqualTo(""
                + "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + cr
                + " b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21\n"
                + "SERVER_HANDSHAKE_TRAFFIC_SECRET " + cr
                + " b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38\n"
                + "CLIENT_TRAFFIC_SECRET_0 " + cr
                + " 9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5\n"
                + "SERVER_TRAFFIC_SECRET_0 " + cr
                + " a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643\n"
                + "EXPORTER_SECRET " + cr
                + " fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50\n");
        assertThat(log.entries()).hasSize(5);
        assertThat(new String(log.toBytes(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(log.render());
    }

    @Test
    void rendersTls12MasterSecret() {
        byte[] random = new byte[32];
        random[31] = 1;
        byte[] master = new byte[48];
        master[0] = (byte) 0xab;
        assertThat(new KeyLog().logMasterSecret(random, master).render()).isEqualTo("CLIENT_RANDOM "
                + "00".repeat(31) + "01 ab" + "00".repeat(47) + "\n");
    }

    @Test
    void emptyLogRendersNothing() {
        assertThat(new KeyLog().render()).isEmpty();
    }

    @Test
    void refusesValuesWiresharkCouldNotMatch() {
        KeyLog log = new KeyLog();
        assertThatThrownBy(() -> log.log("CLIENT_RANDOM", new byte[31], new byte[48]))
                .hasMessage("client random must be 32 bytes, got 31");
        assertThatThrownBy(() -> log.logMasterSecret(new byte[32], new byte[32]))
                .hasMessage("a TLS 1.2 master secret is 48 bytes, got 32");
        assertThatThrownBy(() -> log.log("client random", new byte[32], new byte[48]))
                .hasMessageContaining("upper-case");
        assertThatThrownBy(() -> log.log(KeyLog.EXPORTER_SECRET, new byte[32], new byte[0]))
                .hasMessage("secret for EXPORTER_SECRET is empty");
        assertThat(log.entries()).isEmpty();
    }

    @Test
    void entriesAreCopies() {
        byte[] random = new byte[32];
        KeyLog log = new KeyLog().log(KeyLog.CLIENT_RANDOM, random, new byte[48]);
        random[0] = 9;
        log.entries().get(0).clientRandom()[1] = 9;
        assertThat(log.render()).startsWith("CLIENT_RANDOM " + "00".repeat(32) + " ");
    }
}
