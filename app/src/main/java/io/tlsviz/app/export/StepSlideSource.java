package io.tlsviz.app.export;

import io.tlsviz.app.i18n.StepTexts;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One slide per step of the trace, used when no lesson is chosen: the step's title, what it means (both in the
 * deck's language, see {@link StepTexts}), and every value it reveals with its formula and who knows it. The speaker notes add the full hex of each value.
 */
public final class StepSlideSource implements SlideSource {

    /** How many bytes of a value the narration shows before eliding the rest. */
    private static final int SHORT_HEX_BYTES = 8;

    @Override
    public String title(Trace trace, Locale locale) {
        return deckTitle(trace, new ExportTexts(locale));
    }

    @Override
    public List<SlideContent> slides(Trace trace, Locale locale) {
        ExportTexts texts = new ExportTexts(locale);
        StepTexts stepTexts = new StepTexts(locale);
        List<SlideContent> slides = new ArrayList<>();
        for (Step step : trace.steps()) {
            String meaning = stepTexts.meaning(step, trace.options());
            slides.add(new SlideContent(stepTexts.title(step), narration(step, meaning, texts, stepTexts, false),
                    narration(step, meaning, texts, stepTexts, true), step.index() + 1));
        }
        return slides;
    }

    static String deckTitle(Trace trace, ExportTexts texts) {
        return texts.get("deck.title", protocolLabel(trace.protocol()), trace.cipherSuite().ianaName());
    }

    /** {@code TLSv1.2} as people write it: {@code TLS 1.2}. */
    static String protocolLabel(String protocol) {
        return protocol.replace("TLSv", "TLS ");
    }

    private static String narration(Step step, String meaning, ExportTexts texts, StepTexts stepTexts,
            boolean fullValues) {
        StringBuilder text = new StringBuilder(meaning.strip());
        if (!step.secrets().isEmpty()) {
            text.append("\n\n").append(texts.get("narration.revealed"));
            for (Secret secret : step.secrets()) {
                byte[] bytes = secret.bytes();
                String hex = fullValues ? secret.hex() : shortHex(secret);
                text.append("\n\n").append(texts.get("narration.secret", secret.name(), hex,
                        String.valueOf(bytes.length), parties(secret, texts)));
                String how = secret.formula().isBlank() ? texts.get("narration.random")
                        : stepTexts.formula(secret.formula());
                text.append(' ').append(texts.get("narration.formula", how));
            }
        }
        return text.toString();
    }

    private static String shortHex(Secret secret) {
        String hex = secret.hex();
        return hex.length() <= 2 * SHORT_HEX_BYTES ? hex : hex.substring(0, 2 * SHORT_HEX_BYTES) + "\u2026";
    }

    static String parties(Secret secret, ExportTexts texts) {
        return java.util.Arrays.stream(Party.values())
                .filter(secret::isKnownBy)
                .map(p -> partyName(p, texts))
                .collect(Collectors.joining(", "));
    }

    static String partyName(Party party, ExportTexts texts) {
        return texts.get("party." + party.id());
    }
}
