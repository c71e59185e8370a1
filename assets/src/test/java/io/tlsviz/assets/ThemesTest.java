package io.tlsviz.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A theme is one small file of looked-up colours; every colour base.css uses must be defined by it. */
class ThemesTest {
    private static final Pattern USE = Pattern.compile(":\\s*[^;{]*?(-tv-[a-z0-9-]+)");
    private static final Pattern DEFINE = Pattern.compile("(-tv-[a-z0-9-]+)\\s*:");

    static String read(String name) throws IOException {
        try (InputStream in = ThemesTest.class.getResourceAsStream("/io/tlsviz/assets/themes/" + name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Set<String> matches(Pattern p, String css) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : css.split("\n")) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"light.css", "dark.css", "projector.css"})
    void everyColourTheBaseUsesIsDefined(String theme) throws IOException {
        Set<String> used = matches(USE, read("base.css"));
        used.removeAll(matches(DEFINE, read("base.css")));
        assertThat(used).isNotEmpty();
        assertThat(matches(DEFINE, read(theme))).containsAll(used);
    }

    @ParameterizedTest
    @ValueSource(strings = {"light.css", "dark.css", "projector.css"})
    void clientAndServerAreNotTheSameColour(String theme) throws IOException {
        String css = read(theme);
        Matcher client = Pattern.compile("-tv-client:\\s*(#[0-9a-f]{6})").matcher(css);
        Matcher server = Pattern.compile("-tv-server:\\s*(#[0-9a-f]{6})").matcher(css);
        assertThat(client.find()).isTrue();
        assertThat(server.find()).isTrue();
        assertThat(List.of(client.group(1))).doesNotContain(server.group(1));
    }
}
