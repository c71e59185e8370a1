package io.tlsviz.app.i18n;

import io.tlsviz.engine.ComputationStep;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each step's title and meaning for students, in English or German, from the bundle
 * {@code io/tlsviz/app/i18n/steps} keyed by step name ({@code client_key_exchange.meaning}; a repeat suffix such
 * as {@code _2} is ignored). Message titles stay the protocol's message names (ClientHello, Finished, ...).
 *
 * <p>Where the engine's sentence carries something only the live run knows (the alert and Bouncy Castle's reason,
 * the certificate's subject, why a check failed), the fixed part is translated and the engine's detail is
 * filled in. A name the bundle does not know keeps the engine's own text.
 *
 * <p>Variants of one step are keys with a suffix, chosen from the step itself or the scenario:
 * {@code .tls13}, {@code .rsa}, {@code .ecdhe}, {@code .ems}, {@code .mac}, {@code .dh}, {@code .failed}, {@code .nokeys},
 * {@code .bad}, and for a signature that does not verify {@code .failed.params}, {@code .failed.signature}, ... (the
 * part of the signed bytes that differs). Placeholders {@code {0}}, {@code {1}} are replaced literally (no MessageFormat quoting).
 */
public final class StepTexts {
    public static final String BUNDLE = "io.tlsviz.app.i18n.steps";

    /** The engine's suffix for a record that crossed the wire encrypted (engine StepTexts.messageMeaning). */
    private static final String ENGINE_ENCRYPTED = " (Encrypted on the wire.)";
    /** Engine Run: alertMeaning(name) + " Bouncy Castle says: " + why + "." */
    private static final Pattern REJECTED = Pattern.compile("(?s)^([a-z_]+): .*?(?: Bouncy Castle says: (.*)\\.)?$");
    /** Engine Run: "The certificate checks out: SUBJECT, signed by ISSUER; valid today; issued for NAME, ...". */
    private static final Pattern CERT_OK = Pattern.compile(
            "(?s)^The certificate checks out: (.+), signed by (.+); valid today; issued for ([^,]+), .*$");
    /** Engine Run's failure sentences (engine/live/Run.java). */
    private static final Pattern FAILURE_REJECTED = Pattern.compile(
            "(?s)^the (client|server) rejected the (.+?) with a fatal ([a-z_]+) alert(?: \\(.*\\))?$");
    private static final Pattern FAILURE_LOST = Pattern.compile("(?s)^the (.+?) from the (client|server) was lost on the way$");
    private static final Pattern FAILURE_STALLED = Pattern.compile(
            "(?s)^the connection stalled: the (client|server) waits for bytes that never come$");
    private static final Pattern FAILURE_CHANGED = Pattern.compile(
            "(?s)^the handshake was changed on the way and could not go on.*$");
    private static final Pattern CERT_FAILED = Pattern.compile("(?s)^The certificate does not check out: (.+)\\.$");
    private static final Pattern SUFFIX = Pattern.compile("_\\d+$");
    /**
     * The English words inside the engine's formulas and value descriptions, each with its bundle key, longest
     * first. Everything else in a formula (names, functions, labels such as "key expansion") is the protocol's
     * own and stays as it is.
     */
    private static final String[][] FORMULA_WORDS = {
        {"(ServerECDHParams: named_curve, the curve's code, the point after its 1-byte length; RFC 8422 section 5.4)",
            "formula.ec_params"},
        {"(ServerDHParams, each value after its 2-byte length; RFC 5246 section 7.4.3)", "formula.dh_params"},
        {"the signed part of the server's certificate, as the Certificate message carries it", "formula.tbs_certificate"},
        {"the CA's public key, from the client's trust store", "formula.ca_public_key"},
        {"(tbsCertificate, RFC 5280 section 4.1)", "formula.tbs_certificate_rfc"},
        {"(RFC 8446 section 4.4.3)", "formula.certificate_verify_rfc"},
        {"invalid signature", "formula.invalid_signature"},
        {"valid signature", "formula.valid_signature"},
        {"32 random bytes the client chose", "formula.client_random"},
        {"32 random bytes the server chose", "formula.server_random"},
        {"32 random bytes (RFC 7748 section 5)", "formula.x25519_private"},
        {"the server's own public key, as its certificate carries it", "formula.own_public_key"},
        {"the server's own private key (PKCS#8), never sent", "formula.own_private_key"},
        {"the public key in the server's certificate", "formula.server_public_key"},
        {", leading zero bytes stripped (RFC 5246 section 8.1.2)", "formula.leading_zeros_stripped"},
        {"the prime modulus of", "formula.prime_modulus"},
        {"the generator", "formula.generator"},
        {"a random exponent,", "formula.random_exponent"},
        {"a random scalar d,", "formula.random_scalar"},
        {"46 random bytes", "formula.premaster_random"},
        {"(a point on", "formula.point_on"},
        {"x-coordinate of", "formula.x_coordinate"},
        {"(uncompressed point)", "formula.uncompressed_point"},
        {"(no PSK)", "formula.no_psk"},
        {"zero bytes", "formula.zero_bytes"},
        {"; full label", "formula.full_label"},
    };

    private final Messages texts;

    public StepTexts(Locale locale) {
        this.texts = Messages.forBundle(BUNDLE, locale);
    }

    public Locale locale() {
        return texts.locale();
    }

    /** The name the bundle knows a step by: without a repeat suffix such as {@code _2}. */
    public static String baseName(String stepName) {
        return SUFFIX.matcher(stepName).replaceFirst("");
    }

    /** Whether the bundle has a title and a meaning for this step name. */
    public boolean knows(String stepName) {
        String base = baseName(stepName);
        return texts.has(base + ".title") && texts.has(base + ".meaning");
    }

    /** The step's title: a message keeps its protocol name, a computation is translated. */
    public String title(Step step) {
        if (step instanceof MessageStep) {
            return step.title();
        }
        String base = baseName(step.name());
        if (!knows(base)) {
            return step.title();
        }
        return pick(base + ".title", titleVariant(base, step));
    }

    /**
     * A value's formula or description in this language: the engine writes them in English ("32 random bytes the
     * client chose", "x-coordinate of a * B"); names, functions and the protocol's labels stay as they are.
     */
    public String formula(String engine) {
        if (engine == null || engine.isEmpty() || locale().getLanguage().equals(Locale.ENGLISH.getLanguage())) {
            return engine;
        }
        String out = engine;
        for (String[] word : FORMULA_WORDS) {
            if (out.contains(word[0]) && texts.has(word[1])) {
                out = out.replace(word[0], texts.get(word[1]));
            }
        }
        return out;
    }

    /** What the step means, for the scenario it ran in. */
    public String meaning(Step step, ScenarioOptions options) {
        Objects.requireNonNull(options, "options");
        String base = baseName(step.name());
        if (!knows(base)) {
            return step.meaning();
        }
        String engine = step.meaning();
        String text;
        if (base.endsWith("_rejects_record")) {
            text = rejected(base, engine);
        } else if (base.endsWith("_verifies_certificate")) {
            text = certificate(step, engine);
        } else if (base.equals("handshake_aborted")) {
            text = fill(texts.get(base + ".meaning"), engine.strip());
        } else if (base.endsWith("_derives_master_secret")) {
            boolean ems = step.secrets().stream().anyMatch(s -> s.name().equals("session_hash"));
            text = fill(pick(base + ".meaning", ems ? "ems" : null), options.cipherSuite().hash());
        } else {
            text = pick(base + ".meaning", meaningVariant(base, step, engine, options));
        }
        if (text == null) {
            return engine;
        }
        if (step instanceof MessageStep && engine.endsWith(ENGINE_ENCRYPTED)) {
            text = text + " " + texts.get("encrypted_on_the_wire");
        }
        return text;
    }

    private String pick(String key, String variant) {
        return variant != null && texts.has(key + "." + variant) ? texts.get(key + "." + variant) : texts.get(key);
    }

    private static String titleVariant(String base, Step step) {
        if (base.endsWith("_verifies_finished") && failed(step) && step.secrets().isEmpty()) {
            return "nokeys";
        }
        if (base.endsWith("_makes_key_share") && usesFiniteFieldDh(step)) {
            return "dh";
        }
        return null;
    }

    private static String meaningVariant(String base, Step step, String engine, ScenarioOptions options) {
        Exchange exchange = options.exchange();
        String action = base.substring(base.indexOf('_') + 1);
        return switch (action) {
            case "hello", "change_cipher_spec" -> exchange.isTls13() ? "tls13" : null;
            case "key_exchange" -> exchange == Exchange.RSA ? "rsa" : exchange == Exchange.ECDHE ? "ecdhe" : null;
            case "derives_session_keys" -> step.secrets().stream().anyMatch(s -> s.name().endsWith("_mac_key"))
                    ? "mac" : null;
            case "verifies_finished" -> !failed(step) ? null : step.secrets().isEmpty() ? "nokeys" : "failed";
            // The engine does not mark this step failed: the server carries on with a random premaster.
            case "decrypts_premaster" -> engine.startsWith("The ciphertext does not") ? "bad" : null;
            case "verifies_server_signature", "verifies_signature" -> failed(step) ? signatureFailure(engine) : null;
            default -> null;
        };
    }

    /**
     * Engine Run's reasons why the server's signature does not verify (Run.signatureFailure), each by a phrase
     * only it has, with the bundle variant that says it in this language.
     */
    private static final String[][] SIGNATURE_FAILURES = {
        {"cannot be read", "failed.unreadable"},
        {"another client_random", "failed.client_random"},
        {"another server_random", "failed.server_random"},
        {"hash of the handshake differs", "failed.transcript"},
        {"key-exchange parameters the client received", "failed.params"},
        {"rebuilt exactly the bytes", "failed.signature"},
    };

    private static String signatureFailure(String engine) {
        for (String[] reason : SIGNATURE_FAILURES) {
            if (engine.contains(reason[0])) {
                return reason[1];
            }
        }
        return "failed";
    }

    /**
     * Why the handshake failed, in this language, from the engine's English sentence (Run's four kinds: a
     * rejected record, a lost one, a changed handshake, a stalled connection); the engine's sentence when it is
     * none of these. The alert's name is the one TLS gives it; Bouncy Castle's own reason is left to the step's
     * meaning.
     */
    public String failure(String engine, String alert) {
        Matcher m;
        if ((m = FAILURE_REJECTED.matcher(engine)).matches()) {
            return fill(texts.get("failure.rejected"), party(m.group(1)), m.group(2), m.group(3));
        }
        if ((m = FAILURE_LOST.matcher(engine)).matches()) {
            return fill(texts.get("failure.lost"), m.group(1), party(m.group(2)));
        }
        if ((m = FAILURE_STALLED.matcher(engine)).matches()) {
            return fill(texts.get("failure.stalled"), party(m.group(1)));
        }
        if (FAILURE_CHANGED.matcher(engine).matches()) {
            return alert == null ? texts.get("failure.changed") : fill(texts.get("failure.changed.alert"), alert);
        }
        return engine;
    }

    private String party(String id) {
        return texts.has("failure.party." + id) ? texts.get("failure.party." + id) : id;
    }

    /** The alert explained in this language, plus Bouncy Castle's own reason (which stays as the library wrote it). */
    private String rejected(String base, String engine) {
        Matcher m = REJECTED.matcher(engine);
        if (!m.matches()) {
            return texts.get(base + ".meaning") + "\n\n" + engine;
        }
        String alert = m.group(1);
        String text = texts.has("alert." + alert) ? texts.get("alert." + alert) : fill(texts.get("alert.other"), alert);
        return m.group(2) == null ? text : text + " " + fill(texts.get("bouncy_castle_says"), m.group(2));
    }

    private String certificate(Step step, String engine) {
        String base = baseName(step.name());
        Matcher ok = CERT_OK.matcher(engine);
        if (!failed(step) && ok.matches()) {
            return fill(texts.get(base + ".meaning"), ok.group(1), ok.group(2), ok.group(3));
        }
        Matcher bad = CERT_FAILED.matcher(engine);
        return bad.matches() ? fill(texts.get(base + ".meaning.failed"), bad.group(1)) : null;
    }

    private static boolean failed(Step step) {
        return step instanceof ComputationStep c && c.failed();
    }

    private static boolean usesFiniteFieldDh(Step step) {
        return step.secrets().stream().map(Secret::name).anyMatch(n -> n.endsWith("_dh_private"));
    }

    private static String fill(String pattern, String... args) {
        String out = pattern;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", args[i]);
        }
        return out;
    }
}
