package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden transcripts, as Go's crypto/tls keeps them in testdata: the default handshake of each exchange,
 * step names and the exact bytes of every record, for seed 1. A Bouncy Castle upgrade that changes its order
 * of random draws, or an engine change that moves a step, fails here instead of silently changing every
 * slide a teacher has made. Regenerate on purpose with {@code mvn -pl engine test -Dtest=GoldenTraceTest
 * -Dtlsviz.updateGolden=true} and review the diff.
 */
class GoldenTraceTest {

    static String transcript(Trace t) {
        StringBuilder sb = new StringBuilder();
        for (Step s : t.steps()) {
            sb.append(s.name());
            if (s instanceof MessageStep m) {
                sb.append(' ').append(m.recordHex());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @EnumSource(Exchange.class)
    void defaultHandshakeMatchesItsGoldenTranscript(Exchange exchange) throws IOException {
        String actual = transcript(HandshakeSession.run(ScenarioOptions.defaults(exchange)));
        String name = "golden/" + exchange.id() + ".txt";
        Path source = Path.of("src", "test", "resources", name);
        if (Boolean.getBoolean("tlsviz.updateGolden")) {
            Files.writeString(source, actual, StandardCharsets.US_ASCII);
        }
        try (InputStream in = Boolean.getBoolean("tlsviz.updateGolden") ? Files.newInputStream(source)
                : GoldenTraceTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as("golden file %s (create it with -Dtlsviz.updateGolden=true)", name).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(actual).as("the %s handshake for seed 1, byte for byte", exchange.id()).isEqualTo(expected);
        }
    }
}
