package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.attack.Eavesdropper;
import io.tlsviz.lessons.Attack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the forward-secrecy attack got at one beat: the values it recovered from the recorded RSA session
 * with the leaked key, each checked against the engine's own value; the decrypted application data; and
 * the same attack on a DHE recording, which opens nothing.
 *
 * @param recovered     the values the beat's attack recovers, in the lesson's order
 * @param plaintexts    the decrypted application data when the beat decrypts records, client's first
 * @param opened        true when the RSA recording was decrypted
 * @param explanation   how the RSA attack ended, in the window's language
 * @param dheOpened     true if the DHE recording opened (never, which is the point)
 * @param dheExplanation how the DHE attack ended, in the window's language
 * @param onDhe         true when the beat's attack is on the DHE recording (shown alone); else on the RSA one
 */
public record AttackReport(List<RecoveredValue> recovered, List<String> plaintexts, boolean opened,
        String explanation, boolean dheOpened, String dheExplanation, boolean onDhe) {

    public AttackReport {
        recovered = List.copyOf(recovered);
        plaintexts = List.copyOf(plaintexts);
    }

    /**
     * One recovered value.
     *
     * @param matches true when it equals the value the peers really used (the engine's own)
     */
    public record RecoveredValue(String name, String hex, String shortHex, boolean matches) {
    }

    /**
     * Builds the report for a beat's attack.
     *
     * @param truth    the values the peers really used, by name (the RSA trace's secrets)
     * @param messages the language the explanations are given in
     */
    public static AttackReport of(Attack attack, Eavesdropper.Outcome rsa, Map<String, byte[]> truth,
            Eavesdropper.Outcome dhe, Messages messages) {
        List<RecoveredValue> values = new ArrayList<>();
        for (String name : attack.recovers()) {
            byte[] got = rsa.recovered().get(name);
            String hex = got == null ? "" : Hex.of(got);
            values.add(new RecoveredValue(name, hex, KnowledgeItem.shorten(hex),
                    got != null && truth.containsKey(name) && Arrays.equals(got, truth.get(name))));
        }
        List<String> plaintexts = attack.decrypts().isEmpty() ? List.of() : rsa.plaintexts();
        return new AttackReport(values, plaintexts, rsa.opened(), explain(rsa.verdict(), messages), dhe.opened(),
                explain(dhe.verdict(), messages), attack.onDhe());
    }

    /**
     * How an attack ended, in the learner's language: the engine's own {@link Eavesdropper.Outcome#explanation()}
     * is English, so the app says it from its bundle.
     */
    static String explain(Eavesdropper.Verdict verdict, Messages messages) {
        return messages.get(switch (verdict) {
            case OPENED -> "attack.verdict.opened";
            case NO_HANDSHAKE -> "attack.verdict.noHandshake";
            case FORWARD_SECRET_DH -> "attack.verdict.forwardSecretDh";
            case FORWARD_SECRET_ECDH -> "attack.verdict.forwardSecretEcdh";
            case WRONG_KEY -> "attack.verdict.wrongKey";
            case NO_APPLICATION_DATA -> "attack.verdict.noApplicationData";
        });
    }

    /** True when every recovered value equals the real one. */
    public boolean allMatch() {
        return recovered.stream().allMatch(RecoveredValue::matches);
    }
}
