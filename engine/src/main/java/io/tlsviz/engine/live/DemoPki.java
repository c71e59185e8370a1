package io.tlsviz.engine.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo certificate authority and server certificate the live peers use. A fixed pair ships as
 * resources, because generating RSA-2048 keys in a cold JVM takes a second or two and because a fixed
 * key keeps handshakes reproducible; {@link #generate} makes a fresh pair on request.
 *
 * <p>The server certificate carries both keyEncipherment (TLS_RSA_* key transport) and digitalSignature
 * (DHE/ECDHE/TLS 1.3 signatures), so one certificate serves every exchange.
 */
public record DemoPki(X509CertificateHolder caCertificate, X509CertificateHolder serverCertificate,
        PrivateKeyInfo serverPrivateKey) {

    public static final String SERVER_NAME = "server.tlsviz.example";
    private static final String RESOURCE_DIR = "/io/tlsviz/engine/pki/";

    /** The shipped demo CA and server key pair. Loaded once. */
    public static DemoPki shipped() {
        return Holder.SHIPPED;
    }

    private static final class Holder {
        static final DemoPki SHIPPED = load();
    }

    private static DemoPki load() {
        return new DemoPki(
                (X509CertificateHolder) readPem(RESOURCE_DIR + "ca.crt"),
                (X509CertificateHolder) readPem(RESOURCE_DIR + "server.crt"),
                ((PEMKeyPair) readPem(RESOURCE_DIR + "server.key")).getPrivateKeyInfo());
    }

    private static Object readPem(String resource) {
        InputStream in = DemoPki.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Resource not found: " + resource);
        }
        try (PEMParser parser = new PEMParser(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            Object o = parser.readObject();
            if (o == null) {
                throw new IllegalStateException("No PEM object in resource " + resource);
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + resource, e);
        }
    }

    /** A fresh CA and server certificate with new RSA-2048 keys. Takes a second or two. */
    public static DemoPki generate(SecureRandom random) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(2048, random);
            KeyPair ca = kpg.generateKeyPair();
            KeyPair server = kpg.generateKeyPair();
            Instant notBefore = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
            Instant notAfter = ZonedDateTime.of(2045, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
            X500Name caName = new X500Name("CN=tlsviz demo CA,O=tlsviz");
            X500Name serverName = new X500Name("CN=" + SERVER_NAME + ",O=tlsviz");

            X509v3CertificateBuilder caBuilder = new X509v3CertificateBuilder(caName, BigInteger.ONE,
                    Date.from(notBefore), Date.from(notAfter), caName,
                    SubjectPublicKeyInfo.getInstance(ca.getPublic().getEncoded()));
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            caBuilder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509CertificateHolder caCert = caBuilder.build(signer(ca.getPrivate()));

            X509v3CertificateBuilder sb = new X509v3CertificateBuilder(caName, BigInteger.TWO,
                    Date.from(notBefore), Date.from(notAfter), serverName,
                    SubjectPublicKeyInfo.getInstance(server.getPublic().getEncoded()));
            sb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            sb.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            sb.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            sb.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, SERVER_NAME)));
            X509CertificateHolder serverCert = sb.build(signer(ca.getPrivate()));
            return new DemoPki(caCert, serverCert, PrivateKeyInfo.getInstance(server.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot generate the demo PKI: " + e.getMessage(), e);
        }
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withRSA").build(key);
    }

    /** Parsing that reads immutable input, done once per input object and kept while the object lives. */
    private interface Parse<K, V> {
        V apply(K key) throws IOException;
    }

    /**
     * A weak map from input to its parse, with the last input remembered by identity in front of it: the map's
     * lookup hashes the whole ASN.1 structure, which every handshake would otherwise pay several times over.
     */
    private static final class ParsedOnce<K, V> {
        private final java.util.Map<K, V> byValue = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
        private volatile Last<K, V> last;

        private record Last<K, V>(java.lang.ref.WeakReference<K> key, V value) {
        }

        V get(K key, Parse<K, V> parse) {
            Last<K, V> l = last;
            if (l != null && key != null && l.key().get() == key) {
                return l.value();
            }
            V v = byValue.computeIfAbsent(key, k -> {
                try {
                    return parse.apply(k);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            last = new Last<>(new java.lang.ref.WeakReference<>(key), v);
            return v;
        }
    }

    private static final ParsedOnce<PrivateKeyInfo, AsymmetricKeyParameter> BC_KEYS = new ParsedOnce<>();
    private static final ParsedOnce<PrivateKeyInfo, PrivateKey> JDK_KEYS = new ParsedOnce<>();
    private static final ParsedOnce<X509CertificateHolder, RSAPublicKey> JDK_PUBLIC_KEYS = new ParsedOnce<>();
    private static final ParsedOnce<X509CertificateHolder, byte[]> SPKI = new ParsedOnce<>();

    /** The server's private key for Bouncy Castle's lightweight API (parsed once; the parameters are immutable). */
    public AsymmetricKeyParameter serverPrivateKeyParameter() {
        return BC_KEYS.get(serverPrivateKey, PrivateKeyFactory::createKey);
    }

    /** The server's private key as a JDK key (for the key-pair check and the forward-secrecy lesson). */
    public PrivateKey serverPrivateKeyJdk() {
        return JDK_KEYS.get(serverPrivateKey, k -> new JcaPEMKeyConverter().getPrivateKey(k));
    }

    /** The certificate's public key as a JDK key (parsed once). */
    public RSAPublicKey serverPublicKeyJdk() {
        return JDK_PUBLIC_KEYS.get(serverCertificate,
                c -> (RSAPublicKey) new JcaPEMKeyConverter().getPublicKey(c.getSubjectPublicKeyInfo()));
    }

    private static final ParsedOnce<X509CertificateHolder, java.security.PublicKey> JDK_CA_KEYS = new ParsedOnce<>();

    /** The CA's public key as a JDK key (parsed once): what the client checks the server's certificate with. */
    public java.security.PublicKey caPublicKeyJdk() {
        return JDK_CA_KEYS.get(caCertificate, c -> new JcaPEMKeyConverter().getPublicKey(c.getSubjectPublicKeyInfo()));
    }

    /** The CA's SubjectPublicKeyInfo (DER), as the client's trust store holds it in the CA certificate. */
    public byte[] caPublicKeyInfo() {
        return SPKI.get(caCertificate, c -> c.getSubjectPublicKeyInfo().getEncoded("DER")).clone();
    }

    private static final ParsedOnce<X509CertificateHolder, byte[]> TBS = new ParsedOnce<>();
    /**
     * Per PKI (its CA's key and its certificate together: the verdict depends on both), the verdict under each
     * algorithm name asked for (the name is outside the signed bytes).
     */
    private static final ParsedOnce<DemoPki, java.util.Map<String, Boolean>> CA_SIGNED = new ParsedOnce<>();

    /**
     * Whether the CA's signature over {@code tbs} verifies with the CA's public key (the JDK's Signature under
     * {@code jdkName}). For this PKI's own certificate, unchanged, the JDK checks it once per PKI and
     * algorithm name (the name is not among the signed bytes, so a changed one is checked apart): every
     * handshake that carries those exact bytes makes the same statement. Any other bytes (a certificate changed
     * on the way) are checked on the spot.
     */
    boolean caSigned(String jdkName, byte[] tbs, byte[] signature) {
        X509CertificateHolder own = serverCertificate;
        byte[] ownTbs = TBS.get(own, c -> c.toASN1Structure().getTBSCertificate().getEncoded("DER"));
        if (!java.util.Arrays.equals(tbs, ownTbs) || !java.util.Arrays.equals(signature, own.getSignature())) {
            return Arithmetic.verifySignature(caPublicKeyJdk(), jdkName, tbs, signature);
        }
        return CA_SIGNED.get(this, pki -> new java.util.concurrent.ConcurrentHashMap<>()).computeIfAbsent(jdkName,
                name -> Arithmetic.verifySignature(caPublicKeyJdk(), name, tbs, signature));
    }

    private static final ParsedOnce<DemoPki, Boolean> PAIRS = new ParsedOnce<>();

    /**
     * Whether the certificate's public key and the server's private key are one RSA key pair: the same modulus,
     * n = p * q with p and q two different primes, and e * d = 1 (mod lcm(p - 1, q - 1)), so that encrypting
     * with one is undone by the other (RFC 8017 section 3). Checked once per PKI, with BigInteger; the proof of
     * an RSA premaster relies on it.
     */
    public boolean keyPairMatches() {
        return PAIRS.get(this, pki -> {
            if (!(pki.serverPrivateKeyJdk() instanceof java.security.interfaces.RSAPrivateCrtKey sk)) {
                return false;
            }
            RSAPublicKey pk = pki.serverPublicKeyJdk();
            BigInteger n = pk.getModulus();
            BigInteger p1 = sk.getPrimeP().subtract(BigInteger.ONE);
            BigInteger q1 = sk.getPrimeQ().subtract(BigInteger.ONE);
            BigInteger lambda = p1.divide(p1.gcd(q1)).multiply(q1);
            return sk.getModulus().equals(n) && sk.getPrimeP().multiply(sk.getPrimeQ()).equals(n)
                    && !sk.getPrimeP().equals(sk.getPrimeQ())
                    && sk.getPrimeP().isProbablePrime(64) && sk.getPrimeQ().isProbablePrime(64)
                    && pk.getPublicExponent().multiply(sk.getPrivateExponent()).mod(lambda).equals(BigInteger.ONE);
        });
    }

    /** The server's SubjectPublicKeyInfo (DER), as the certificate carries it. */
    public byte[] serverPublicKeyInfo() {
        return SPKI.get(serverCertificate, c -> c.getSubjectPublicKeyInfo().getEncoded("DER")).clone();
    }

    /** The server's private key in PEM (PKCS#8), as the forward-secrecy lesson "leaks" it. */
    public String serverPrivateKeyPem() {
        return pem(serverPrivateKeyJdk());
    }

    public static String pem(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }
}
