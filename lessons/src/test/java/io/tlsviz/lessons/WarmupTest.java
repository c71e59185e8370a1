package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WarmupTest {
    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void theTextbookNumbers() {
        Warmup w = new Warmup(big(23), big(5), big(6), big(15));

        assertThat(w.clientPublic()).isEqualTo(big(8));      // 5^6 = 15625 = 679 * 23 + 8
        assertThat(w.serverPublic()).isEqualTo(big(19));     // 5^15 mod 23
        assertThat(w.sharedByClient()).isEqualTo(big(2));    // 19^6 mod 23
        assertThat(w.sharedByServer()).isEqualTo(big(2));    // 8^15 mod 23
        assertThat(w.numbers()).containsEntry("warmup.A", "8").containsEntry("warmup.B", "19")
                .containsEntry("warmup.shared", "2").containsEntry("warmup.p", "23");
    }

    @Test
    void bothSidesAlwaysAgree() {
        BigInteger p = big(1_000_003);
        for (long a = 2; a < 60; a += 7) {
            for (long b = 3; b < 60; b += 11) {
                Warmup w = new Warmup(p, big(2), big(a), big(b));
                assertThat(w.sharedByClient()).isEqualTo(w.sharedByServer())
                        .isEqualTo(big(2).pow((int) (a * b)).mod(p));
            }
        }
    }
}
