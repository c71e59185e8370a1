package io.tlsviz.engine;

import io.tlsviz.engine.crypto.CipherSuite;
import java.util.Objects;

/**
 * Everything that decides a handshake. The same options with the same seed reproduce the handshake byte
 * for byte; {@code seed == null} means fresh randomness (a seed drawn from the system's SecureRandom when
 * the session starts, kept so that Back can replay it).
 *
 * @param exchange             rsa, dhe, ecdhe or tls13
 * @param cipherSuite          the suite the client offers (alone), consistent with the exchange
 * @param group                the (EC)DH group; ignored for RSA
 * @param extendedMasterSecret TLS 1.2: RFC 7627 extended master secret (off by default so the textbook
 *                             formula holds)
 * @param encryptThenMac       TLS 1.2 CBC suites: RFC 7366 encrypt-then-MAC
 * @param middleboxCompat      TLS 1.3: middlebox compatibility mode (RFC 8446 appendix D.4)
 * @param seed                 the seed of both peers' randomness, or null for fresh randomness
 */
public record ScenarioOptions(Exchange exchange, CipherSuite cipherSuite, Group group,
        boolean extendedMasterSecret, boolean encryptThenMac, boolean middleboxCompat, Long seed) {

    /** The seed used when none is given: the same handshake every time the app starts. */
    public static final long DEFAULT_SEED = 1L;

    public ScenarioOptions {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(group, "group");
        if (!fits(exchange, cipherSuite)) {
            throw new IllegalArgumentException("cipher suite " + cipherSuite.ianaName()
                    + " does not use the " + exchange.label() + " key exchange");
        }
        if (exchange == Exchange.DHE && !group.isFiniteField()) {
            throw new IllegalArgumentException("DHE needs a finite-field group (ffdhe2048 or ffdhe3072), not " + group.id());
        }
        if (exchange == Exchange.ECDHE && group.isFiniteField()) {
            throw new IllegalArgumentException("ECDHE needs an elliptic-curve group (x25519, secp256r1, secp384r1), not " + group.id());
        }
    }

    /** The defaults for each exchange, with the default seed. */
    public static ScenarioOptions defaults(Exchange exchange) {
        return switch (exchange) {
            case RSA -> new ScenarioOptions(exchange, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, Group.X25519,
                    false, false, false, DEFAULT_SEED);
            case DHE -> new ScenarioOptions(exchange, CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, Group.FFDHE2048,
                    false, false, false, DEFAULT_SEED);
            case ECDHE -> new ScenarioOptions(exchange, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, Group.X25519,
                    false, false, false, DEFAULT_SEED);
            case TLS13 -> new ScenarioOptions(exchange, CipherSuite.TLS_AES_128_GCM_SHA256, Group.X25519,
                    false, false, false, DEFAULT_SEED);
        };
    }

    /** Whether a suite can be used with an exchange; the live peers use RSA certificates only. */
    public static boolean fits(Exchange exchange, CipherSuite suite) {
        return switch (exchange) {
            case RSA -> suite.keyExchange() == CipherSuite.KeyExchange.RSA;
            case DHE -> suite.keyExchange() == CipherSuite.KeyExchange.DHE_RSA;
            case ECDHE -> suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_RSA;
            case TLS13 -> suite.isTls13();
        };
    }

    public String protocol() {
        return exchange.isTls13() ? "TLSv1.3" : "TLSv1.2";
    }

    public boolean isFresh() {
        return seed == null;
    }

    public ScenarioOptions withCipherSuite(CipherSuite s) {
        return new ScenarioOptions(exchange, s, group, extendedMasterSecret, encryptThenMac, middleboxCompat, seed);
    }

    public ScenarioOptions withGroup(Group g) {
        return new ScenarioOptions(exchange, cipherSuite, g, extendedMasterSecret, encryptThenMac, middleboxCompat, seed);
    }

    public ScenarioOptions withExtendedMasterSecret(boolean on) {
        return new ScenarioOptions(exchange, cipherSuite, group, on, encryptThenMac, middleboxCompat, seed);
    }

    public ScenarioOptions withEncryptThenMac(boolean on) {
        return new ScenarioOptions(exchange, cipherSuite, group, extendedMasterSecret, on, middleboxCompat, seed);
    }

    public ScenarioOptions withMiddleboxCompat(boolean on) {
        return new ScenarioOptions(exchange, cipherSuite, group, extendedMasterSecret, encryptThenMac, on, seed);
    }

    /** A fixed seed, or null for fresh randomness. */
    public ScenarioOptions withSeed(Long s) {
        return new ScenarioOptions(exchange, cipherSuite, group, extendedMasterSecret, encryptThenMac, middleboxCompat, s);
    }
}
