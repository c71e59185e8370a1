package io.tlsviz.lessons;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The step and secret names of docs/steps.md, per scenario: what lessons are checked against until the
 * live trace of each scenario is wired in. The order is the documented protocol order; for DHE and ECDHE
 * the live handshake decides the exact order, so nothing here should depend on it.
 */
public final class KnownSteps {
    private KnownSteps() {
    }

    private static final List<String> RSA = List.of(
            "client_hello", "server_hello", "server_certificate", "client_verifies_certificate",
            "server_hello_done", "client_makes_premaster", "client_encrypts_premaster", "client_key_exchange",
            "client_derives_master_secret", "client_derives_session_keys", "server_decrypts_premaster",
            "server_derives_master_secret", "server_derives_session_keys", "client_change_cipher_spec",
            "client_computes_finished", "client_finished", "server_verifies_finished",
            "server_change_cipher_spec", "server_computes_finished", "server_finished",
            "client_verifies_finished", "client_application_data", "server_application_data");

    private static final List<String> TLS13 = List.of(
            "client_makes_key_share", "client_hello", "server_makes_key_share", "server_hello",
            "server_computes_shared_secret", "server_derives_handshake_secrets", "server_encrypted_extensions",
            "server_certificate", "server_signs_transcript", "server_certificate_verify",
            "server_computes_finished", "server_finished", "server_derives_application_secrets",
            "client_computes_shared_secret", "client_derives_handshake_secrets", "client_verifies_certificate",
            "client_verifies_signature", "client_verifies_finished", "client_derives_application_secrets",
            "client_computes_finished", "client_finished", "server_verifies_finished",
            "client_application_data", "server_application_data");

    private static final List<String> TLS12_COMMON_SECRETS = List.of(
            "client_random", "server_random", "server_public_key", "premaster_secret", "master_secret",
            "client_write_key", "server_write_key", "client_write_iv", "server_write_iv",
            "client_verify_data", "server_verify_data");

    private static final List<String> TLS13_SECRETS = List.of(
            "client_random", "server_random", "server_public_key", "shared_secret", "early_secret",
            "handshake_secret", "client_handshake_traffic_secret", "server_handshake_traffic_secret",
            "client_handshake_write_key", "client_handshake_write_iv", "server_handshake_write_key",
            "server_handshake_write_iv", "client_finished_key", "server_finished_key", "master_secret",
            "client_application_traffic_secret_0", "server_application_traffic_secret_0",
            "client_application_write_key", "client_application_write_iv", "server_application_write_key",
            "server_application_write_iv", "exporter_master_secret", "hello_hash", "handshake_hash");

    /** The step and secret names a trace of these options has. */
    public static ScenarioNames forScenario(ScenarioOptions options) {
        return new ScenarioNames(steps(options), secrets(options));
    }

    /** Step names in documented order. */
    public static List<String> steps(ScenarioOptions options) {
        return switch (options.exchange()) {
            case RSA -> RSA;
            case DHE -> ephemeral12("dh");
            case ECDHE -> ephemeral12("ecdh");
            case TLS13 -> {
                if (!options.middleboxCompat()) {
                    yield TLS13;
                }
                List<String> steps = new ArrayList<>(TLS13);
                steps.add(steps.indexOf("server_encrypted_extensions"), "server_change_cipher_spec");
                steps.add(steps.indexOf("client_finished"), "client_change_cipher_spec");
                yield List.copyOf(steps);
            }
        };
    }

    /** Secret names the trace captures. */
    public static Set<String> secrets(ScenarioOptions options) {
        Set<String> s = new LinkedHashSet<>();
        Exchange exchange = options.exchange();
        if (exchange.isTls13()) {
            s.addAll(TLS13_SECRETS);
            s.addAll(options.group().isFiniteField() ? dhSecrets("dh") : dhSecrets("ecdh"));
            return s;
        }
        s.addAll(TLS12_COMMON_SECRETS);
        if (options.extendedMasterSecret()) {
            s.add("session_hash");
        }
        if (!options.cipherSuite().isAead()) {
            s.add("client_write_mac_key");
            s.add("server_write_mac_key");
        }
        switch (exchange) {
            case RSA -> s.add("encrypted_premaster_secret");
            case DHE -> {
                s.add("dh_p");
                s.add("dh_g");
                s.addAll(dhSecrets("dh"));
            }
            case ECDHE -> {
                s.addAll(dhSecrets("ecdh"));
                s.add("shared_secret");
            }
            default -> throw new IllegalStateException("unreachable: " + exchange);
        }
        return s;
    }

    private static List<String> dhSecrets(String kind) {
        return List.of("client_" + kind + "_private", "server_" + kind + "_private",
                "client_" + kind + "_public", "server_" + kind + "_public");
    }

    private static List<String> ephemeral12(String kind) {
        return List.of(
                "client_hello", "server_hello", "server_certificate", "server_makes_" + kind + "_keypair",
                "server_signs_key_exchange", "server_key_exchange", "client_verifies_certificate",
                "client_verifies_server_signature", "server_hello_done", "client_makes_" + kind + "_keypair",
                "client_computes_premaster", "client_key_exchange", "client_derives_master_secret",
                "client_derives_session_keys", "server_computes_premaster", "server_derives_master_secret",
                "server_derives_session_keys", "client_change_cipher_spec", "client_computes_finished",
                "client_finished", "server_verifies_finished", "server_change_cipher_spec",
                "server_computes_finished", "server_finished", "client_verifies_finished",
                "client_application_data", "server_application_data");
    }

    /** Every documented secret name, for messages that suggest a near miss. */
    static Set<String> allSecrets() {
        Set<String> all = new LinkedHashSet<>(TLS12_COMMON_SECRETS);
        all.addAll(List.of("encrypted_premaster_secret", "dh_p", "dh_g", "shared_secret", "session_hash",
                "client_write_mac_key", "server_write_mac_key"));
        all.addAll(dhSecrets("dh"));
        all.addAll(dhSecrets("ecdh"));
        all.addAll(TLS13_SECRETS);
        return all;
    }
}
