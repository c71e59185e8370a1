package io.tlsviz.engine.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A TLS 1.2 client and server from Bouncy Castle talking in memory on one thread (non-blocking
 * {@code offerInput}/{@code readOutput}, as BC's own TlsProtocolNonBlockingTest does), so tests get the real
 * records of a handshake, some application data and a close_notify, with no sockets and no sleeps.
 */
final class InMemoryTls12 {
    /** One record as it crossed the wire. */
    record Sent(boolean fromClient, byte[] record) {
        int contentType() {
            return record[0] & 0xff;
        }

        byte[] fragment() {
            return Arrays.copyOfRange(record, 5, record.length);
        }
    }

    static final String REQUEST = "GET / HTTP/1.1\r\nHost: tlsviz.test\r\n\r\n";
    static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";

    private static final Identity IDENTITY = Identity.create();

    private InMemoryTls12() {
    }

    /**
     * Runs a full TLS 1.2 handshake offering only {@code suite}, then one request and response, then the
     * client closes.
     *
     * @param group      the only group the client offers (NamedGroup code), or -1 for BC's defaults
     * @param allowEtm   whether the server accepts encrypt-then-MAC (BC clients always offer it)
     */
    static List<Sent> run(int suite, int group, boolean allowEtm, long seed) {
        try {
            BcTlsCrypto crypto = new BcTlsCrypto(seeded(seed));
            TlsClientProtocol client = new TlsClientProtocol();
            TlsServerProtocol server = new TlsServerProtocol();
            List<Sent> wire = new ArrayList<>();
            server.accept(new Server(crypto, suite, allowEtm));
            client.connect(new Client(crypto, suite, group));
            pump(client, server, wire);
            if (client.isHandshaking() || server.isHandshaking()) {
                throw new IllegalStateException("handshake did not complete");
            }
            byte[] request = REQUEST.getBytes(StandardCharsets.US_ASCII);
            client.writeApplicationData(request, 0, request.length);
            pump(client, server, wire);
            byte[] got = new byte[server.getAvailableInputBytes()];
            server.readInput(got, 0, got.length);
            if (!Arrays.equals(got, request)) {
                throw new IllegalStateException("server did not receive the request");
            }
            byte[] response = RESPONSE.getBytes(StandardCharsets.US_ASCII);
            server.writeApplicationData(response, 0, response.length);
            pump(client, server, wire);
            client.readInput(new byte[client.getAvailableInputBytes()], 0, client.getAvailableInputBytes());
            client.close();
            pump(client, server, wire);
            return wire;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pump(TlsProtocol client, TlsProtocol server, List<Sent> wire) throws IOException {
        for (boolean moved = true; moved; ) {
            moved = false;
            byte[] c = drain(client);
            if (c.length > 0) {
                wire.addAll(split(c, true));
                if (!server.isClosed()) {
                    server.offerInput(c);
                }
                moved = true;
            }
            byte[] s = drain(server);
            if (s.length > 0) {
                wire.addAll(split(s, false));
                if (!client.isClosed()) {
                    client.offerInput(s);
                }
                moved = true;
            }
        }
    }

    private static byte[] drain(TlsProtocol p) {
        byte[] out = new byte[p.getAvailableOutputBytes()];
        p.readOutput(out, 0, out.length);
        return out;
    }

    /** Splits a byte stream into records by their 5-byte headers (RFC 5246 section 6.2.1). */
    static List<Sent> split(byte[] stream, boolean fromClient) {
        List<Sent> records = new ArrayList<>();
        int pos = 0;
        while (pos + 5 <= stream.length) {
            int len = ((stream[pos + 3] & 0xff) << 8) | (stream[pos + 4] & 0xff);
            int end = Math.min(pos + 5 + len, stream.length);
            records.add(new Sent(fromClient, Arrays.copyOfRange(stream, pos, end)));
            pos = end;
        }
        if (pos != stream.length) {
            throw new IllegalStateException("stream does not end on a record boundary");
        }
        return records;
    }

    private static final class Client extends DefaultTlsClient {
        private final int suite;
        private final int group;

        Client(BcTlsCrypto crypto, int suite, int group) {
            super(crypto);
            this.suite = suite;
            this.group = group;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv12.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {suite};
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Vector getSupportedGroups(Vector namedGroupRoles) {
            if (group < 0) {
                return super.getSupportedGroups(namedGroupRoles);
            }
            Vector groups = new Vector();
            groups.add(group);
            return groups;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new ServerOnlyTlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                    // the test trusts its own throwaway certificate
                }
            };
        }
    }

    private static final class Server extends DefaultTlsServer {
        private final BcTlsCrypto bc;
        private final int suite;
        private final boolean allowEtm;

        Server(BcTlsCrypto crypto, int suite, boolean allowEtm) {
            super(crypto);
            this.bc = crypto;
            this.suite = suite;
            this.allowEtm = allowEtm;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv12.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {suite};
        }

        @Override
        protected boolean allowEncryptThenMAC() {
            return allowEtm;
        }

        private Certificate chain() throws IOException {
            return new Certificate(new TlsCertificate[] {bc.createCertificate(IDENTITY.der)});
        }

        @Override
        protected TlsCredentialedDecryptor getRSAEncryptionCredentials() throws IOException {
            return new BcDefaultTlsCredentialedDecryptor(bc, chain(), IDENTITY.key);
        }

        @Override
        protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), bc, IDENTITY.key, chain(),
                    new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
        }
    }

    /** A throwaway RSA-2048 key and self-signed certificate, fit for both RSA key transport and signing. */
    private record Identity(byte[] der, AsymmetricKeyParameter key) {
        static Identity create() {
            try {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048, seeded(42));
                KeyPair pair = gen.generateKeyPair();
                X500Name name = new X500Name("CN=tlsviz test server");
                Date from = new Date(1_704_067_200_000L); // 2024-01-01
                Date to = new Date(4_102_444_800_000L); // 2100-01-01
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, from, to,
                        name, pair.getPublic());
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()))
                        .getEncoded();
                AsymmetricKeyParameter key = PrivateKeyFactory.createKey(pair.getPrivate().getEncoded());
                if (!(key instanceof RSAKeyParameters)) {
                    throw new IllegalStateException("expected an RSA key");
                }
                return new Identity(der, key);
            } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
                throw new IllegalStateException("cannot create the test certificate", e);
            }
        }
    }

    /** All records of one run concatenated, for failure messages. */
    static String summary(List<Sent> wire) {
        StringBuilder s = new StringBuilder();
        for (Sent r : wire) {
            s.append(r.fromClient() ? "C->S " : "S->C ").append(r.contentType()).append(' ')
                    .append(r.record().length).append('\n');
        }
        return s.toString();
    }
}
