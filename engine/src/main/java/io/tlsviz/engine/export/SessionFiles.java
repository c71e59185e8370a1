package io.tlsviz.engine.export;

import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The key log and the pcap of a traced session, from the same captured values the steps show. */
public final class SessionFiles {
    private SessionFiles() {
    }

    /** NSS key log lines that let Wireshark decrypt the session. */
    public static KeyLog keyLog(Trace t) {
        Map<String, byte[]> s = t.secrets();
        byte[] cr = s.get("client_random");
        KeyLog log = new KeyLog();
        if (cr == null) {
            return log;
        }
        if (t.options().exchange().isTls13()) {
            put(log, KeyLog.CLIENT_HANDSHAKE_TRAFFIC_SECRET, cr, s.get("client_handshake_traffic_secret"));
            put(log, KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET, cr, s.get("server_handshake_traffic_secret"));
            put(log, KeyLog.CLIENT_TRAFFIC_SECRET_0, cr, s.get("client_application_traffic_secret_0"));
            put(log, KeyLog.SERVER_TRAFFIC_SECRET_0, cr, s.get("server_application_traffic_secret_0"));
            put(log, KeyLog.EXPORTER_SECRET, cr, s.get("exporter_master_secret"));
        } else {
            put(log, KeyLog.CLIENT_RANDOM, cr, s.get("master_secret"));
        }
        return log;
    }

    private static void put(KeyLog log, String label, byte[] cr, byte[] secret) {
        if (secret != null) {
            log.log(label, cr, secret);
        }
    }

    /** The records on the wire as TCP over IPv4 between two loopback addresses, server on port 443. */
    public static byte[] pcap(Trace t) {
        List<Pcap.Segment> segments = new ArrayList<>();
        for (Step step : t.steps()) {
            // A dropped record never reached the receiver, so it is not in the capture either.
            if (step instanceof MessageStep m && m.size() > 0 && !m.dropped()) {
                segments.add(new Pcap.Segment(m.from() == Party.CLIENT, m.record()));
            }
        }
        return Pcap.write(segments);
    }
}
