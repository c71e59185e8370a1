package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Group;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.live.DemoPki;
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
    private final BooleanProperty freshCertificates = new SimpleBooleanProperty();
    private final javafx.beans.property.ReadOnlyBooleanWrapper generating = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper certificateStatus = new ReadOnlyStringWrapper("");
    private final java.util.concurrent.Executor background;
    private final java.util.concurrent.Executor fxThread;
    /** Counts requests, so a key pair that arrives after the teacher changed their mind is dropped. */
    private volatile int certificateRequest;

    /** One daemon thread for all windows: ticking the box on and off quickly queues work instead of racing. */
    private static final java.util.concurrent.Executor CERTIFICATE_MAKER =
            java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "tlsviz-fresh-certificates");
                t.setDaemon(true);
                return t;
            });
    private boolean loading;
    private boolean syncingCertificates;

    /** Fresh certificates are made on a background thread and handed to the classroom on the FX thread. */
    public ScenarioSettingsViewModel(ClassroomViewModel classroom) {
        this(classroom, CERTIFICATE_MAKER, javafx.application.Platform::runLater);
    }

    /**
     * @param background where the RSA key pairs and certificates are generated (a second or two)
     * @param fxThread   where the result is handed to the classroom
     */
    public ScenarioSettingsViewModel(ClassroomViewModel classroom, java.util.concurrent.Executor background,
            java.util.concurrent.Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
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
        freshCertificates.set(classroom.pkiProperty().get() != DemoPki.shipped());
        freshCertificates.addListener((o, was, now) -> {
            if (!syncingCertificates) {
                certificates(now);
            }
        });
        // Certificates set from elsewhere (a window rebuilt in another language keeps them) tick the box too.
        classroom.pkiProperty().addListener((o, was, now) -> {
            showFreshCertificates(now != DemoPki.shipped());
            if (!generating.get()) {
                certificateStatus.set(now != DemoPki.shipped() ? messages.get("settings.freshCertificates.ready") : "");
            }
        });
    }

    /**
     * Fresh certificates: a new CA and server key pair and certificates, generated here and now, so nobody can
     * say the handshake only works with a key prepared for it. Off: the shipped demo certificates again.
     */
    private void certificates(boolean fresh) {
        int request = ++certificateRequest;
        if (!fresh) {
            generating.set(false);
            certificateStatus.set("");
            classroom.pkiProperty().set(DemoPki.shipped());
            return;
        }
        generating.set(true);
        certificateStatus.set(messages.get("settings.freshCertificates.generating"));
        background.execute(() -> {
            if (request != certificateRequest) {
                return; // changed again while this waited its turn
            }
            DemoPki made;
            try {
                made = DemoPki.generate(new java.security.SecureRandom());
            } catch (Throwable e) {
                fxThread.execute(() -> {
                    if (request == certificateRequest) {
                        generating.set(false);
                        showFreshCertificates(false);
                        certificateStatus.set(messages.format("settings.freshCertificates.failed",
                                String.valueOf(e.getMessage())));
                    }
                });
                return;
            }
            fxThread.execute(() -> {
                if (request == certificateRequest) {
                    generating.set(false);
                    classroom.pkiProperty().set(made); // its listener says they are in use
                }
            });
        });
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

    /** Whether the group option means anything for the current exchange (RSA uses none). */
    public javafx.beans.binding.BooleanBinding groupAppliesProperty() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> classroom.optionsProperty().get().exchange() != Exchange.RSA, classroom.optionsProperty());
    }

    /** Extended master secret: TLS 1.2 only (TLS 1.3 binds the transcript into its key schedule anyway). */
    public javafx.beans.binding.BooleanBinding extendedMasterSecretAppliesProperty() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !classroom.optionsProperty().get().exchange().isTls13(), classroom.optionsProperty());
    }

    /** Encrypt-then-MAC: TLS 1.2 with a CBC suite (an AEAD suite has no separate MAC). */
    public javafx.beans.binding.BooleanBinding encryptThenMacAppliesProperty() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !classroom.optionsProperty().get().exchange().isTls13() && suite.get() != null
                        && !suite.get().isAead(), classroom.optionsProperty(), suite);
    }

    /** Middlebox compatibility mode: TLS 1.3 only. */
    public javafx.beans.binding.BooleanBinding middleboxCompatAppliesProperty() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> classroom.optionsProperty().get().exchange().isTls13(), classroom.optionsProperty());
    }

    /** The seed, unless the randomness is fresh. */
    public javafx.beans.binding.BooleanBinding seedAppliesProperty() {
        return fresh.not();
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

    /** Ticks or unticks the box without asking for (or dropping) certificates. */
    private void showFreshCertificates(boolean fresh) {
        syncingCertificates = true;
        try {
            freshCertificates.set(fresh);
        } finally {
            syncingCertificates = false;
        }
    }

    /** On: both peers use a CA and server certificate generated in this run (off: the shipped demo ones). */
    public BooleanProperty freshCertificatesProperty() {
        return freshCertificates;
    }

    /** True while fresh certificates are being generated. */
    public javafx.beans.property.ReadOnlyBooleanProperty generatingProperty() {
        return generating.getReadOnlyProperty();
    }

    /** What happened to the last request for fresh certificates, or empty. */
    public ReadOnlyStringProperty certificateStatusProperty() {
        return certificateStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
