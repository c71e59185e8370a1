package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Group;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.crypto.CipherSuite;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The engine's options as editable properties (the settings sheet). Every change starts the handshake
 * over with the new options; a bad seed is refused with a message and leaves the handshake as it was.
 */
public final class ScenarioSettingsViewModel {
    private final ClassroomViewModel classroom;
    private final Messages messages;
    private final ObjectProperty<CipherSuite> suite = new SimpleObjectProperty<>();
    private final ObjectProperty<Group> group = new SimpleObjectProperty<>();
    private final BooleanProperty extendedMasterSecret = new SimpleBooleanProperty();
    private final BooleanProperty encryptThenMac = new SimpleBooleanProperty();
    private final BooleanProperty middleboxCompat = new SimpleBooleanProperty();
    private final StringProperty seed = new SimpleStringProperty("");
    private final BooleanProperty fresh = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean loading;

    public ScenarioSettingsViewModel(ClassroomViewModel classroom) {
        this.classroom = classroom;
        this.messages = classroom.messages();
        load(classroom.optionsProperty().get());
        classroom.optionsProperty().addListener((o, was, now) -> load(now));
        suite.addListener((o, was, now) -> apply());
        group.addListener((o, was, now) -> apply());
        extendedMasterSecret.addListener((o, was, now) -> apply());
        encryptThenMac.addListener((o, was, now) -> apply());
        middleboxCompat.addListener((o, was, now) -> apply());
        seed.addListener((o, was, now) -> apply());
        fresh.addListener((o, was, now) -> apply());
    }

    private void load(ScenarioOptions o) {
        loading = true;
        try {
            suite.set(o.cipherSuite());
            group.set(o.group());
            extendedMasterSecret.set(o.extendedMasterSecret());
            encryptThenMac.set(o.encryptThenMac());
            middleboxCompat.set(o.middleboxCompat());
            fresh.set(o.isFresh());
            if (!o.isFresh()) {
                seed.set(Long.toString(o.seed()));
            }
        } finally {
            loading = false;
        }
    }

    /** Builds options from the properties and restarts the handshake with them. */
    public void apply() {
        if (loading) {
            return;
        }
        Exchange e = classroom.optionsProperty().get().exchange();
        Long s = null;
        if (!fresh.get()) {
            try {
                s = Long.parseLong(seed.get().trim());
            } catch (NumberFormatException ex) {
                error.set(messages.format("settings.badSeed", seed.get()));
                return;
            }
        }
        try {
            ScenarioOptions o = new ScenarioOptions(e, suite.get(), group.get(), extendedMasterSecret.get(),
                    encryptThenMac.get(), middleboxCompat.get(), s);
            error.set("");
            if (!o.equals(classroom.optionsProperty().get())) {
                classroom.applyOptions(o);
            }
        } catch (IllegalArgumentException ex) {
            error.set(ex.getMessage());
        }
    }

    /** The suites that fit the current exchange. */
    public List<CipherSuite> suiteChoices() {
        Exchange e = classroom.optionsProperty().get().exchange();
        return Arrays.stream(CipherSuite.values()).filter(c -> ScenarioOptions.fits(e, c)).toList();
    }

    /** The groups that fit the current exchange (all of them for RSA, where the group is unused). */
    public List<Group> groupChoices() {
        Exchange e = classroom.optionsProperty().get().exchange();
        return Arrays.stream(Group.values()).filter(g -> switch (e) {
            case DHE -> g.isFiniteField();
            case ECDHE, TLS13 -> !g.isFiniteField();
            case RSA -> true;
        }).toList();
    }

    public ObjectProperty<CipherSuite> suiteProperty() {
        return suite;
    }

    public ObjectProperty<Group> groupProperty() {
        return group;
    }

    public BooleanProperty extendedMasterSecretProperty() {
        return extendedMasterSecret;
    }

    public BooleanProperty encryptThenMacProperty() {
        return encryptThenMac;
    }

    public BooleanProperty middleboxCompatProperty() {
        return middleboxCompat;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty freshProperty() {
        return fresh;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
