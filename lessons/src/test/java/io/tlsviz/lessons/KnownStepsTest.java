package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.crypto.CipherSuite;
import org.junit.jupiter.api.Test;

class KnownStepsTest {
    @Test
    void rsaHasTheTwentyThreeDocumentedStepsAndNoDhValues() {
        ScenarioNames rsa = KnownSteps.forScenario(ScenarioOptions.defaults(Exchange.RSA));
        assertThat(rsa.steps()).hasSize(23).startsWith("client_hello", "server_hello")
                .contains("client_encrypts_premaster", "server_decrypts_premaster").doesNotHaveDuplicates();
        assertThat(rsa.secrets()).contains("encrypted_premaster_secret")
                .doesNotContain("client_dh_public", "session_hash", "client_write_mac_key");
    }

    @Test
    void optionsChangeTheNames() {
        ScenarioOptions cbcEms = ScenarioOptions.defaults(Exchange.RSA)
                .withCipherSuite(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256).withExtendedMasterSecret(true);
        assertThat(KnownSteps.secrets(cbcEms)).contains("session_hash", "client_write_mac_key", "server_write_mac_key");
        assertThat(KnownSteps.steps(ScenarioOptions.defaults(Exchange.TLS13).withMiddleboxCompat(true)))
                .contains("server_change_cipher_spec", "client_change_cipher_spec");
        assertThat(KnownSteps.steps(ScenarioOptions.defaults(Exchange.TLS13))).doesNotContain("server_change_cipher_spec");
    }

    @Test
    void ephemeralExchangesNameTheirOwnKeypairSteps() {
        assertThat(KnownSteps.steps(ScenarioOptions.defaults(Exchange.DHE)))
                .contains("server_makes_dh_keypair", "client_computes_premaster", "server_computes_premaster")
                .doesNotContain("client_encrypts_premaster", "server_makes_ecdh_keypair");
        assertThat(KnownSteps.secrets(ScenarioOptions.defaults(Exchange.ECDHE)))
                .contains("server_ecdh_public", "shared_secret").doesNotContain("dh_p");
    }
}
