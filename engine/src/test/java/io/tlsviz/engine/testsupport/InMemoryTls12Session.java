package io.tlsviz.engine.testsupport;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsHMAC;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Test utility: a real TLS 1.2 session between Bouncy Castle's client and server, both in memory on one thread
 * (non-blocking {@code offerInput}/{@code readOutput}, as BC's own TlsProtocolNonBlockingTest). Records every
 * record each side sends and copies the secrets needed to check the wire independently.
 */
public final class InMemoryTls12Session {

    /** One whole TLS record (header included) as it crossed the wire. */
    public record WireRecord(boolean fromClient, byte[] bytes) {
        public int type() {
            return bytes[0] & 0xff;
        }
    }

    /**
     * What happened: every record in wire order and the secrets (copied before Bouncy Castle clears them).
     *
     * @param keyBlock       the TLS 1.2 key block (RFC 5246 section 6.3) derived by Bouncy Castle's own PRF, longer
     *                       than any suite needs (the PRF output of a shorter length is a prefix of it)
     * @param cbcRecordLayerKeyBlock for a CBC suite, the key block exactly as long as Bouncy Castle's record layer
     *                       derived it (TlsBlockCipher), the MAC keys and write keys cut from it; null for GCM
     */
    public record Result(List<WireRecord> records, byte[] clientRandom, byte[] serverRandom, byte[] masterSecret,
            byte[] keyBlock, byte[] cbcRecordLayerKeyBlock, boolean encryptThenMac, byte[] clientReceived,
            byte[] serverReceived) {

        /** The encrypted records one side sent after its ChangeCipherSpec, in order: index = sequence number. */
        public List<byte[]> protectedRecords(boolean fromClient) {
            List<byte[]> out = new ArrayList<>();
            boolean afterCcs = false;
            for (WireRecord r : records) {
                if (r.fromClient() != fromClient) {
                    continue;
                }
                if (afterCcs) {
                    out.add(r.bytes());
                } else if (r.type() == 20) {
                    afterCcs = true;
                }
            }
            return out;
        }
    }

    private static KeyPair rsaKeyPair;
    private static byte[] certificateDer;

    private InMemoryTls12Session() {
    }

    /** Runs a full handshake for one suite, one application data record each way, then the client closes. */
    public static Result run(int cipherSuite, boolean allowEncryptThenMac, byte[] clientData, byte[] serverData)
            throws Exception {
        SecureRandom random = new SecureRandom();
        KeyBlockWitness crypto = new KeyBlockWitness(random);
        Capture capture = new Capture(crypto);

        TlsClientProtocol clientProtocol = new TlsClientProtocol();
        TlsServerProtocol serverProtocol = new TlsServerProtocol();
        List<WireRecord> records = new ArrayList<>();

        clientProtocol.connect(new Client(crypto, cipherSuite, capture));
        serverProtocol.accept(new Server(crypto, cipherSuite, allowEncryptThenMac));
        for (int round = 0; round < 20 && (clientProtocol.isHandshaking() || serverProtocol.isHandshaking()); round++) {
            transfer(clientProtocol, serverProtocol, true, records);
            transfer(serverProtocol, clientProtocol, false, records);
        }
        if (clientProtocol.isHandshaking() || serverProtocol.isHandshaking() || capture.masterSecret == null) {
            throw new IllegalStateException("handshake did not complete");
        }

        clientProtocol.writeApplicationData(clientData, 0, clientData.length);
        transfer(clientProtocol, serverProtocol, true, records);
        byte[] serverReceived = drain(serverProtocol);
        serverProtocol.writeApplicationData(serverData, 0, serverData.length);
        transfer(serverProtocol, clientProtocol, false, records);
        byte[] clientReceived = drain(clientProtocol);

        clientProtocol.close();
        transfer(clientProtocol, serverProtocol, true, records);
        // The server answers close_notify with its own; the client has already closed, so it is only recorded.
        transfer(serverProtocol, null, false, records);

        return new Result(List.copyOf(records), capture.clientRandom, capture.serverRandom, capture.masterSecret,
                capture.keyBlock, crypto.cbcKeyBlock, capture.encryptThenMac, clientReceived, serverReceived);
    }

    /**
     * Bouncy Castle's crypto, noting the key block its CBC record layer derives: TlsBlockCipher passes the whole
     * key_block array to each MAC's {@code setKey} with the MAC key's offset and length.
     */
    private static final class KeyBlockWitness extends BcTlsCrypto {
        byte[] cbcKeyBlock;

        KeyBlockWitness(SecureRandom random) {
            super(random);
        }

        @Override
        protected TlsHMAC createMAC(TlsCryptoParameters cryptoParams, int macAlgorithm) throws IOException {
            TlsHMAC inner = super.createMAC(cryptoParams, macAlgorithm);
            return new TlsHMAC() {
                @Override
                public void setKey(byte[] key, int keyOff, int keyLen) {
                    cbcKeyBlock = key.clone();
                    inner.setKey(key, keyOff, keyLen);
                }

                @Override
                public void update(byte[] input, int inOff, int length) {
                    inner.update(input, inOff, length);
                }

                @Override
                public byte[] calculateMAC() {
                    return inner.calculateMAC();
                }

                @Override
                public void calculateMAC(byte[] output, int outOff) {
                    inner.calculateMAC(output, outOff);
                }

                @Override
                public int getMacLength() {
                    return inner.getMacLength();
                }

                @Override
                public void reset() {
                    inner.reset();
                }

                @Override
                public int getInternalBlockSize() {
                    return inner.getInternalBlockSize();
                }
            };
        }
    }

    private static void transfer(TlsProtocol from, TlsProtocol to, boolean fromClient, List<WireRecord> records)
            throws IOException {
        int available = from.getAvailableOutputBytes();
        if (available == 0) {
            return;
        }
        byte[] bytes = new byte[available];
        from.readOutput(bytes, 0, available);
        // Split the stream into records by their 5-byte headers (RFC 5246 section 6.2.1).
        int at = 0;
        while (at < bytes.length) {
            if (bytes.length - at < 5) {
                throw new IllegalStateException("partial record header in output");
            }
            int length = ((bytes[at + 3] & 0xff) << 8) | (bytes[at + 4] & 0xff);
            records.add(new WireRecord(fromClient, Arrays.copyOfRange(bytes, at, at + 5 + length)));
            at += 5 + length;
        }
        if (to != null) {
            to.offerInput(bytes);
        }
    }

    private static byte[] drain(TlsProtocol protocol) {
        byte[] data = new byte[protocol.getAvailableInputBytes()];
        protocol.readInput(data, 0, data.length);
        return data;
    }

    /** Copies secrets in the client's notifyHandshakeComplete, before Bouncy Castle's cleanupHandshake. */
    private static final class Capture {
        final BcTlsCrypto crypto;
        byte[] clientRandom;
        byte[] serverRandom;
        byte[] masterSecret;
        byte[] keyBlock;
        boolean encryptThenMac;

        Capture(BcTlsCrypto crypto) {
            this.crypto = crypto;
        }

        void take(SecurityParameters sp) {
            clientRandom = sp.getClientRandom().clone();
            serverRandom = sp.getServerRandom().clone();
            encryptThenMac = sp.isEncryptThenMAC();
            // extract() destroys a secret: work on copies.
            TlsSecret master = sp.getMasterSecret();
            masterSecret = crypto.adoptSecret(master).extract();
            byte[] seed = new byte[64];
            System.arraycopy(serverRandom, 0, seed, 0, 32);
            System.arraycopy(clientRandom, 0, seed, 32, 32);
            // More than the largest suite here needs: 2 x (48 MAC + 32 key).
            keyBlock = crypto.adoptSecret(master).deriveUsingPRF(sp.getPRFAlgorithm(), "key expansion", seed, 192)
                    .extract();
        }
    }

    private static final class Client extends DefaultTlsClient {
        private final int cipherSuite;
        private final Capture capture;

        Client(BcTlsCrypto crypto, int cipherSuite, Capture capture) {
            super(crypto);
            this.cipherSuite = cipherSuite;
            this.capture = capture;
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {cipherSuite};
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv12.only();
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new ServerOnlyTlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                    // A throwaway certificate: nothing to verify.
                }
            };
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            capture.take(context.getSecurityParametersConnection());
        }
    }

    private static final class Server extends DefaultTlsServer {
        private final int cipherSuite;
        private final boolean allowEncryptThenMac;

        Server(BcTlsCrypto crypto, int cipherSuite, boolean allowEncryptThenMac) {
            super(crypto);
            this.cipherSuite = cipherSuite;
            this.allowEncryptThenMac = allowEncryptThenMac;
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {cipherSuite};
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv12.only();
        }

        @Override
        protected boolean allowEncryptThenMAC() {
            return allowEncryptThenMac;
        }

        @Override
        protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
            BcTlsCrypto crypto = (BcTlsCrypto) getCrypto();
            try {
                ensureCertificate();
                AsymmetricKeyParameter privateKey = PrivateKeyFactory.createKey(rsaKeyPair.getPrivate().getEncoded());
                TlsCertificate cert = crypto.createCertificate(certificateDer);
                return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey,
                        new Certificate(new TlsCertificate[] {cert}),
                        new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("cannot make the test certificate", e);
            }
        }
    }

    /** A throwaway self-signed RSA-2048 certificate, made once per test run. */
    private static synchronized void ensureCertificate() throws Exception {
        if (rsaKeyPair != null) {
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=tlsviz test server");
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)), name, pair.getPublic());
        certificateDer = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()))
                .getEncoded();
        rsaKeyPair = pair;
    }
}
