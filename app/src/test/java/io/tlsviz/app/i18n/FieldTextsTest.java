package io.tlsviz.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Field;
import io.tlsviz.engine.Group;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.wire.RecordParser;
import io.tlsviz.engine.wire.RecordParser.Context;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FieldTextsTest {
    /** The meaning of every field of every record of handshakes with each suite, each group and the options. */
    private static Set<String> liveMeanings() {
        List<ScenarioOptions> runs = new ArrayList<>();
        for (Exchange e : Exchange.values()) {
            ScenarioOptions d = ScenarioOptions.defaults(e);
            runs.add(d);
            for (CipherSuite c : CipherSuite.values()) {
                if (ScenarioOptions.fits(e, c)) {
                    runs.add(new ScenarioOptions(e, c, d.group(), !e.isTls13(), !e.isTls13(), false, 1L));
                }
            }
            for (Group g : Group.values()) {
                if (g.isFiniteField() == (e == Exchange.DHE) || e == Exchange.RSA && g == d.group()) {
                    runs.add(new ScenarioOptions(e, d.cipherSuite(), g, false, false, e.isTls13(), 1L));
                }
            }
        }
        Set<String> meanings = new TreeSet<>();
        for (ScenarioOptions o : runs) {
            for (Step s : HandshakeSession.run(o).steps()) {
                if (s instanceof MessageStep m) {
                    m.fields().forEach(f -> collect(f, meanings));
                }
            }
        }
        return meanings;
    }

    private static void collect(Field f, Set<String> out) {
        out.add(f.meaning());
        f.children().forEach(c -> collect(c, out));
    }

    @Test
    void everyFieldOfALiveHandshakeIsExplainedInGermanAndEnglishStaysAsTheParserWroteIt() {
        FieldTexts en = new FieldTexts(Locale.ENGLISH);
        FieldTexts de = new FieldTexts(Locale.GERMAN);
        Set<String> meanings = liveMeanings();
        assertThat(meanings).hasSizeGreaterThan(100);
        List<String> missing = meanings.stream().filter(m -> !de.knows(m)).toList();
        assertThat(missing).as("field meanings without a German line in fields_de.tsv").isEmpty();
        for (String m : meanings) {
            assertThat(en.meaning(m)).isEqualTo(m);
            assertThat(de.meaning(m)).as(m).isNotBlank().doesNotContain("\t");
        }
        assertThat(de.meaning("32 random bytes chosen by the client; in TLS 1.2 they go into the master secret and every "
                + "key, in TLS 1.3 only through the transcript hash"))
                .contains("32").contains("Client");
        assertThat(de.meaning("a meaning nobody wrote down")).isEqualTo("a meaning nobody wrote down");
    }

    /**
     * What the inspector says of a broken record, as tampering or a cut connection leaves it: every plaintext
     * record of the live handshakes, its length field kept true to the bytes but its body cut after each of
     * several points (so the message inside runs past the end), and a protected record too short for each
     * suite's protection.
     */
    private static Set<String> brokenMeanings() {
        Set<String> meanings = new TreeSet<>();
        for (Exchange e : Exchange.values()) {
            ScenarioOptions o = ScenarioOptions.defaults(e);
            for (Step s : HandshakeSession.run(o).steps()) {
                if (s instanceof MessageStep m && m.plaintext().isEmpty()) {
                    byte[] record = m.record();
                    Context ctx = e.isTls13() ? Context.tls13(o.cipherSuite()) : Context.tls12(o.cipherSuite());
                    for (int keep = 1; keep < record.length - 5; keep += Math.max(1, (record.length - 5) / 9)) {
                        byte[] cut = Arrays.copyOf(record, 5 + keep);
                        cut[3] = (byte) (keep >> 8);
                        cut[4] = (byte) keep;
                        collect(RecordParser.parseRecord(cut, ctx), meanings);
                    }
                }
            }
        }
        for (CipherSuite c : CipherSuite.values()) {
            for (boolean etm : new boolean[] {false, true}) {
                Context ctx = (c.isTls13() ? Context.tls13(c) : Context.tls12(c)).asEncrypted().withEncryptThenMac(etm);
                collect(RecordParser.parseRecord(new byte[] {23, 3, 3, 0, 3, 1, 2, 3}, ctx), meanings);
            }
        }
        return meanings;
    }

    @Test
    void whatABrokenRecordSaysIsGermanTooDownToTheFieldNamesAndNumbers() {
        FieldTexts de = new FieldTexts(Locale.GERMAN);
        Set<String> meanings = brokenMeanings();
        List<String> details = meanings.stream().filter(m -> m.contains("needs") || m.contains("Too short")).toList();
        assertThat(details).as("the cut records give reasons").hasSizeGreaterThan(10)
                .anyMatch(m -> m.startsWith("Could not be read as"))
                .anyMatch(m -> m.contains("(Incomplete: "))
                .anyMatch(m -> m.contains("only 1 is left"))
                .anyMatch(m -> m.contains("MAC"));
        assertThat(meanings.stream().filter(m -> !de.knows(m)).toList()).as("broken-record meanings without German")
                .isEmpty();
        for (String m : meanings) {
            String german = de.meaning(m);
            assertThat(german).as(m).doesNotContain("needs", "Could not", "Incomplete", "Too short", "at least",
                    "is left", "are left", "cipher block");
        }
        assertThat(de.meaning("Could not be read as Random: Random needs 32 bytes but only 1 is left"))
                .isEqualTo("Nicht als Random lesbar: Random braucht 32 Bytes, aber nur 1 ist übrig");
        assertThat(de.meaning("Too short for this cipher suite's record protection, which needs at least 52 bytes: "
                + "IV, one cipher block and a 20-byte MAC"))
                .isEqualTo("Zu kurz für den Record-Schutz dieser Cipher-Suite; er braucht mindestens 52 Bytes: IV, "
                        + "ein Chiffreblock und ein 20-Byte-MAC");
    }
}
