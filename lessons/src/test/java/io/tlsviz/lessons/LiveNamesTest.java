package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.crypto.CipherSuite;
import org.junit.jupiter.api.Test;

class LiveNamesTest {
    @Test
    void rsaHasItsStepsAndNoDhValues() {
        ScenarioNames rsa = LiveNames.forScenario(ScenarioOptions.defaults(Exchange.RSA));
        assertThat(rsa.steps()).startsWith("client_hello", "server_hello")
                .contains("client_makes_premaster", "client_encrypts_premaster", "server_decrypts_premaster")
                .doesNotHaveDuplicates();
        assertThat(rsa.steps().indexOf("client_encrypts_premaster"))
                .isLessThan(rsa.steps().indexOf("client_key_exchange"));
        assertThat(rsa.secrets()).contains("encrypted_premaster_secret")
                .doesNotContain("client_dh_public", "session_hash", "client_write_mac_key");
    }

    @Test
    void optionsChangeTheNames() {
        ScenarioOptions cbcEms = ScenarioOptions.defaults(Exchange.RSA)
                .withCipherSuite(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256).withExtendedMasterSecret(true);
        assertThat(LiveNames.forScenario(cbcEms).secrets())
                .contains("session_hash", "client_write_mac_key", "server_write_mac_key")
                .as("RFC 5246 section 6.3: no write IVs in a CBC key block")
                .doesNotContain("client_write_iv", "server_write_iv");
        assertThat(LiveNames.forScenario(ScenarioOptions.defaults(Exchange.TLS13)).steps())
                .contains("server_change_cipher_spec", "client_change_cipher_spec", "server_derives_handshake_secrets");
    }

    @Test
    void ephemeralExchangesNameTheirOwnKeypairSteps() {
        assertThat(LiveNames.forScenario(ScenarioOptions.defaults(Exchange.DHE)).steps())
                .contains("server_makes_dh_keypair", "client_computes_premaster", "server_computes_premaster")
                .doesNotContain("client_encrypts_premaster", "server_makes_ecdh_keypair");
        assertThat(LiveNames.forScenario(ScenarioOptions.defaults(Exchange.ECDHE)).secrets())
                .contains("server_ecdh_public", "shared_secret").doesNotContain("dh_p");
    }
}
