package io.tlsviz.app.prefs;

import java.util.Optional;
import java.util.prefs.Preferences;

/** Settings in the user's java.util.prefs node for the app. */
public final class JavaPreferenceStore implements PreferenceStore {
    private final Preferences node;

    public JavaPreferenceStore(Preferences node) {
        this.node = node;
    }

    /** The node {@code /io/tlsviz/app} of the user root. */
    public static JavaPreferenceStore forUser() {
        return new JavaPreferenceStore(Preferences.userRoot().node("io/tlsviz/app"));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(node.get(key, null));
    }

    @Override
    public void put(String key, String value) {
        node.put(key, value);
    }
}
