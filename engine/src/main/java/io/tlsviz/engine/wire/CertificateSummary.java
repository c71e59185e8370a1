package io.tlsviz.engine.wire;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** A one-line summary of an X.509 certificate (RFC 5280) for the Certificate message. */
final class CertificateSummary {
    private CertificateSummary() {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** A decoded certificate (null if unreadable) and its one-line summary. */
    private record Decoded(X509Certificate certificate, String summary) {
    }

    /** Recently decoded certificates: every handshake sends the same demo certificate. */
    private static final java.util.Map<java.nio.ByteBuffer, Decoded> DECODED =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<java.nio.ByteBuffer, Decoded> e) {
                    return size() > 16;
                }
            });

    private static Decoded decoded(byte[] der) {
        return DECODED.computeIfAbsent(java.nio.ByteBuffer.wrap(der.clone()), k -> {
            X509Certificate c = parse(der);
            return new Decoded(c, summarize(c, der.length));
        });
    }

    static X509Certificate decode(byte[] der) {
        return der == null || der.length == 0 ? null : decoded(der).certificate();
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            return null;
        }
    }

    /** E.g. "subject CN=rsa; issuer CN=rsa; RSA 1024-bit key; valid 2016-07-30 to 2026-07-30". */
    static String of(byte[] der) {
        return der == null || der.length == 0 ? summarize(null, 0) : decoded(der).summary();
    }

    private static String summarize(X509Certificate c, int length) {
        if (c == null) {
            return "not a readable X.509 certificate (" + Node.bytesText(length) + ")";
        }
        return "subject " + c.getSubjectX500Principal().getName() + "; issuer "
                + c.getIssuerX500Principal().getName() + "; " + key(c.getPublicKey()) + "; valid "
                + day(c.getNotBefore()) + " to " + day(c.getNotAfter());
    }

    static String subject(byte[] der) {
        X509Certificate c = decode(der);
        return c == null ? "" : c.getSubjectX500Principal().getName();
    }

    private static String key(PublicKey k) {
        if (k instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + "-bit key";
        }
        if (k instanceof ECPublicKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize() + "-bit key";
        }
        return k.getAlgorithm() + " key";
    }

    private static String day(Date d) {
        return DAY.format(d.toInstant());
    }
}
