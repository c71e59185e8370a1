package io.tlsviz.app.export;

import io.tlsviz.engine.Party;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The handshake as a slide shows it: the first {@code revealed} steps of a trace, and who knows which value
 * after them (each value's latest {@link Secret#knownBy()}). It gives the pictures their alt text.
 */
record SlideState(Trace trace, int revealed) {

    SlideState {
        revealed = Math.max(0, Math.min(revealed, trace.steps().size()));
    }

    List<Step> shown() {
        return trace.steps().subList(0, revealed);
    }

    Optional<Step> current() {
        return revealed == 0 ? Optional.empty() : Optional.of(trace.steps().get(revealed - 1));
    }

    /** For each party, the values it knows after the shown steps, in the order they first appeared. */
    Map<Party, List<Secret>> knowledge() {
        Map<String, Secret> latest = new LinkedHashMap<>();
        for (Step step : shown()) {
            for (Secret s : step.secrets()) {
                latest.put(s.name(), s);
            }
        }
        Map<Party, List<Secret>> byParty = new EnumMap<>(Party.class);
        for (Party p : Party.values()) {
            List<Secret> known = new ArrayList<>();
            for (Secret s : latest.values()) {
                if (s.isKnownBy(p)) {
                    known.add(s);
                }
            }
            byParty.put(p, known);
        }
        return byParty;
    }

}
