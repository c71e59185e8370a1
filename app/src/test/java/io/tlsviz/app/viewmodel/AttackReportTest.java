package io.tlsviz.app.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.attack.Eavesdropper;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every way the attack can end is said in English and in German, from the bundles. */
class AttackReportTest {

    @Test
    void everyVerdictHasAnEnglishAndAGermanExplanation() {
        Messages en = Messages.forLocale(Locale.ENGLISH);
        Messages de = Messages.forLocale(Locale.GERMAN);
        for (Eavesdropper.Verdict v : Eavesdropper.Verdict.values()) {
            String english = AttackReport.explain(v, en);
            String german = AttackReport.explain(v, de);
            assertThat(english).as(v.name()).isNotBlank();
            assertThat(german).as(v.name()).isNotBlank().isNotEqualTo(english);
        }
        assertThat(AttackReport.explain(Eavesdropper.Verdict.FORWARD_SECRET_ECDH, de)).contains("ECDH-Wert");
        assertThat(AttackReport.explain(Eavesdropper.Verdict.FORWARD_SECRET_DH, en)).contains("public DH value");
    }
}
