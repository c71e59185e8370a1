package io.tlsviz.engine;

import java.util.List;

/**
 * The independent checks behind every value a trace shows: key schedules recomputed with the JDK's own
 * HMAC, records decrypted with the displayed keys, Finished values verified, the (EC)DH and RSA
 * arithmetic redone. A value is only shown as correct if its check passed.
 */
public record Proof(List<Check> checks) {

    /**
     * One check.
     *
     * @param name    what was checked, e.g. {@code "client Finished decrypts with client_write_key"}
     * @param passed  the outcome
     * @param detail  a sentence on how, or why it failed
     * @param covers  names of the secrets this check proves
     */
    public record Check(String name, boolean passed, String detail, List<String> covers) {
        public Check {
            covers = List.copyOf(covers);
        }
    }

    public Proof {
        checks = List.copyOf(checks);
    }

    public boolean allPassed() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** True if some passing check covers the named secret. */
    public boolean proves(String secretName) {
        return checks.stream().anyMatch(c -> c.passed() && c.covers().contains(secretName));
    }
}
