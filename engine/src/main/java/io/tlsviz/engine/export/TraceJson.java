package io.tlsviz.engine.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlsviz.engine.ComputationStep;
import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Proof;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import io.tlsviz.engine.live.DemoPki;
import java.util.List;

/**
 * The trace as JSON: every step with its exact wire bytes, every field, every secret with who knows it and
 * how it was derived (and a computation's {@code workings}, shown but not tracked as knowledge), the flat
 * {@code secrets} object and the proof. Field order is fixed, so the same seed
 * gives byte-identical JSON.
 */
public final class TraceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TraceJson() {
    }

    public static String toJson(Trace t) {
        try {
            return MAPPER.writeValueAsString(toTree(t)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toTree(Trace t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("protocol", t.protocol());
        root.put("cipher_suite", t.cipherSuite().ianaName());
        root.put("exchange", t.options().exchange().id());
        if (t.options().exchange() != io.tlsviz.engine.Exchange.RSA) {
            root.put("group", t.options().group().id());
        }
        root.put("extended_master_secret", t.options().extendedMasterSecret() && !t.options().exchange().isTls13());
        // What was negotiated, not just asked for: RFC 7366 applies to TLS 1.2 CBC suites only.
        root.put("encrypt_then_mac", t.options().encryptThenMac() && !t.cipherSuite().isAead()
                && !t.options().exchange().isTls13());
        if (t.seed().isPresent()) {
            root.put("seed", t.seed().get());
        } else {
            root.putNull("seed");
        }
        // Fresh randomness still has seed material (from the system's SecureRandom): with it the session can be
        // replayed byte for byte.
        root.put("seed_material", Hex.of(t.seedMaterial()));
        root.put("completed", t.completed());
        if (t.alert().isPresent()) {
            root.put("alert", t.alert().get());
        } else {
            root.putNull("alert");
        }
        if (t.failure().isPresent()) {
            root.put("failure", t.failure().get());
        }
        ArrayNode steps = root.putArray("steps");
        for (Step s : t.steps()) {
            steps.add(step(s));
        }
        ObjectNode secrets = root.putObject("secrets");
        t.secrets().forEach((k, v) -> secrets.put(k, Hex.of(v)));
        boolean ephemeral = t.options().exchange() != io.tlsviz.engine.Exchange.RSA;
        if (ephemeral && !t.options().group().isFiniteField()) {
            secrets.put("ecdh_group", t.options().group().id());
        } else if (ephemeral) {
            secrets.put("dh_group", t.options().group().id());
        }
        if (t.options().exchange() == io.tlsviz.engine.Exchange.RSA) {
            secrets.put("server_private_key_pem", t.pki().serverPrivateKeyPem());
        }
        ObjectNode proof = root.putObject("proof");
        proof.put("all_passed", t.proof().allPassed());
        ArrayNode checks = proof.putArray("checks");
        for (Proof.Check c : t.proof().checks()) {
            ObjectNode o = checks.addObject();
            o.put("name", c.name());
            o.put("passed", c.passed());
            o.put("detail", c.detail());
            ArrayNode covers = o.putArray("covers");
            c.covers().forEach(covers::add);
        }
        return root;
    }

    private static ObjectNode step(Step s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("index", s.index());
        o.put("name", s.name());
        o.put("kind", s.kind().id());
        o.put("title", s.title());
        o.put("meaning", s.meaning());
        o.put("from", s.actor().id());
        if (s instanceof MessageStep m) {
            o.put("to", m.to().id());
            o.put("message_type", m.messageType());
            o.put("encrypted", m.encrypted());
            o.put("tampered", m.tampered());
            o.put("dropped", m.dropped());
            o.put("record_hex", m.recordHex());
            m.plaintext().ifPresent(p -> o.put("plaintext_hex", Hex.of(p)));
            ArrayNode fields = o.putArray("fields");
            for (Field f : m.fields()) {
                addField(fields, f);
            }
        } else if (s instanceof ComputationStep c) {
            o.putNull("to");
            o.put("failed", c.failed());
        }
        addValues(o.putArray("secrets"), s.secrets());
        if (s instanceof ComputationStep c && !c.workings().isEmpty()) {
            // Shown at the step, not tracked as knowledge (docs/decisions/0014-signature-values-are-workings.md).
            addValues(o.putArray("workings"), c.workings());
        }
        return o;
    }

    private static void addValues(ArrayNode out, List<Secret> values) {
        for (Secret sec : values) {
            ObjectNode so = out.addObject();
            so.put("name", sec.name());
            so.put("hex", sec.hex());
            ArrayNode kb = so.putArray("known_by");
            for (Party p : Party.values()) {
                if (sec.isKnownBy(p)) {
                    kb.add(p.id());
                }
            }
            so.put("formula", sec.formula());
            ArrayNode in = so.putArray("inputs");
            sec.inputs().forEach(in::add);
        }
    }

    /** Fields in pre-order; a field's children follow it and have its path as prefix. */
    private static void addField(ArrayNode out, Field f) {
        ObjectNode o = out.addObject();
        o.put("path", f.path());
        o.put("name", f.name());
        o.put("offset", f.offset());
        o.put("length", f.length());
        o.put("hex", f.hex());
        o.put("value", f.value());
        o.put("meaning", f.meaning());
        o.put("leaf", f.isLeaf());
        if (f.inPlaintext()) {
            o.put("in", "plaintext");
        }
        for (Field c : f.children()) {
            addField(out, c);
        }
    }
}
