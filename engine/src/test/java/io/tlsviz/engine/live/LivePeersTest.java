package io.tlsviz.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LivePeersTest {

    record Sent(Party from, byte[] bytes) {
    }

    static List<Sent> runToEnd(ScenarioOptions options, LivePeers[] out) {
        LivePeers peers = new LivePeers(options, SeededRandom.seedMaterial(options.seed()), DemoPki.shipped(),
                Clock.systemUTC(), true);
        out[0] = peers;
        List<Sent> wire = new ArrayList<>();
        Deque<Sent> pending = new ArrayDeque<>();
        LivePeers.Reaction r = peers.start();
        r.records().forEach(b -> pending.add(new Sent(Party.CLIENT, b)));
        int guard = 0;
        while (!pending.isEmpty() && guard++ < 100) {
            Sent s = pending.poll();
            wire.add(s);
            Party to = s.from() == Party.CLIENT ? Party.SERVER : Party.CLIENT;
            LivePeers.Reaction reaction = peers.deliver(to, s.bytes());
            assertThat(reaction.error()).as("error at record %d", wire.size()).isNull();
            reaction.records().forEach(b -> pending.add(new Sent(to, b)));
        }
        return wire;
    }

    @ParameterizedTest
    @EnumSource(Exchange.class)
    void defaultScenarioCompletesAndExchangesApplicationData(Exchange exchange) {
        LivePeers[] peers = new LivePeers[1];
        List<Sent> wire = runToEnd(ScenarioOptions.defaults(exchange), peers);
        assertThat(peers[0].bothConnected()).isTrue();
        assertThat(peers[0].exchangedApplicationData()).isTrue();
        assertThat(new String(peers[0].received().get(0))).startsWith("GET / HTTP/1.1");
        assertThat(new String(peers[0].received().get(1))).startsWith("HTTP/1.1 200 OK");
    }

    @ParameterizedTest
    @EnumSource(Exchange.class)
    void sameSeedGivesTheSameBytes(Exchange exchange) {
        List<Sent> a = runToEnd(ScenarioOptions.defaults(exchange), new LivePeers[1]);
        List<Sent> b = runToEnd(ScenarioOptions.defaults(exchange), new LivePeers[1]);
        List<Sent> c = runToEnd(ScenarioOptions.defaults(exchange).withSeed(2L), new LivePeers[1]);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).bytes()).as("record %d", i).isEqualTo(b.get(i).bytes());
        }
        assertThat(a.get(0).bytes()).isNotEqualTo(c.get(0).bytes());
    }
}
