package io.tlsviz.app.prefs;

import java.util.Optional;

/** Where settings live between runs: java.util.prefs in the app, a map in tests. */
public interface PreferenceStore {
    Optional<String> get(String key);

    void put(String key, String value);
}
