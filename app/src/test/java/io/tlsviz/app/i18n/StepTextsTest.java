package io.tlsviz.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.viewmodel.EngineNarration;
import io.tlsviz.app.viewmodel.NarrationSource;
import io.tlsviz.engine.ComputationStep;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Group;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.TamperSpec;
import io.tlsviz.engine.Trace;
import io.tlsviz.engine.crypto.CipherSuite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StepTextsTest {
    private static final StepTexts EN = new StepTexts(Locale.ENGLISH);
    private static final StepTexts DE = new StepTexts(Locale.GERMANY);
    private static final List<Trace> TRACES = new ArrayList<>();
    private static Trace rsa;
    private static Trace dhe;
    private static Trace ecdhe;
    private static Trace tls13;
    private static Trace rsaEmsCbc;
    private static Trace finishedTampered;
    private static Trace helloTampered13;
    private static Trace premasterTampered;
    private static Trace dhValueTampered;

    @BeforeAll
    static void runHandshakes() {
        rsa = run(ScenarioOptions.defaults(Exchange.RSA), null);
        dhe = run(ScenarioOptions.defaults(Exchange.DHE), null);
        ecdhe = run(ScenarioOptions.defaults(Exchange.ECDHE), null);
        tls13 = run(ScenarioOptions.defaults(Exchange.TLS13), null);
        rsaEmsCbc = run(new ScenarioOptions(Exchange.RSA, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, Group.X25519,
                true, false, false, 1L), null);
        run(new ScenarioOptions(Exchange.TLS13, CipherSuite.TLS_AES_128_GCM_SHA256, Group.X25519, false, false, true,
                1L), null);
        finishedTampered = run(ScenarioOptions.defaults(Exchange.RSA), "client_finished:10:0x01");
        helloTampered13 = run(ScenarioOptions.defaults(Exchange.TLS13), "client_hello:10:0x01");
        run(ScenarioOptions.defaults(Exchange.ECDHE), "client_key_exchange:8:0x01");
        run(ScenarioOptions.defaults(Exchange.TLS13), "server_finished:3:0x40");
        run(ScenarioOptions.defaults(Exchange.RSA), "client_key_exchange:4:0x01");
        premasterTampered = run(ScenarioOptions.defaults(Exchange.RSA), "client_key_exchange:20:0x01");
        // The client's signature check fails, for each reason the engine names.
        dhValueTampered = run(ScenarioOptions.defaults(Exchange.DHE), "server_key_exchange:300:0x01");
        run(ScenarioOptions.defaults(Exchange.ECDHE), "server_key_exchange:100:0x01");
        run(ScenarioOptions.defaults(Exchange.ECDHE), "client_hello:20:0x01");
        run(ScenarioOptions.defaults(Exchange.DHE), "server_hello:20:0x01");
    }

    private static Trace run(ScenarioOptions options, String tamper) {
        Trace t = tamper == null ? HandshakeSession.run(options) : HandshakeSession.run(options, TamperSpec.parse(tamper));
        TRACES.add(t);
        return t;
    }

    @Test
    void everyStepOfLiveAndTamperedHandshakesHasAnEnglishAndAGermanText() {
        Set<String> names = new LinkedHashSet<>();
        for (Trace trace : TRACES) {
            for (Step step : trace.steps()) {
                names.add(StepTexts.baseName(step.name()));
                assertThat(EN.knows(step.name())).as(step.name()).isTrue();
                String enTitle = EN.title(step);
                String deTitle = DE.title(step);
                String en = EN.meaning(step, trace.options());
                String de = DE.meaning(step, trace.options());
                assertThat(enTitle).as(step.name()).isNotBlank().doesNotContain("{");
                assertThat(deTitle).as(step.name()).isNotBlank().doesNotContain("{");
                assertThat(en).as(step.name()).isNotBlank().doesNotContain("{");
                assertThat(de).as(step.name()).isNotBlank().doesNotContain("{").isNotEqualTo(en)
                        .doesNotContain(step.meaning());
                if (step.kind() == Step.Kind.COMPUTATION) {
                    assertThat(deTitle).as(step.name()).isNotEqualTo(enTitle);
                } else {
                    // Message types are protocol names in every language.
                    assertThat(deTitle).isEqualTo(enTitle).isEqualTo(step.title());
                }
            }
        }
        // The traces cover the failure steps and the variants the brief names.
        assertThat(names).contains("client_rejects_record", "server_rejects_record", "client_alert", "server_alert",
                "server_verifies_finished", "client_makes_key_share", "server_makes_dh_keypair",
                "client_makes_ecdh_keypair", "client_encrypts_premaster", "client_derives_application_secrets");
    }

    @Test
    void englishDefaultsReadLikeTheEngineAndGermanCarriesTheRunsDetails() {
        for (Step step : rsa.steps()) {
            assertThat(EN.title(step)).isEqualTo(step.title());
            assertThat(EN.meaning(step, rsa.options())).isEqualTo(step.meaning());
        }
        Step certificate = rsa.step("client_verifies_certificate").orElseThrow();
        assertThat(DE.meaning(certificate, rsa.options()))
                .startsWith("Das Zertifikat ist in Ordnung: CN=server.tlsviz.example")
                .contains("signiert von CN=tlsviz demo CA")
                .contains("ausgestellt f\u00fcr server.tlsviz.example");
        assertThat(DE.meaning(rsa.step("client_derives_master_secret").orElseThrow(), rsa.options()))
                .contains("HMAC-SHA-256");
        assertThat(DE.meaning(rsa.step("client_key_exchange").orElseThrow(), rsa.options()))
                .contains("Premaster-Secret", "verschl\u00fcsselt");
        assertThat(DE.meaning(rsa.step("client_finished").orElseThrow(), rsa.options()))
                .doesNotContain("(Auf der Leitung");
        assertThat(DE.meaning(tls13.step("server_certificate").orElseThrow(), tls13.options()))
                .endsWith("(Auf der Leitung verschl\u00fcsselt.)");
        assertThat(DE.meaning(tls13.step("server_change_cipher_spec").orElseThrow(), tls13.options()))
                .contains("Middleboxes");
    }

    @Test
    void variantsFollowTheRun() {
        Trace ems = rsaEmsCbc;
        assertThat(DE.meaning(ems.step("client_derives_master_secret").orElseThrow(), ems.options()))
                .contains("Extended Master Secret");
        assertThat(DE.meaning(ems.step("server_derives_session_keys").orElseThrow(), ems.options()))
                .contains("MAC-Schl\u00fcssel");
        assertThat(DE.meaning(ecdhe.step("client_key_exchange").orElseThrow(), ecdhe.options()))
                .contains("Elliptic-Curve-Diffie-Hellman");
        assertThat(DE.meaning(dhe.step("client_key_exchange").orElseThrow(), dhe.options()))
                .startsWith("Der \u00f6ffentliche Diffie-Hellman-Wert des Clients");
    }

    @Test
    void aRejectedRecordNamesTheAlertInGermanAndKeepsBouncyCastlesReason() {
        Trace tampered = finishedTampered;
        Step rejected = tampered.step("server_rejects_record").orElseThrow();
        assertThat(rejected.meaning()).startsWith("bad_record_mac:").contains("Bouncy Castle says: ");

        assertThat(DE.meaning(rejected, tampered.options()))
                .startsWith("bad_record_mac: Das Authentifizierungs-Tag des Records passt nicht.")
                .contains("Meldung von Bouncy Castle: Failed to process record.");
        assertThat(DE.title(rejected)).isEqualTo("Server weist das Empfangene zur\u00fcck");
    }

    @Test
    void whyEveryTamperedHandshakeFailedReadsInGermanWithoutTheEnginesEnglish() {
        int failed = 0;
        for (Trace t : TRACES) {
            if (t.failure().isEmpty()) {
                continue;
            }
            failed++;
            String en = EN.failure(t.failure().get(), t.alert().orElse(null));
            String de = DE.failure(t.failure().get(), t.alert().orElse(null));
            assertThat(en).as(t.failure().get()).isNotEqualTo(t.failure().get()).endsWith(".");
            assertThat(de).as(t.failure().get()).doesNotContain(" the ", "rejected", "with a fatal", "Failed to");
        }
        assertThat(failed).as("tampered traces that failed").isGreaterThanOrEqualTo(3);
        assertThat(EN.failure(finishedTampered.failure().orElseThrow(), "bad_record_mac")).isEqualTo(
                "The server rejected the Finished and ended the handshake with a fatal bad_record_mac alert.");
        assertThat(DE.failure(finishedTampered.failure().orElseThrow(), "bad_record_mac")).isEqualTo(
                "Der Server hat die Nachricht Finished abgelehnt und den Handshake mit dem fatalen Alert "
                        + "bad_record_mac beendet.");
        assertThat(DE.failure("the ServerHello from the server was lost on the way", null))
                .isEqualTo("Die Nachricht ServerHello vom Server ging unterwegs verloren.");
        assertThat(DE.failure("the connection stalled: the client waits for bytes that never come", null))
                .isEqualTo("Die Verbindung h\u00e4ngt: Der Client wartet auf Bytes, die nie kommen.");
    }

    @Test
    void aFinishedThatDoesNotMatchAndAPremasterThatDoesNotDecryptSayAsMuch() {
        Step verifies = helloTampered13.step("client_verifies_finished").orElseThrow();
        assertThat(((ComputationStep) verifies).failed()).isTrue();
        assertThat(DE.meaning(verifies, helloTampered13.options())).endsWith("Sie stimmen nicht \u00fcberein.");

        Trace badPremaster = premasterTampered;
        Step decrypts = badPremaster.step("server_decrypts_premaster").orElseThrow();
        assertThat(decrypts.meaning()).startsWith("The ciphertext does not");
        assertThat(DE.meaning(decrypts, badPremaster.options())).startsWith("Der Geheimtext ergibt");
    }

    @Test
    void formulasAndDescriptionsOfValuesReadInGermanAndStayAsTheEngineWroteThemInEnglish() {
        List<Trace> all = new ArrayList<>(TRACES);
        for (Group g : Group.values()) { // every group's own description: scalars, points, primes
            Exchange e = g.isFiniteField() ? Exchange.DHE : Exchange.ECDHE;
            all.add(HandshakeSession.run(new ScenarioOptions(e, ScenarioOptions.defaults(e).cipherSuite(), g,
                    false, false, false, 1L)));
        }
        Set<String> english = new java.util.TreeSet<>();
        for (Trace t : all) {
            for (Step step : t.steps()) {
                // Secrets and a computation's workings (what a signature covers, the signature, its check).
                (step instanceof ComputationStep c ? c.values() : step.secrets())
                        .forEach(secret -> english.add(secret.formula()));
            }
        }
        assertThat(english).anyMatch(f -> f.contains("random bytes")).anyMatch(f -> f.contains("x-coordinate"))
                .anyMatch(f -> f.contains("(no PSK)"))
                .anyMatch(f -> f.contains("; full label")).anyMatch(f -> f.contains("zero bytes stripped"))
                .anyMatch(f -> f.contains("server's own private key")).anyMatch(f -> f.contains("= valid signature"))
                .anyMatch(f -> f.contains("= invalid signature")).anyMatch(f -> f.contains("ServerDHParams"))
                .anyMatch(f -> f.contains("ServerECDHParams")).anyMatch(f -> f.contains("trust store"))
                .anyMatch(f -> f.contains("tbsCertificate")).anyMatch(f -> f.contains("RFC 8446 section 4.4.3"));
        List<String> words = List.of("random bytes", "random exponent", "random scalar", "chose", "point on", "coordinate", "generated", "unused",
                "uncompressed", "generator", "prime modulus", "public key", "the ", "no PSK", "zero bytes", "full label",
                "stripped", "server's own", "never sent", "valid signature", "each value", "after its", "curve's",
                "trust store", "signed part", "carries", "section");
        for (String f : english) {
            assertThat(EN.formula(f)).isEqualTo(f);
            String german = DE.formula(f);
            for (String w : words) {
                assertThat(german).as("German for: %s", f).doesNotContain(w);
            }
        }
        assertThat(DE.formula("client_random_placeholder")).isEqualTo("client_random_placeholder");
        assertThat(DE.formula("32 random bytes the client chose")).isEqualTo("32 Zufallsbytes, vom Client gew\u00e4hlt");
        assertThat(DE.formula("premaster_secret = 0x0303 + 46 random bytes"))
                .isEqualTo("premaster_secret = 0x0303 + 46 Zufallsbytes");
    }

    /** RFC 5246 section 6.3: a CBC key block has no IVs, and the step says where a CBC record's IV is instead. */
    @Test
    void cbcSessionKeysNameOnlyMacKeysAndWriteKeysAndSayEachRecordCarriesItsIv() {
        for (String side : List.of("client", "server")) {
            Step keys = rsaEmsCbc.step(side + "_derives_session_keys").orElseThrow();
            assertThat(keys.secrets()).map(Secret::name).containsExactly("client_write_mac_key",
                    "server_write_mac_key", "client_write_key", "server_write_key");
            assertThat(EN.meaning(keys, rsaEmsCbc.options())).isEqualTo(keys.meaning())
                    .isEqualTo("The key block is cut into MAC keys and write keys: one set for each direction. "
                            + "It holds no IVs: every CBC record carries its own IV, in the clear at its start.");
            assertThat(DE.meaning(keys, rsaEmsCbc.options())).isEqualTo("Der Key-Block wird in MAC-Schl\u00fcssel und "
                    + "Schreibschl\u00fcssel zerlegt: je ein Satz pro Richtung. IVs enth\u00e4lt er keine: Jeder "
                    + "CBC-Record bringt seinen eigenen IV mit, im Klartext an seinem Anfang.");
            Step gcm = rsa.step(side + "_derives_session_keys").orElseThrow();
            assertThat(EN.meaning(gcm, rsa.options()))
                    .isEqualTo("The key block is cut into write keys and IVs: one set for each direction.");
        }
    }

    /** The signing steps' meanings follow the engine in English and say in German why a check failed. */
    @Test
    void signatureStepsReadInGermanAndAFailedCheckSaysWhichPartDiffers() {
        for (Trace t : List.of(dhe, ecdhe, tls13)) {
            for (Step step : t.steps()) {
                if (step.name().contains("sign")) {
                    assertThat(EN.meaning(step, t.options())).as(step.name()).isEqualTo(step.meaning());
                }
            }
        }
        Step check = dhValueTampered.step("client_verifies_server_signature").orElseThrow();
        assertThat(((ComputationStep) check).failed()).isTrue();
        assertThat(EN.meaning(check, dhValueTampered.options())).isEqualTo(check.meaning());
        assertThat(DE.meaning(check, dhValueTampered.options())).startsWith("Die Signatur ist ung\u00fcltig: "
                + "Die Parameter des Schl\u00fcsselaustauschs");
        Set<String> german = new LinkedHashSet<>();
        for (Trace t : TRACES) {
            t.step("client_verifies_server_signature").filter(s -> ((ComputationStep) s).failed())
                    .ifPresent(s -> {
                        assertThat(EN.meaning(s, t.options())).isEqualTo(s.meaning());
                        german.add(DE.meaning(s, t.options()));
                    });
        }
        assertThat(german).as("one German sentence per reason: parameters, signature, client_random, server_random")
                .hasSize(4).allMatch(m -> m.startsWith("Die Signatur ist ung\u00fcltig: "));
        String formula = ((ComputationStep) check).workings().get(1).formula();
        assertThat(DE.formula(formula)).contains("= ung\u00fcltige Signatur").doesNotContain("invalid");
        String signedContent = ((ComputationStep) dhe.step("server_signs_key_exchange").orElseThrow()).workings()
                .get(0).formula();
        assertThat(DE.formula(signedContent)).endsWith("(ServerDHParams, jeder Wert nach seiner 2-Byte-L\u00e4nge; "
                + "RFC 5246, Abschnitt 7.4.3)");
    }

    @Test
    void repeatedStepsUseTheirBaseName() {
        assertThat(StepTexts.baseName("client_rejects_record_3")).isEqualTo("client_rejects_record");
        assertThat(StepTexts.baseName("client_hello")).isEqualTo("client_hello");
        Step repeated = new ComputationStep(7, "server_rejects_record_2", "Server rejects what it received",
                "internal_error: the receiver stops the handshake. Bouncy Castle says: IOException: closed.",
                Party.SERVER, List.of(), true);
        assertThat(DE.meaning(repeated, ScenarioOptions.defaults(Exchange.RSA)))
                .isEqualTo("internal_error: Der Empf\u00e4nger bricht den Handshake ab. "
                        + "Meldung von Bouncy Castle: IOException: closed.");
    }

    @Test
    void unknownNamesKeepTheEngineText() {
        Step unknown = new ComputationStep(0, "client_does_something_new", "Client does something new",
                "Something the bundle has never heard of.", Party.CLIENT, List.of(), false);
        ScenarioOptions rsa = ScenarioOptions.defaults(Exchange.RSA);
        assertThat(DE.knows(unknown.name())).isFalse();
        assertThat(DE.title(unknown)).isEqualTo("Client does something new");
        assertThat(DE.meaning(unknown, rsa)).isEqualTo("Something the bundle has never heard of.");

        NarrationSource.Narration n = new EngineNarration(Messages.forLocale(Locale.GERMAN)).narrationFor(unknown, rsa);
        assertThat(n.title()).isEqualTo("Client does something new");
        assertThat(n.text()).isEqualTo("Something the bundle has never heard of.");
    }

    @Test
    void germanNarrationSpeaksGermanAtTheClientKeyExchange() {
        Step cke = rsa.step("client_key_exchange").orElseThrow();
        Step makes = rsa.step("client_makes_premaster").orElseThrow();

        NarrationSource de = new EngineNarration(Messages.forLocale(Locale.GERMANY));
        assertThat(de.narrationFor(cke, rsa.options()).title()).isEqualTo("ClientKeyExchange");
        assertThat(de.narrationFor(cke, rsa.options()).text()).startsWith("Das Premaster-Secret, verschl\u00fcsselt mit "
                + "dem \u00f6ffentlichen Schl\u00fcssel des Servers.");
        assertThat(de.narrationFor(makes, rsa.options()).title()).isEqualTo("Client erzeugt das Premaster-Secret");

        NarrationSource en = new EngineNarration(Messages.forLocale(Locale.ENGLISH));
        assertThat(en.narrationFor(cke, rsa.options()).text()).isEqualTo(cke.meaning());
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(Messages.forBundle(StepTexts.BUNDLE, Locale.GERMAN).bundle().keySet())
                .isEqualTo(Messages.forBundle(StepTexts.BUNDLE, Locale.ENGLISH).bundle().keySet());
    }
}
