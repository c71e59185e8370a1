package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.wire.FieldPaths;
import io.tlsviz.engine.wire.Leaves;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A message's fields say which value of the knowledge columns they carry (MessageStep.valueNameOf), so the inspector
 * can name it: the field is exactly that value's bytes, and every value a message reveals is in one of its fields.
 */
class FieldValueNamesTest {

    static List<ScenarioOptions> scenarios() {
        List<ScenarioOptions> out = new ArrayList<>();
        for (Exchange e : Exchange.values()) {
            out.add(ScenarioOptions.defaults(e));
        }
        out.add(ScenarioOptions.defaults(Exchange.ECDHE).withGroup(Group.SECP256R1));
        out.add(ScenarioOptions.defaults(Exchange.TLS13).withGroup(Group.FFDHE2048));
        out.add(ScenarioOptions.defaults(Exchange.DHE).withExtendedMasterSecret(true));
        return out;
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyValueAMessageRevealsIsExactlyTheBytesOfOneOfItsFields(ScenarioOptions options) {
        Trace t = HandshakeSession.run(options);
        for (Step s : t.steps()) {
            if (!(s instanceof MessageStep m)) {
                continue;
            }
            List<Field> all = new ArrayList<>();
            m.fields().forEach(root -> all.addAll(Leaves.all(root)));
            for (Secret revealed : m.secrets()) {
                // The certificate carries the public key inside its DER; naming a group in TLS 1.3 publishes p and g.
                if (revealed.name().equals("server_public_key") || revealed.name().startsWith("dh_")
                        && options.exchange().isTls13() || revealed.name().startsWith("server_private_key")) {
                    continue;
                }
                List<Field> carriers = all.stream()
                        .filter(f -> m.valueNameOf(f).equals(Optional.of(revealed.name()))).toList();
                assertThat(carriers).as("%s: the field of %s", m.name(), revealed.name()).singleElement()
                        .satisfies(f -> assertThat(f.hex()).isEqualTo(revealed.hex()));
            }
            for (Field f : all) {
                m.valueNameOf(f).filter(n -> !n.endsWith("_verify_data")).ifPresent(n ->
                        assertThat(m.secrets()).as("%s: %s names %s", m.name(), f.path(), n)
                                .anyMatch(x -> x.name().equals(n) && x.hex().equals(f.hex())));
            }
        }
    }

    /** A Finished's verify_data is the sender's, exactly the value its computes_finished step showed. */
    @ParameterizedTest
    @MethodSource("scenarios")
    void theVerifyDataOfAFinishedIsTheSendersAsItComputedIt(ScenarioOptions options) {
        Trace t = HandshakeSession.run(options);
        for (String sender : List.of("client", "server")) {
            MessageStep fin = (MessageStep) t.step(sender + "_finished").orElseThrow();
            Field field = Leaves.findBySuffix(fin.fields().get(1), FieldPaths.VERIFY_DATA_SUFFIX).orElseThrow();
            assertThat(fin.valueNameOf(field)).contains(sender + "_verify_data");
            assertThat(field.hex()).isEqualTo(FinishedHashesTest.secret(t, sender + "_computes_finished",
                    sender + "_verify_data").hex());
        }
    }

    @Test
    void theTls12PublicValuesAreNamedAsTheColumnsNameThem() {
        Trace dhe = HandshakeSession.run(ScenarioOptions.defaults(Exchange.DHE));
        MessageStep ske = (MessageStep) dhe.step("server_key_exchange").orElseThrow();
        assertThat(name(ske, FieldPaths.DH_YS)).contains("server_dh_public");
        assertThat(name(ske, FieldPaths.DH_P)).contains("dh_p");
        assertThat(name(ske, FieldPaths.DH_G)).contains("dh_g");
        assertThat(name(ske, FieldPaths.SKE_SIGNATURE)).isEmpty();
        MessageStep cke = (MessageStep) dhe.step("client_key_exchange").orElseThrow();
        assertThat(name(cke, FieldPaths.DH_YC)).contains("client_dh_public");
        // RFC 5246 calls them Ys and Yc; their meanings use the columns' names, not other letters.
        assertThat(field(ske, FieldPaths.DH_YS).meaning())
                .startsWith("server_dh_public = dh_g ^ server_dh_private mod dh_p").doesNotContain("g^y");
        assertThat(field(cke, FieldPaths.DH_YC).meaning())
                .startsWith("client_dh_public = dh_g ^ client_dh_private mod dh_p").doesNotContain("g^x");
        MessageStep hello = (MessageStep) dhe.step("client_hello").orElseThrow();
        assertThat(name(hello, FieldPaths.CLIENT_RANDOM)).contains("client_random");
        assertThat(name(hello, FieldPaths.OFFERED_CIPHER_SUITES)).isEmpty();
    }

    /** A ServerKeyExchange changed on the way carries somebody else's number, not the server's server_dh_public. */
    @Test
    void aChangedPublicValueIsNotNamedAsTheSendersValue() {
        ScenarioOptions dhe = ScenarioOptions.defaults(Exchange.DHE);
        Field ys = field((MessageStep) HandshakeSession.run(dhe).step("server_key_exchange").orElseThrow(),
                FieldPaths.DH_YS);
        Trace t = HandshakeSession.run(dhe, new TamperSpec("server_key_exchange", ys.offset() + 10, 0x01));
        MessageStep ske = (MessageStep) t.step("server_key_exchange").orElseThrow();
        assertThat(ske.tampered()).isTrue();
        assertThat(name(ske, FieldPaths.DH_YS)).isEmpty();
        assertThat(name(ske, FieldPaths.DH_P)).contains("dh_p");
    }

    private static Field field(MessageStep m, String path) {
        return Leaves.find(m.fields().get(0), path).orElseThrow(() -> new AssertionError(m.name() + " has no " + path));
    }

    private static Optional<String> name(MessageStep m, String path) {
        return m.valueNameOf(field(m, path));
    }
}
