package io.tlsviz.lessons;

import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step and secret names a lesson may use, taken from a live handshake of its scenario: lessons are
 * checked against what the engine really produces, never against a hand-kept list that could drift.
 * A handshake takes milliseconds; each scenario is run once per JVM.
 */
public final class LiveNames {
    private static final Map<ScenarioOptions, ScenarioNames> CACHE = new ConcurrentHashMap<>();

    private LiveNames() {
    }

    public static ScenarioNames forScenario(ScenarioOptions options) {
        ScenarioOptions key = options.isFresh() ? options.withSeed(ScenarioOptions.DEFAULT_SEED) : options;
        return CACHE.computeIfAbsent(key, LiveNames::run);
    }

    private static ScenarioNames run(ScenarioOptions options) {
        Trace trace = HandshakeSession.run(options);
        List<String> steps = trace.steps().stream().map(Step::name).toList();
        Set<String> secrets = new LinkedHashSet<>(trace.secrets().keySet());
        trace.steps().forEach(s -> s.secrets().forEach(x -> secrets.add(x.name())));
        return new ScenarioNames(steps, secrets);
    }
}
