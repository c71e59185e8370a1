package io.tlsviz.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The CA's signature on the server's certificate is checked by the JDK once per certificate; bytes that differ
 * from that certificate by one bit are checked on the spot, so a certificate changed on the way never borrows the
 * verdict of the one the PKI issued.
 */
class CaSignatureCheckTest {
    private static final String SHA256_WITH_RSA = "SHA256withRSA";

    @Test
    void theIssuedCertificateVerifiesAndAnyChangedByteDoesNot() throws Exception {
        for (DemoPki pki : new DemoPki[] {DemoPki.shipped(), DemoPki.generate(new SecureRandom(new byte[] {7}))}) {
            byte[] tbs = pki.serverCertificate().toASN1Structure().getTBSCertificate().getEncoded("DER");
            byte[] signature = pki.serverCertificate().getSignature();

            assertThat(pki.caSigned(SHA256_WITH_RSA, tbs, signature)).isTrue();
            assertThat(pki.caSigned(SHA256_WITH_RSA, tbs, signature)).as("asked again").isTrue();

            byte[] changedTbs = tbs.clone();
            changedTbs[changedTbs.length / 2] ^= 0x01;
            assertThat(pki.caSigned(SHA256_WITH_RSA, changedTbs, signature)).isFalse();
            byte[] changedSignature = signature.clone();
            changedSignature[signature.length - 1] ^= 0x01;
            assertThat(pki.caSigned(SHA256_WITH_RSA, tbs, changedSignature)).isFalse();
            assertThat(pki.caSigned(SHA256_WITH_RSA, tbs, signature)).as("the issued one after the changed ones")
                    .isTrue();
            // The algorithm is named outside the signed bytes: another name is another statement.
            assertThat(pki.caSigned("SHA384withRSA", tbs, signature)).isFalse();
            assertThat(pki.caSigned(SHA256_WITH_RSA, tbs, signature)).isTrue();
        }
    }

    @Test
    void theIssuedCertificateUnderAnotherCaDoesNotBorrowItsVerdict() throws Exception {
        DemoPki shipped = DemoPki.shipped();
        DemoPki other = DemoPki.generate(new SecureRandom(new byte[] {11}));
        byte[] tbs = shipped.serverCertificate().toASN1Structure().getTBSCertificate().getEncoded("DER");
        byte[] signature = shipped.serverCertificate().getSignature();
        assertThat(shipped.caSigned(SHA256_WITH_RSA, tbs, signature)).isTrue();

        DemoPki mixed = new DemoPki(other.caCertificate(), shipped.serverCertificate(), shipped.serverPrivateKey());

        assertThat(mixed.caSigned(SHA256_WITH_RSA, tbs, signature)).as("the same certificate, another CA's key")
                .isFalse();
    }

    @Test
    void anotherPkisCertificateDoesNotVerifyWithThisCa() throws Exception {
        DemoPki mine = DemoPki.shipped();
        DemoPki other = DemoPki.generate(new SecureRandom(new byte[] {9}));
        byte[] tbs = other.serverCertificate().toASN1Structure().getTBSCertificate().getEncoded("DER");
        assertThat(mine.caSigned(SHA256_WITH_RSA, tbs, other.serverCertificate().getSignature())).isFalse();
    }
}
