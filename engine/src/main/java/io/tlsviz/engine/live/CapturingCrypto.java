package io.tlsviz.engine.live;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.DHPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCertificateRole;
import org.bouncycastle.tls.crypto.TlsEncryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsDHConfig;
import org.bouncycastle.tls.crypto.TlsDHDomain;
import org.bouncycastle.tls.crypto.TlsDecodeResult;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.TlsEncodeResult;
import org.bouncycastle.tls.crypto.TlsNonceGenerator;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsDH;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsDHDomain;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsECDH;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsECDomain;
import org.bouncycastle.tls.crypto.impl.bc.BcX25519;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.util.BigIntegers;

/**
 * The one narrow door through which secrets leave Bouncy Castle: a {@link BcTlsCrypto} whose key agreements,
 * RSA premaster generation and record ciphers report copies of what they make (rustls' {@code KeyLog} plays
 * this part there). Each peer has its own instance and its own deterministic random stream.
 *
 * <p>{@code TlsSecret.extract()} is destructive, so secrets are always copied with {@code adoptSecret} first.
 */
final class CapturingCrypto extends BcTlsCrypto {
    private final List<Capture> captures = new ArrayList<>();
    /** When false, nothing is recorded: the benchmark's bare handshake. */
    private final boolean capturing;

    CapturingCrypto(SecureRandom random, boolean capturing) {
        super(random);
        this.capturing = capturing;
    }

    void record(Capture c) {
        if (capturing) {
            captures.add(c);
        }
    }

    /** Returns and forgets what was captured since the last call. */
    List<Capture> drain() {
        List<Capture> out = List.copyOf(captures);
        captures.clear();
        return out;
    }

    byte[] copy(TlsSecret secret) {
        return adoptSecret(secret).extract();
    }

    /** Nonces from this peer's own random stream only (Bouncy Castle would mix in nanoTime). */
    @Override
    public TlsNonceGenerator createNonceGenerator(byte[] additionalSeedMaterial) {
        SecureRandom random = getSecureRandom();
        return size -> {
            byte[] nonce = new byte[size];
            random.nextBytes(nonce);
            return nonce;
        };
    }

    @Override
    public TlsSecret generateRSAPreMasterSecret(ProtocolVersion version) {
        TlsSecret secret = super.generateRSAPreMasterSecret(version);
        if (capturing) {
            record(new Capture.RsaPremasterMade(copy(secret)));
        }
        return secret;
    }

    /**
     * The server's certificate as the client sees it. For RSA key transport its encryptor is Bouncy Castle's own
     * (PKCS1Encoding over RSABlindedEngine with this peer's random stream, as {@code BcTlsRSAEncryptor} builds it),
     * with the RSA engine wrapped so the padded block it encrypts is recorded: the proof raises that block to the
     * public exponent and compares it with the ciphertext that arrives.
     */
    @Override
    public TlsCertificate createCertificate(short type, byte[] encoding) throws IOException {
        if (!capturing || type != CertificateType.X509) {
            return super.createCertificate(type, encoding);
        }
        return new BcTlsCertificate(this, encoding) {
            @Override
            public TlsEncryptor createEncryptor(int role) throws IOException {
                TlsEncryptor checked = super.createEncryptor(role); // key usage and role checks stay Bouncy Castle's
                if (role != TlsCertificateRole.RSA_ENCRYPTION) {
                    return checked;
                }
                RSAKeyParameters key = getPubKeyRSA();
                return (input, offset, length) -> {
                    RecordingRsaEngine engine = new RecordingRsaEngine();
                    PKCS1Encoding encoding = new PKCS1Encoding(engine);
                    encoding.init(true, new ParametersWithRandom(key, getSecureRandom()));
                    try {
                        byte[] ciphertext = encoding.processBlock(input, offset, length);
                        if (engine.block != null) {
                            byte[] block = new byte[engine.block.length + 1]; // the leading 00 of RFC 8017's EM
                            System.arraycopy(engine.block, 0, block, 1, engine.block.length);
                            record(new Capture.RsaPremasterEncrypted(block, ciphertext.clone()));
                        }
                        return ciphertext;
                    } catch (InvalidCipherTextException e) {
                        throw new TlsFatalAlert(AlertDescription.internal_error, e);
                    }
                };
            }
        };
    }

    /** Bouncy Castle's RSA engine, remembering the block it was given to encrypt. */
    private static final class RecordingRsaEngine implements AsymmetricBlockCipher {
        private final RSABlindedEngine inner = new RSABlindedEngine();
        byte[] block;

        @Override
        public void init(boolean forEncryption, CipherParameters parameters) {
            inner.init(forEncryption, parameters);
        }

        @Override
        public int getInputBlockSize() {
            return inner.getInputBlockSize();
        }

        @Override
        public int getOutputBlockSize() {
            return inner.getOutputBlockSize();
        }

        @Override
        public byte[] processBlock(byte[] in, int offset, int length) throws InvalidCipherTextException {
            block = java.util.Arrays.copyOfRange(in, offset, offset + length);
            return inner.processBlock(in, offset, length);
        }
    }

    @Override
    public TlsDHDomain createDHDomain(TlsDHConfig dhConfig) {
        if (!capturing) {
            return super.createDHDomain(dhConfig);
        }
        return new BcTlsDHDomain(this, dhConfig) {
            @Override
            public TlsAgreement createDH() {
                return new RecordingAgreement(new BcTlsDH(this) {
                    @Override
                    public byte[] generateEphemeral() throws IOException {
                        byte[] pub = super.generateEphemeral();
                        DHPrivateKeyParameters priv = (DHPrivateKeyParameters) localKeyPair.getPrivate();
                        record(new Capture.KeyShareMade("dh", BigIntegers.asUnsignedByteArray(priv.getX()), pub,
                                priv.getParameters().getP(), priv.getParameters().getG()));
                        return pub;
                    }
                });
            }
        };
    }

    @Override
    public TlsECDomain createECDomain(TlsECConfig ecConfig) {
        if (!capturing) {
            return super.createECDomain(ecConfig);
        }
        if (ecConfig.getNamedGroup() == NamedGroup.x25519) {
            return () -> new RecordingAgreement(new BcX25519(this) {
                @Override
                public byte[] generateEphemeral() throws IOException {
                    byte[] pub = super.generateEphemeral();
                    record(new Capture.KeyShareMade("x25519", privateKey.clone(), pub, null, null));
                    return pub;
                }
            });
        }
        return new BcTlsECDomain(this, ecConfig) {
            @Override
            public TlsAgreement createECDH() {
                return new RecordingAgreement(new BcTlsECDH(this) {
                    @Override
                    public byte[] generateEphemeral() throws IOException {
                        byte[] pub = super.generateEphemeral();
                        ECPrivateKeyParameters priv = (ECPrivateKeyParameters) localKeyPair.getPrivate();
                        int size = (priv.getParameters().getCurve().getFieldSize() + 7) / 8;
                        record(new Capture.KeyShareMade("ec", BigIntegers.asUnsignedByteArray(size, priv.getD()),
                                pub, null, null));
                        return pub;
                    }
                });
            }
        };
    }

    /**
     * Records what every key agreement does with the peer's value and the secret it computes. (The key pair
     * itself is recorded by the subclasses above, the only code that can see Bouncy Castle's private fields.)
     */
    private final class RecordingAgreement implements TlsAgreement {
        private final TlsAgreement inner;
        private byte[] peer = new byte[0];

        RecordingAgreement(TlsAgreement inner) {
            this.inner = inner;
        }

        @Override
        public byte[] generateEphemeral() throws IOException {
            return inner.generateEphemeral();
        }

        @Override
        public void receivePeerValue(byte[] peerValue) throws IOException {
            inner.receivePeerValue(peerValue);
            peer = peerValue.clone();
        }

        @Override
        public TlsSecret calculateSecret() throws IOException {
            TlsSecret s = inner.calculateSecret();
            record(new Capture.SharedSecretComputed(peer, copy(s)));
            return s;
        }
    }

    @Override
    public TlsCipher createCipher(TlsCryptoParameters cryptoParams, int encryptionAlgorithm, int macAlgorithm)
            throws IOException {
        TlsCipher inner = super.createCipher(cryptoParams, encryptionAlgorithm, macAlgorithm);
        return capturing ? new RecordingCipher(inner) : inner;
    }

    /** Passes every call through, and records the plaintext of each record this peer protects. */
    private final class RecordingCipher implements TlsCipher {
        private final TlsCipher inner;

        RecordingCipher(TlsCipher inner) {
            this.inner = inner;
        }

        @Override
        public int getCiphertextDecodeLimit(int plaintextLimit) {
            return inner.getCiphertextDecodeLimit(plaintextLimit);
        }

        @Override
        public int getCiphertextEncodeLimit(int plaintextLimit) {
            return inner.getCiphertextEncodeLimit(plaintextLimit);
        }

        @Override
        public int getPlaintextDecodeLimit(int ciphertextLimit) {
            return inner.getPlaintextDecodeLimit(ciphertextLimit);
        }

        @Override
        public int getPlaintextEncodeLimit(int ciphertextLimit) {
            return inner.getPlaintextEncodeLimit(ciphertextLimit);
        }

        @Override
        public TlsEncodeResult encodePlaintext(long seqNo, short contentType, ProtocolVersion recordVersion,
                int headerAllocation, byte[] plaintext, int offset, int len) throws IOException {
            byte[] copy = java.util.Arrays.copyOfRange(plaintext, offset, offset + len);
            record(new Capture.RecordProtected(contentType, seqNo, copy));
            return inner.encodePlaintext(seqNo, contentType, recordVersion, headerAllocation, plaintext, offset, len);
        }

        @Override
        public TlsDecodeResult decodeCiphertext(long seqNo, short recordType, ProtocolVersion recordVersion,
                byte[] ciphertext, int offset, int len) throws IOException {
            return inner.decodeCiphertext(seqNo, recordType, recordVersion, ciphertext, offset, len);
        }

        @Override
        public void rekeyDecoder() throws IOException {
            inner.rekeyDecoder();
        }

        @Override
        public void rekeyEncoder() throws IOException {
            inner.rekeyEncoder();
        }

        @Override
        public boolean usesOpaqueRecordTypeDecode() {
            return inner.usesOpaqueRecordTypeDecode();
        }

        @Override
        public boolean usesOpaqueRecordTypeEncode() {
            return inner.usesOpaqueRecordTypeEncode();
        }
    }
}
