package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.crypto.CipherSuite;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A formula is the answer to "where did that number come from?": it must be there, and it must be exact. */
class FormulasTest {

    /** The side that checks a Finished shows how it recomputed the value, the same way the sender made it. */
    @ParameterizedTest
    @EnumSource(Exchange.class)
    void theVerifierOfAFinishedShowsTheSameFormulaAsItsSender(Exchange exchange) {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        for (String sender : List.of("client", "server")) {
            String checker = sender.equals("client") ? "server" : "client";
            Secret made = secret(t, sender + "_computes_finished", sender + "_verify_data");
            Secret checked = secret(t, checker + "_verifies_finished", sender + "_verify_data");
            assertThat(checked.formula()).as("%s: %s's formula", exchange.id(), checker).isNotBlank()
                    .isEqualTo(made.formula());
            assertThat(checked.inputs()).isNotEmpty().isEqualTo(made.inputs());
            assertThat(checked.hex()).isEqualTo(made.hex());
        }
    }

    /**
     * RFC 5246 section 8.1.2: a DHE premaster loses its leading zero bytes, so with some seeds it is shorter than
     * p. A student who counts the bytes finds the formula saying so.
     */
    @org.junit.jupiter.api.Test
    void aShortDhePremasterIsExplainedByItsFormula() {
        for (long seed = 1; seed < 2000; seed++) {
            Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.DHE).withSeed(seed));
            Secret premaster = secret(t, "client_computes_premaster", "premaster_secret");
            if (premaster.bytes().length < t.secrets().get("dh_p").length) {
                assertThat(premaster.formula()).contains("leading zero bytes stripped (RFC 5246 section 8.1.2)");
                assertThat(premaster.inputs()).contains("dh_p");
                return;
            }
        }
        throw new AssertionError("no seed below 2000 gives a DHE premaster with a leading zero byte");
    }

    private static Secret secret(Trace t, String step, String name) {
        return t.step(step).orElseThrow().secrets().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(step + " shows no " + name));
    }

    /**
     * Every TLS 1.3 key-schedule formula recomputes, by hand, to the value shown: HKDF from RFC 5869 with the
     * HkdfLabel of RFC 8446 section 7.1 built from the label the formula names, nothing else assumed.
     */
    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"})
    void tls13FormulasRecomputeToTheValuesShown(CipherSuite suite) throws Exception {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.TLS13).withCipherSuite(suite));
        Map<String, byte[]> values = t.secrets();
        List<String> recomputed = new ArrayList<>();
        for (Step step : t.steps()) {
            if (!(step instanceof ComputationStep)) {
                continue;
            }
            for (Secret s : step.secrets()) {
                String rhs = s.formula().substring(s.formula().indexOf(" = ") + 3);
                if (!rhs.startsWith("HKDF-")) {
                    continue;
                }
                Matcher label = Pattern.compile("; full label \"tls13 ([^\"]*)\"$").matcher(rhs);
                String fullLabel = label.find() ? label.group(1) : null;
                String expr = rhs.replaceFirst("; full label \"[^\"]*\"$", "").replaceFirst(" \\(no PSK\\)$", "");
                byte[] value = new Eval(suite, values, fullLabel).eval(expr);
                assertThat(value).as("%s recomputed from %s", s.name(), s.formula()).isEqualTo(s.bytes());
                recomputed.add(s.name());
            }
        }
        assertThat(recomputed).contains("early_secret", "handshake_secret", "client_handshake_traffic_secret",
                "server_handshake_write_key", "server_handshake_write_iv", "client_finished_key", "master_secret",
                "client_application_traffic_secret_0", "exporter_master_secret", "client_application_write_iv");
    }

    /** A tiny reader for the notation the formulas use. */
    private record Eval(CipherSuite suite, Map<String, byte[]> values, String fullLabel) {
        private static final Pattern EXTRACT = Pattern.compile("^HKDF-Extract\\(salt = (.*), IKM = (.*)\\)$");
        private static final Pattern EXPAND = Pattern.compile("^HKDF-Expand-Label\\((\\w+), \"([^\"]*)\", (.*), (\\d+)\\)$");
        private static final Pattern ZEROS = Pattern.compile("^(\\d+) zero bytes$");
        private static final Pattern HASH_OF_NOTHING = Pattern.compile("^SHA-(\\d+)\\(\"\"\\)$");

        byte[] eval(String e) throws GeneralSecurityException {
            Matcher m;
            if ((m = EXTRACT.matcher(e)).matches()) {
                return hmac(eval(m.group(1)), eval(m.group(2)));
            }
            if ((m = EXPAND.matcher(e)).matches()) {
                assertThat(fullLabel).as("the full label of %s", e).isEqualTo(m.group(2));
                return expandLabel(eval(m.group(1)), m.group(2), eval(m.group(3)), Integer.parseInt(m.group(4)));
            }
            if ((m = ZEROS.matcher(e)).matches()) {
                return new byte[Integer.parseInt(m.group(1))];
            }
            if ((m = HASH_OF_NOTHING.matcher(e)).matches()) {
                return MessageDigest.getInstance("SHA-" + m.group(1)).digest();
            }
            if (e.equals("\"\"")) {
                return new byte[0];
            }
            byte[] v = values.get(e);
            assertThat(v).as("a value named %s", e).isNotNull();
            return v;
        }

        private String macName() {
            return suite.hashLength() == 48 ? "HmacSHA384" : "HmacSHA256";
        }

        private byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
            Mac mac = Mac.getInstance(macName());
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, macName()));
            return mac.doFinal(data);
        }

        /** RFC 8446 section 7.1 HkdfLabel, RFC 5869 HKDF-Expand. */
        private byte[] expandLabel(byte[] secret, String label, byte[] context, int length)
                throws GeneralSecurityException {
            byte[] full = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            info.write(length >> 8);
            info.write(length);
            info.write(full.length);
            info.writeBytes(full);
            info.write(context.length);
            info.writeBytes(context);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] previous = new byte[0];
            for (int i = 1; out.size() < length; i++) {
                ByteArrayOutputStream block = new ByteArrayOutputStream();
                block.writeBytes(previous);
                block.writeBytes(info.toByteArray());
                block.write(i);
                previous = hmac(secret, block.toByteArray());
                out.writeBytes(previous);
            }
            return java.util.Arrays.copyOf(out.toByteArray(), length);
        }
    }
}
