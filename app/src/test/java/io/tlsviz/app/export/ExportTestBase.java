package io.tlsviz.app.export;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** What the export tests share: a live RSA handshake, a folder to write into, and the toolkit. */
abstract class ExportTestBase {
    static final Trace RSA = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));

    @TempDir
    Path dir;

    /** Starts the toolkit the way TestFX does, so that the window's TestFX tests in this JVM still work. */
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The first {@code n} steps only, to keep the tests quick. */
    static SlideSource firstSteps(int n) {
        StepSlideSource all = new StepSlideSource();
        return new SlideSource() {
            @Override
            public String title(Trace trace, Locale locale) {
                return all.title(trace, locale);
            }

            @Override
            public List<SlideContent> slides(Trace trace, Locale locale) {
                return all.slides(trace, locale).subList(0, n);
            }
        };
    }
}
