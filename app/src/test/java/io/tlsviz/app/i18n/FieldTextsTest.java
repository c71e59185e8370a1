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
        assertThat(de.meaning("32 random bytes chosen by the client; both sides mix them into every key"))
                .contains("32").contains("Client");
        assertThat(de.meaning("a meaning nobody wrote down")).isEqualTo("a meaning nobody wrote down");
    }
}
