package io.tlsviz.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import io.tlsviz.engine.testsupport.Tshark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Wireshark opens the trace's pcap and, with its key log, decrypts both Finished messages and the HTTP. */
class TraceTsharkTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Exchange.class)
    void tsharkDecryptsTheTracedSessionWithTheKeyLog(Exchange exchange) throws Exception {
        Path tshark = Tshark.find();
        assumeTrue(tshark != null, "tshark is not on the PATH (.ci/run installs it): skipping the real-reader check");
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        Path pcap = dir.resolve(exchange.id() + ".pcap");
        Path keys = dir.resolve(exchange.id() + ".keys");
        Files.write(pcap, SessionFiles.pcap(t));
        Files.write(keys, SessionFiles.keyLog(t).toBytes());

        List<String> plain = Tshark.run(tshark, dir, "-r", pcap.toString(), "-Y", "tls.handshake.type == 1",
                "-T", "fields", "-e", "tcp.dstport");
        assertThat(plain).containsExactly("443");

        String keylog = "tls.keylog_file:" + keys;
        List<String> finished = Tshark.run(tshark, dir, "-r", pcap.toString(), "-o", keylog,
                "-Y", "tls.handshake.type == 20", "-T", "fields", "-e", "frame.number");
        assertThat(finished).as("both Finished messages decrypted").hasSize(2);
        List<String> http = Tshark.run(tshark, dir, "-r", pcap.toString(), "-o", keylog, "-Y", "http",
                "-T", "fields", "-e", "http.request.method", "-e", "http.response.code");
        assertThat(String.join("\n", http)).contains("GET").contains("200");
    }
}
