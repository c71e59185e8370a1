package io.tlsviz.app.viewmodel;

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
 * @param explanation   the engine's account of the RSA attack
 * @param dheOpened     true if the DHE recording opened (never, which is the point)
 * @param dheExplanation the engine's account of the DHE attack
 */
public record AttackReport(List<RecoveredValue> recovered, List<String> plaintexts, boolean opened,
        String explanation, boolean dheOpened, String dheExplanation) {

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
     * @param truth the values the peers really used, by name (the RSA trace's secrets)
     */
    public static AttackReport of(Attack attack, Eavesdropper.Outcome rsa, Map<String, byte[]> truth,
            Eavesdropper.Outcome dhe) {
        List<RecoveredValue> values = new ArrayList<>();
        for (String name : attack.recovers()) {
            byte[] got = rsa.recovered().get(name);
            String hex = got == null ? "" : Hex.of(got);
            values.add(new RecoveredValue(name, hex, KnowledgeItem.shorten(hex),
                    got != null && truth.containsKey(name) && Arrays.equals(got, truth.get(name))));
        }
        List<String> plaintexts = attack.decrypts().isEmpty() ? List.of() : rsa.plaintexts();
        return new AttackReport(values, plaintexts, rsa.opened(), rsa.explanation(), dhe.opened(),
                dhe.explanation());
    }

    /** True when every recovered value equals the real one. */
    public boolean allMatch() {
        return recovered.stream().allMatch(RecoveredValue::matches);
    }
}
