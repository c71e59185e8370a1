package io.tlsviz.engine.live;

import io.tlsviz.engine.ScenarioOptions;
import java.io.IOException;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerContext;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/** The in-process server: accepts exactly the scenario's version, suite and group, with the demo certificate. */
final class LiveServer extends DefaultTlsServer {
    private final ScenarioOptions options;
    private final CapturingCrypto crypto;
    private final DemoPki pki;
    private final AsymmetricKeyParameter privateKey;

    LiveServer(CapturingCrypto crypto, ScenarioOptions options, DemoPki pki) {
        super(crypto);
        this.crypto = crypto;
        this.options = options;
        this.pki = pki;
        this.privateKey = pki.serverPrivateKeyParameter();
    }

    TlsServerContext context() {
        return context;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return new ProtocolVersion[] {options.exchange().isTls13() ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12};
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {options.cipherSuite().code()};
    }

    @Override
    public int[] getSupportedGroups() {
        return new int[] {options.group().code()};
    }

    @Override
    protected int selectDH(int minimumFiniteFieldBits) {
        return options.group().code();
    }

    @Override
    protected int selectECDH(int minimumCurveBits) {
        return options.group().code();
    }

    @Override
    protected int getMaximumNegotiableFiniteFieldBits() {
        return 8192;
    }

    @Override
    protected boolean allowEncryptThenMAC() {
        return options.encryptThenMac();
    }

    @Override
    public boolean shouldUseExtendedMasterSecret() {
        return options.extendedMasterSecret();
    }

    private TlsCertificate certificate() throws IOException {
        return crypto.createCertificate(pki.serverCertificate().getEncoded());
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        if (TlsUtils.isTLSv13(context.getServerVersion())) {
            // RFC 8446 section 4.4.3: TLS 1.3 signs with RSA-PSS (rsae) for an RSA key.
            Certificate chain = new Certificate(TlsUtils.EMPTY_BYTES,
                    new CertificateEntry[] {new CertificateEntry(certificate(), null)});
            return signer(chain, SignatureScheme.getSignatureAndHashAlgorithm(SignatureScheme.rsa_pss_rsae_sha256));
        }
        return super.getCredentials();
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        // The textbook choice for TLS 1.2: RSASSA-PKCS1-v1_5 with SHA-256.
        return signer(new Certificate(new TlsCertificate[] {certificate()}),
                SignatureScheme.getSignatureAndHashAlgorithm(SignatureScheme.rsa_pkcs1_sha256));
    }

    private TlsCredentialedSigner signer(Certificate chain, SignatureAndHashAlgorithm alg) {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey, chain, alg);
    }

    @Override
    protected TlsCredentialedDecryptor getRSAEncryptionCredentials() throws IOException {
        BcDefaultTlsCredentialedDecryptor inner = new BcDefaultTlsCredentialedDecryptor(crypto,
                new Certificate(new TlsCertificate[] {certificate()}), privateKey);
        return new TlsCredentialedDecryptor() {
            @Override
            public TlsSecret decrypt(TlsCryptoParameters cryptoParams, byte[] ciphertext) throws IOException {
                TlsSecret s = inner.decrypt(cryptoParams, ciphertext);
                crypto.record(new Capture.RsaPremasterDecrypted(ciphertext.clone(), crypto.copy(s)));
                return s;
            }

            @Override
            public Certificate getCertificate() {
                return inner.getCertificate();
            }
        };
    }

    @Override
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        crypto.record(new Capture.AlertRaised(alertDescription, message != null ? message
                : cause != null ? cause.getMessage() : null));
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        crypto.record(new Capture.HandshakeComplete());
    }
}
