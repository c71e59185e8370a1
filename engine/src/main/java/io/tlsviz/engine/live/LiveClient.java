package io.tlsviz.engine.live;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.TlsClientContext;

/** The in-process client: offers exactly the scenario's version, suite and group. */
final class LiveClient extends DefaultTlsClient {
    private final ScenarioOptions options;
    private final CapturingCrypto crypto;
    private final X509CertificateHolder trustAnchor;
    private final Clock clock;

    LiveClient(CapturingCrypto crypto, ScenarioOptions options, X509CertificateHolder trustAnchor, Clock clock) {
        super(crypto);
        this.crypto = crypto;
        this.options = options;
        this.trustAnchor = trustAnchor;
        this.clock = clock;
    }

    TlsClientContext context() {
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
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        Vector groups = new Vector();
        if (options.exchange() != Exchange.RSA) {
            groups.add(options.group().code());
        }
        return groups;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Vector getEarlyKeyShareGroups() {
        Vector groups = new Vector();
        groups.add(options.group().code());
        return groups;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected Vector getSNIServerNames() {
        Vector names = new Vector();
        names.add(new ServerName(NameType.host_name, DemoPki.SERVER_NAME.getBytes(StandardCharsets.US_ASCII)));
        return names;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Hashtable getClientExtensions() throws IOException {
        Hashtable ext = super.getClientExtensions();
        if (!options.encryptThenMac()) {
            ext.remove(TlsExtensionsUtils.EXT_encrypt_then_mac);
        }
        return ext;
    }

    @Override
    public boolean shouldUseExtendedMasterSecret() {
        return options.extendedMasterSecret();
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return false;
    }

    @Override
    public boolean shouldUseCompatibilityMode() {
        return options.middleboxCompat();
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                checkChain(serverCertificate);
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
                return null;
            }
        };
    }

    /** RFC 5280 in miniature: one certificate, signed by the trust anchor (a CA), valid now, for our server name. */
    private void checkChain(TlsServerCertificate serverCertificate) throws IOException {
        TlsCertificate[] chain = serverCertificate.getCertificate().getCertificateList();
        String problem = null;
        String subject = "";
        if (chain.length == 0) {
            problem = "the server sent no certificate";
        } else {
            try {
                X509CertificateHolder leaf = new X509CertificateHolder(chain[0].getEncoded());
                subject = leaf.getSubject().toString();
                Date now = Date.from(clock.instant());
                if (!leaf.getIssuer().equals(trustAnchor.getSubject())) {
                    problem = "issued by " + leaf.getIssuer() + ", not by the trusted CA " + trustAnchor.getSubject();
                } else if (!leaf.isSignatureValid(new JcaContentVerifierProviderBuilder()
                        .build(new JcaX509CertificateConverter().getCertificate(trustAnchor)))) {
                    problem = "the CA's signature on the certificate does not verify";
                } else if (!leaf.isValidOn(now)) {
                    problem = "not valid now (valid " + leaf.getNotBefore() + " to " + leaf.getNotAfter() + ")";
                } else if (!namesServer(leaf)) {
                    // RFC 6125 section 6.4: the name the client asked for (SNI) must be a dNSName of the certificate.
                    problem = "it is not for " + DemoPki.SERVER_NAME + " (no such DNS name in subjectAltName)";
                } else if (!isCa(trustAnchor)) {
                    problem = "the trust anchor is not a CA certificate (basicConstraints)";
                }
            } catch (Exception e) {
                problem = "the certificate cannot be read: " + e.getMessage();
            }
        }
        if (problem != null) {
            crypto.record(new Capture.CertificateChecked(false, problem));
            throw new TlsFatalAlert(AlertDescription.bad_certificate, problem);
        }
        crypto.record(new Capture.CertificateChecked(true,
                subject + ", signed by " + trustAnchor.getSubject()));
    }

    private static boolean namesServer(X509CertificateHolder leaf) {
        org.bouncycastle.asn1.x509.GeneralNames names = org.bouncycastle.asn1.x509.GeneralNames.fromExtensions(
                leaf.getExtensions(), org.bouncycastle.asn1.x509.Extension.subjectAlternativeName);
        if (names == null) {
            return false;
        }
        for (org.bouncycastle.asn1.x509.GeneralName n : names.getNames()) {
            if (n.getTagNo() == org.bouncycastle.asn1.x509.GeneralName.dNSName
                    && DemoPki.SERVER_NAME.equalsIgnoreCase(n.getName().toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCa(X509CertificateHolder ca) {
        org.bouncycastle.asn1.x509.BasicConstraints bc = org.bouncycastle.asn1.x509.BasicConstraints.fromExtensions(
                ca.getExtensions());
        return bc != null && bc.isCA();
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
