package io.tlsviz.lessons;

import java.util.List;
import java.util.Set;

/**
 * The names a lesson may use for one scenario: the steps its trace has, in trace order, and the secrets
 * it captures, from a live trace ({@link LiveNames}).
 */
public record ScenarioNames(List<String> steps, Set<String> secrets) {
    public ScenarioNames {
        steps = List.copyOf(steps);
        secrets = Set.copyOf(secrets);
    }
}
