package io.tlsviz.lessons;

import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step and secret names a lesson may use, and the facts of each step (who knows what, which steps are
 * messages, their field paths), taken from a live handshake of its scenario: lessons are checked against
 * what the engine really produces, never against a hand-kept list that could drift. A handshake takes
 * milliseconds; each scenario is run once per JVM, however many quizzes and files ask about it.
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
        List<ScenarioNames.StepFacts> facts = new ArrayList<>();
        for (Step step : trace.steps()) {
            Map<String, Set<Party>> knownBy = new LinkedHashMap<>();
            for (Secret s : step.secrets()) {
                secrets.add(s.name());
                knownBy.put(s.name(), s.knownBy());
            }
            Set<String> paths = new LinkedHashSet<>();
            if (step instanceof MessageStep m) {
                m.fields().forEach(f -> io.tlsviz.engine.wire.Leaves.all(f).forEach(x -> paths.add(x.path())));
            }
            facts.add(new ScenarioNames.StepFacts(step.name(), step instanceof MessageStep, knownBy, paths));
        }
        return new ScenarioNames(steps, secrets, facts);
    }
}
