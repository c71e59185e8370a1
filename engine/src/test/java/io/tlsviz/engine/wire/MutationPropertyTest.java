package io.tlsviz.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.wire.RecordParser.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever happens to the bytes of a real record (cut anywhere, bits flipped, junk appended) and
 * whatever the caller believes about the connection, the parser returns a tree whose leaves tile the bytes
 * exactly, and never fails internally.
 */
class MutationPropertyTest {
    private static final long SEED = 0x7157_1a11L;
    private static final int CASES = 6000;

    private record Sample(byte[] bytes, Context ctx, int contentType, boolean plaintext) {
    }

    private static List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        Context none = Context.beforeServerHello();
        Context tls13 = Context.tls13(CipherSuite.TLS_AES_128_GCM_SHA256);
        out.add(new Sample(Rfc8448Vectors.bytes("client_hello_record"), none, 0, false));
        out.add(new Sample(Rfc8448Vectors.bytes("server_hello_record"), none, 0, false));
        out.add(new Sample(Rfc8448Vectors.bytes("server_encrypted_handshake_record"), tls13.asEncrypted(), 0, false));
        out.add(new Sample(Rfc8448Vectors.bytes("client_encrypted_finished_record"), tls13.asEncrypted(), 0, false));
        for (String m : List.of("encrypted_extensions_message", "certificate_message", "certificate_verify_message",
                "server_finished_message", "client_hello_message", "server_hello_message")) {
            out.add(new Sample(Rfc8448Vectors.bytes(m), tls13, 22, true));
        }
        for (Tls12HandshakeParseTest.Scenario s : Tls12HandshakeParseTest.Scenario.values()) {
            for (Tls12HandshakeParseTest.Parsed p : Tls12HandshakeParseTest.run(s)) {
                out.add(new Sample(p.sent().record(), p.ctx(), 0, false));
            }
        }
        out.add(new Sample(Hex.parse("15030300020228"), none, 0, false));
        out.add(new Sample("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), tls13, 23,
                true));
        return out;
    }

    private static final List<Context> CONTEXTS = contexts();

    private static List<Context> contexts() {
        List<Context> all = new ArrayList<>();
        all.add(Context.beforeServerHello());
        all.add(Context.beforeServerHello().asEncrypted());
        for (CipherSuite s : CipherSuite.values()) {
            for (int flags = 0; flags < 8; flags++) {
                all.add(new Context((flags & 1) != 0, s, (flags & 2) != 0, (flags & 4) != 0));
            }
        }
        return all;
    }

    @Test
    void mutatedRecordsNeverThrowAndAlwaysTile() {
        List<Sample> samples = samples();
        Random random = new Random(SEED);
        int malformedSeen = 0;
        for (int i = 0; i < CASES; i++) {
            Sample base = samples.get(random.nextInt(samples.size()));
            byte[] bytes = mutate(base.bytes(), random);
            Context ctx = random.nextInt(4) == 0 ? CONTEXTS.get(random.nextInt(CONTEXTS.size())) : base.ctx();
            Field root = base.plaintext()
                    ? RecordParser.parsePlaintext(bytes, random.nextInt(5) == 0 ? 20 + random.nextInt(5)
                            : base.contentType(), ctx)
                    : RecordParser.parseRecord(bytes, ctx);
            String where = "case " + i + ": " + Hex.of(bytes) + " with " + ctx;
            assertThat(TilingCheck.problems(root, bytes)).as(where).isEmpty();
            assertThat(Leaves.leaves(root)).as(where).noneMatch(f -> f.meaning().contains("internal error"));
            if (Leaves.leaves(root).stream().anyMatch(f -> f.name().startsWith("Malformed"))) {
                malformedSeen++;
            }
            RecordParser.describe(bytes, random.nextInt(256));
            RecordParser.describeRecord(bytes, ctx);
            RecordParser.describeAlert(bytes);
        }
        // the mutations must actually exercise the error paths, not just re-parse good records
        assertThat(malformedSeen).isGreaterThan(CASES / 10);
    }

    @Test
    void randomBytesNeverThrowAndAlwaysTile() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) (20 + random.nextInt(4)); // a plausible content type gets further
            }
            Context ctx = CONTEXTS.get(random.nextInt(CONTEXTS.size()));
            Field record = RecordParser.parseRecord(bytes, ctx);
            assertThat(TilingCheck.problems(record, bytes)).as(Hex.of(bytes)).isEmpty();
            Field plain = RecordParser.parsePlaintext(bytes, 20 + random.nextInt(5), ctx);
            assertThat(TilingCheck.problems(plain, bytes)).as(Hex.of(bytes)).isEmpty();
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 1 -> flip(b, random, 1 + random.nextInt(3));
            case 2 -> {
                flip(b, random, 1 + random.nextInt(3));
                b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            }
            case 3 -> {
                byte[] longer = Arrays.copyOf(b, b.length + 1 + random.nextInt(20));
                for (int i = b.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                b = longer;
            }
            default -> {
                // a length field is the most interesting byte to break: flip one of the first few bytes of a
                // structure, which for these messages are mostly lengths
                if (b.length > 0) {
                    int i = random.nextInt(Math.min(b.length, 64));
                    b[i] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }

    private static void flip(byte[] b, Random random, int n) {
        for (int k = 0; k < n && b.length > 0; k++) {
            int i = random.nextInt(b.length);
            b[i] ^= (byte) (1 << random.nextInt(8));
        }
    }
}
