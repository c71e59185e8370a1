package io.tlsviz.engine;

import io.tlsviz.engine.crypto.CipherSuite;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A handshake as far as it has been stepped: its steps, every captured value by name, and the proof that
 * the values shown are the ones used on the wire.
 *
 * @param options   what decided the handshake
 * @param seed      the numeric seed, or empty for fresh randomness
 * @param seedMaterial the 32 bytes both peers' random streams grow from (fresh ones too): a replay needs only these
 * @param completed true when both sides finished the handshake and exchanged application data
 * @param alert     the name of the fatal alert that ended a failed handshake, e.g. {@code bad_record_mac}
 * @param failure   why the handshake failed, in a sentence, when it did
 * @param secrets   every value captured so far by snake_case name (the values the steps' secrets show; a
 *                  computation's workings, such as a signature, are not among them)
 * @param proof     the independent checks and their outcomes
 * @param pki       the demo CA and server key pair this handshake used (shipped, or freshly generated)
 */
public record Trace(ScenarioOptions options, Optional<Long> seed, byte[] seedMaterial, String protocol,
        CipherSuite cipherSuite, boolean completed, Optional<String> alert, Optional<String> failure, List<Step> steps,
        Map<String, byte[]> secrets, Proof proof, io.tlsviz.engine.live.DemoPki pki) {

    public Trace {
        seedMaterial = seedMaterial.clone();
        steps = List.copyOf(steps);
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    @Override
    public byte[] seedMaterial() {
        return seedMaterial.clone();
    }

    public Optional<Step> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
