package io.tlsviz.app.prefs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings that last as long as the object: for tests and the slide export. */
public final class InMemoryPreferenceStore implements PreferenceStore {
    private final Map<String, String> values = new HashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }
}
