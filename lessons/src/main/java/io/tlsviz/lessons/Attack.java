package io.tlsviz.lessons;

import java.util.List;

/**
 * What an eavesdropper does at a beat with the bytes recorded from the wire and the server's private
 * key, which has leaked later (the forward-secrecy lesson). The app runs the attack on the real recorded
 * bytes and checks what it recovers against the engine's own values.
 *
 * @param recorded step names whose recorded records the attack reads, e.g. {@code client_key_exchange}
 * @param uses     secret names the eavesdropper takes from the recording, e.g. {@code client_random}
 * @param recovers secret names the attack recovers, to be checked against the engine's own values
 * @param decrypts step names of recorded encrypted records the attack decrypts to plaintext
 * @param recording which recording the attack is on: {@link #RSA} (the lesson's own session, the default) or
 *                  {@link #DHE} (a DHE session with the same server, which the leaked key cannot open)
 */
public record Attack(List<String> recorded, List<String> uses, List<String> recovers, List<String> decrypts,
        String recording) {
    /** The lesson's own RSA session. */
    public static final String RSA = "rsa";
    /** A DHE session recorded from the same server. */
    public static final String DHE = "dhe";
    /** The recordings an attack can be on. */
    public static final List<String> RECORDINGS = List.of(RSA, DHE);

    /** An attack on the lesson's own RSA recording. */
    public Attack(List<String> recorded, List<String> uses, List<String> recovers, List<String> decrypts) {
        this(recorded, uses, recovers, decrypts, RSA);
    }

    public Attack {
        recorded = List.copyOf(recorded);
        uses = List.copyOf(uses);
        recovers = List.copyOf(recovers);
        decrypts = List.copyOf(decrypts);
        recording = recording == null ? RSA : recording;
    }

    /** True for the attack on the DHE recording. */
    public boolean onDhe() {
        return DHE.equals(recording);
    }
}
