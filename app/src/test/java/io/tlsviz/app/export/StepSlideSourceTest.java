package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StepSlideSourceTest {
    private static final Trace RSA = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));

    @Test
    void aSlidePerStepWithTheStepsTitleMeaningAndSecrets() {
        List<SlideContent> slides = new StepSlideSource().slides(RSA, Locale.ENGLISH);

        assertThat(slides).hasSize(RSA.steps().size());
        for (Step step : RSA.steps()) {
            SlideContent slide = slides.get(step.index());
            assertThat(slide.title()).isEqualTo(step.title());
            assertThat(slide.stepsRevealed()).isEqualTo(step.index() + 1);
            assertThat(slide.narration().plain()).startsWith(step.meaning().strip());
            for (Secret secret : step.secrets()) {
                assertThat(slide.narration().plain()).contains(secret.name() + " = ");
                if (!secret.formula().isBlank()) {
                    assertThat(slide.narration().plain()).contains(secret.formula());
                }
                assertThat(slide.notes().plain()).contains(secret.hex());
            }
        }
    }

    @Test
    void tellsWhoKnowsAValueInTheChosenLanguage() {
        SlideContent premaster = slideOf("client_makes_premaster", Locale.GERMAN);

        assertThat(premaster.narration().plain()).contains("In diesem Schritt neu:").contains("bekannt bei Client.");
        assertThat(new StepSlideSource().title(RSA, Locale.GERMAN))
                .isEqualTo("TLS 1.2-Handshake: TLS_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void germanSlidesExplainTheStepsInGerman() {
        SlideContent makes = slideOf("client_makes_premaster", Locale.GERMAN);
        SlideContent cke = slideOf("client_key_exchange", Locale.GERMAN);

        assertThat(makes.title()).isEqualTo("Client erzeugt das Premaster-Secret");
        assertThat(makes.narration().plain()).startsWith("48 Bytes: die TLS-Version des Clients");
        assertThat(cke.title()).isEqualTo("ClientKeyExchange");
        assertThat(cke.narration().plain()).startsWith("Das Premaster-Secret, verschl\u00fcsselt");
    }

    private static SlideContent slideOf(String stepName, Locale locale) {
        int index = RSA.step(stepName).orElseThrow().index();
        return new StepSlideSource().slides(RSA, locale).get(index);
    }
}
