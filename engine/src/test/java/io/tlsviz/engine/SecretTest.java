package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void whoKnowsAValueIsAReadOnlyCopyInAFixedOrder() {
        Set<Party> given = new LinkedHashSet<>(List.of(Party.SERVER, Party.EAVESDROPPER, Party.CLIENT));
        Secret s = new Secret("client_random", new byte[] {1, 2}, given, null, List.of());
        given.clear();

        assertThat(s.knownBy()).containsExactly(Party.CLIENT, Party.SERVER, Party.EAVESDROPPER);
        assertThat(s.knownBy()).isEqualTo(Set.of(Party.SERVER, Party.CLIENT, Party.EAVESDROPPER));
        assertThatThrownBy(() -> s.knownBy().add(Party.CLIENT)).isInstanceOf(UnsupportedOperationException.class);
    }
}
