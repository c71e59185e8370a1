package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.crypto.CipherSuite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who knows what, and when: a party can only compute with what it already knows. A student who clicks a value
 * sees its inputs highlighted in the computing party's column; an input that party learns only later (or never)
 * is a wrong lesson.
 */
class KnowledgeTimingTest {

    static Stream<ScenarioOptions> scenarios() {
        List<ScenarioOptions> out = new ArrayList<>();
        for (Exchange e : Exchange.values()) {
            out.add(ScenarioOptions.defaults(e));
        }
        ScenarioOptions dhe = ScenarioOptions.defaults(Exchange.DHE);
        out.add(dhe.withGroup(Group.FFDHE3072).withExtendedMasterSecret(true));
        out.add(dhe.withCipherSuite(CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA).withEncryptThenMac(true));
        ScenarioOptions ecdhe = ScenarioOptions.defaults(Exchange.ECDHE);
        out.add(ecdhe.withGroup(Group.SECP256R1).withExtendedMasterSecret(true));
        out.add(ecdhe.withCipherSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384));
        ScenarioOptions rsa = ScenarioOptions.defaults(Exchange.RSA);
        out.add(rsa.withCipherSuite(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).withEncryptThenMac(true)
                .withExtendedMasterSecret(true));
        ScenarioOptions tls13 = ScenarioOptions.defaults(Exchange.TLS13);
        out.add(tls13.withGroup(Group.FFDHE2048));
        out.add(tls13.withGroup(Group.SECP384R1).withCipherSuite(CipherSuite.TLS_AES_256_GCM_SHA384));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyInputIsKnownToTheComputingPartyAtOrBeforeTheStep(ScenarioOptions options) {
        Trace trace = HandshakeSession.run(options);
        assertThat(trace.completed()).isTrue();
        Set<String> allNames = new HashSet<>();
        trace.steps().forEach(s -> s.secrets().forEach(x -> allNames.add(x.name())));
        trace.steps().stream().filter(ComputationStep.class::isInstance).map(ComputationStep.class::cast)
                .forEach(c -> c.workings().forEach(x -> allNames.add(x.name())));
        List<Set<String>> knownSoFar = new ArrayList<>();
        for (Party p : Party.values()) {
            knownSoFar.add(new HashSet<>());
        }
        for (Step step : trace.steps()) {
            Set<String> actorKnows = knownSoFar.get(step.actor().ordinal());
            for (Secret secret : step.secrets()) {
                for (String input : secret.inputs()) {
                    assertThat(actorKnows).as("%s: at step %s the %s uses %s for %s", options, step.name(),
                            step.actor().id(), input, secret.name()).contains(input);
                }
                if (step instanceof ComputationStep) {
                    // Every value the formula names is an input, so the view highlights all of them.
                    for (String named : namesIn(secret.formula(), allNames, secret.name())) {
                        assertThat(secret.inputs()).as("%s: inputs of %s at %s (formula %s)", options,
                                secret.name(), step.name(), secret.formula()).contains(named);
                    }
                }
                for (Party p : secret.knownBy()) {
                    knownSoFar.get(p.ordinal()).add(secret.name());
                }
            }
            if (step instanceof ComputationStep c) {
                // A working (what a signature covers, the signature, its check) is made from what the side knows
                // and from the workings before it in the same step; every value its formula names is an input.
                Set<String> usable = new HashSet<>(actorKnows);
                for (Secret working : c.workings()) {
                    assertThat(working.knownBy()).containsExactly(step.actor());
                    for (String input : working.inputs()) {
                        assertThat(usable).as("%s: at step %s the %s uses %s for %s", options, step.name(),
                                step.actor().id(), input, working.name()).contains(input);
                    }
                    // A check's formula names its inputs left of its " = valid signature": read all of it.
                    String whole = working.formula().startsWith(working.name() + " = ") ? working.formula()
                            : working.name() + " = " + working.formula();
                    for (String named : namesIn(whole, allNames, working.name())) {
                        assertThat(working.inputs()).as("%s: inputs of %s at %s (formula %s)", options,
                                working.name(), step.name(), working.formula()).contains(named);
                    }
                    usable.add(working.name());
                }
            }
        }
    }

    /** The names of trace values a formula's right-hand side mentions (quoted labels are not names). */
    private static Set<String> namesIn(String formula, Set<String> names, String self) {
        int eq = formula.indexOf(" = ");
        String rhs = (eq < 0 ? formula : formula.substring(eq + 3)).replaceAll("\"[^\"]*\"", "");
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("[a-z][a-z0-9_]*").matcher(rhs);
        while (m.find()) {
            if (names.contains(m.group()) && !m.group().equals(self)) {
                out.add(m.group());
            }
        }
        return out;
    }

    @Test
    void dheServerKnowsTheGroupWhenItMakesItsKeyPairAndTheClientLearnsItFromServerKeyExchange() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.DHE));
        assertThat(firstStepKnowing(t, Party.SERVER, "dh_p")).isEqualTo("server_makes_dh_keypair");
        assertThat(firstStepKnowing(t, Party.SERVER, "dh_g")).isEqualTo("server_makes_dh_keypair");
        assertThat(firstStepKnowing(t, Party.CLIENT, "dh_p")).isEqualTo("server_key_exchange");
        assertThat(firstStepKnowing(t, Party.EAVESDROPPER, "dh_p")).isEqualTo("server_key_exchange");
    }

    @Test
    void tls13FiniteFieldClientKnowsTheGroupWhenItMakesItsKeyShare() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.TLS13).withGroup(Group.FFDHE2048));
        assertThat(firstStepKnowing(t, Party.CLIENT, "dh_p")).isEqualTo("client_makes_key_share");
        assertThat(firstStepKnowing(t, Party.SERVER, "dh_p")).isEqualTo("client_hello");
    }

    @Test
    void theServerHoldsItsKeyPairFromItsFirstStepAndNobodyElseEverHoldsThePrivateKey() {
        for (Exchange e : Exchange.values()) {
            Trace t = HandshakeSession.run(ScenarioOptions.defaults(e));
            String first = t.steps().stream().filter(s -> s.actor() == Party.SERVER).findFirst().orElseThrow().name();
            assertThat(firstStepKnowing(t, Party.SERVER, "server_public_key")).as(e.id()).isEqualTo(first);
            assertThat(firstStepKnowing(t, Party.SERVER, "server_private_key")).as(e.id()).isEqualTo(first);
            assertThat(firstStepKnowing(t, Party.CLIENT, "server_public_key")).as(e.id()).isEqualTo("server_certificate");
            assertThat(firstStepKnowing(t, Party.CLIENT, "server_private_key")).as(e.id()).isNull();
            assertThat(firstStepKnowing(t, Party.EAVESDROPPER, "server_private_key")).as(e.id()).isNull();
            assertThat(t.steps()).flatMap(Step::secrets).filteredOn(s -> s.name().equals("server_private_key"))
                    .allSatisfy(s -> assertThat(s.hex()).isEqualTo(Hex.of(t.pki().serverPrivateKeyJdk().getEncoded())));
        }
        Step decrypts = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA)).step("server_decrypts_premaster")
                .orElseThrow();
        assertThat(decrypts.secrets().get(0).inputs()).contains("server_private_key", "encrypted_premaster_secret");
    }

    /** The first step at which {@code p} knows a value of this name, or null. */
    static String firstStepKnowing(Trace t, Party p, String name) {
        for (Step s : t.steps()) {
            for (Secret x : s.secrets()) {
                if (x.name().equals(name) && x.isKnownBy(p)) {
                    return s.name();
                }
            }
        }
        return null;
    }
}
