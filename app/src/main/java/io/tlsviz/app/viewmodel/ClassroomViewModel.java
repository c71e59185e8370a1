package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.i18n.StepTexts;
import io.tlsviz.engine.ComputationStep;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import io.tlsviz.engine.live.DemoPki;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The classroom: one live handshake the class steps through. Holds the session, the revealed steps, the
 * selection, play state and tamper mode, and the knowledge and inspector view-models. No Nodes: the view
 * binds to the properties and calls the commands. Play is driven from outside: whoever owns the clock
 * (the view's timeline) calls {@link #tick()} while {@link #playingProperty() playing}.
 */
public final class ClassroomViewModel {
    private final Messages messages;
    private final NarrationSource narrationSource;
    private final StepTexts stepTexts;
    private final KnowledgeViewModel knowledge;
    private final InspectorViewModel inspector;

    private final ObjectProperty<Exchange> exchange = new SimpleObjectProperty<>(Exchange.RSA);
    private final ReadOnlyObjectWrapper<ScenarioOptions> options = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ObservableList<PlannedStep> plan = FXCollections.observableArrayList();
    // Created once: an unmodifiable wrapper listens weakly, so a fresh one per call would lose listeners.
    private final ObservableList<Step> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<PlannedStep> readOnlyPlan = FXCollections.unmodifiableObservableList(plan);
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Step> currentStep = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Step> selectedStep = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final BooleanProperty tamperMode = new SimpleBooleanProperty();
    private final DoubleProperty secondsPerStep = new SimpleDoubleProperty(1.5);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alertText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper narrationTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper narrationText = new ReadOnlyStringWrapper("");

    private HandshakeSession session;
    /** What each edit of this session changed, by the record it changed (as the session keeps its edits). */
    private final Map<Integer, TamperNote> tamperNotes = new java.util.TreeMap<>();
    /** The CA and server certificate and key both peers use: the shipped demo ones, or freshly generated ones. */
    private final ObjectProperty<DemoPki> pki = new SimpleObjectProperty<>(DemoPki.shipped());
    /** The seed every new scenario uses: a fixed number, or null for fresh randomness. */
    private Long seed = ScenarioOptions.DEFAULT_SEED;

    public ClassroomViewModel(Messages messages, NarrationSource narrationSource, ScenarioOptions initial) {
        this.messages = Objects.requireNonNull(messages);
        this.narrationSource = Objects.requireNonNull(narrationSource);
        this.stepTexts = new StepTexts(messages.locale());
        this.knowledge = new KnowledgeViewModel(stepTexts::formula);
        this.inspector = new InspectorViewModel(messages, this::tamperPending, () -> steps);
        this.seed = initial.seed();
        exchange.set(initial.exchange());
        start(initial);
        exchange.addListener((o, was, now) -> {
            if (now != null && now != options.get().exchange()) {
                // The seed and, between the TLS 1.2 exchanges, the extended master secret carry over; the rest
                // is the new exchange's own (its suite and group, and options that only fit the old one).
                ScenarioOptions before = options.get();
                ScenarioOptions next = ScenarioOptions.defaults(now).withSeed(seed);
                if (before != null && !now.isTls13() && !before.exchange().isTls13()) {
                    next = next.withExtendedMasterSecret(before.extendedMasterSecret());
                }
                start(next);
            }
        });
        selectedStep.addListener((o, was, now) -> {
            inspector.show(now);
            inspector.showComputation(now instanceof ComputationStep c ? describe(c) : "");
        });
        tamperMode.addListener((o, was, now) -> refreshPending());
        pki.addListener((o, was, now) -> {
            if (now == null) {
                pki.set(DemoPki.shipped());
            } else if (now != was) {
                start(options.get());
            }
        });
    }

    public ClassroomViewModel(Messages messages) {
        this(messages, new EngineNarration(messages), ScenarioOptions.defaults(Exchange.RSA));
    }

    // --- Commands ------------------------------------------------------------------------------------

    /** Reveals the next step. */
    public void next() {
        if (session.hasNext()) {
            session.next();
            refresh();
        }
    }

    public void back() {
        pause();
        if (session.position() > 0) {
            session.back();
            refresh();
        }
    }

    public void restart() {
        pause();
        session.restart();
        refresh();
    }

    /** Shows exactly {@code count} steps revealed (replays when going back). */
    public void goTo(int count) {
        goTo(count, -1);
    }

    /** As {@link #goTo(int)}; values learned from step {@code newFrom} on are new (-1: the last step's). */
    private void goTo(int count, int newFrom) {
        pause();
        session.goTo(Math.max(0, count));
        refresh(newFrom);
    }

    public void play() {
        if (!session.hasNext()) {
            session.restart();
            refresh();
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    /** Plays on from where the handshake is, never starting it over (a lesson's play, beat by beat). */
    void playOn() {
        playing.set(true);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** One beat of play: the next step, or stop at the end. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        next();
        if (!session.hasNext()) {
            pause();
        }
    }

    /** Starts over with other options (the settings pane). */
    public void applyOptions(ScenarioOptions newOptions) {
        seed = newOptions.seed();
        start(newOptions);
        exchange.set(newOptions.exchange());
    }

    /**
     * Shows the handshake up to and including the first step with this name (replaying when it lies
     * behind). A lesson beat anchors here by name, never by index.
     *
     * @return false when the handshake as it runs now has no such step (then nothing moves)
     */
    public boolean goToStep(String name) {
        return goToStep(name, -1);
    }

    /**
     * As {@link #goToStep(String)}, for a move forward over several steps at once (a lesson's Next): every
     * value learned since the step shown before counts as new in the knowledge columns, not only the last
     * step's, so a column shows what its party learned during the whole move.
     */
    public boolean advanceToStep(String name) {
        return goToStep(name, session.position());
    }

    private boolean goToStep(String name, int newFrom) {
        for (PlannedStep s : plan) {
            if (s.name().equals(name)) {
                goTo(s.index() + 1, newFrom);
                return true;
            }
        }
        return false;
    }

    /** The values shown so far, by secret name: what the revealed steps captured, first capture wins. */
    public Map<String, byte[]> revealedValues() {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (Step s : steps) {
            for (Secret secret : s.secrets()) {
                values.putIfAbsent(secret.name(), secret.bytes());
            }
        }
        return values;
    }

    /**
     * The whole handshake of this session as it will run, recorded to the end (with any tampering), while
     * the class stays where it is. What an eavesdropper who recorded everything has.
     */
    public Trace completeTrace() {
        int at = session.position();
        session.runToEnd();
        Trace whole = session.trace();
        session.goTo(at);
        return whole;
    }

    /** Selects a revealed step for the inspector; the current step stays where it is. */
    public void select(int index) {
        if (index >= 0 && index < steps.size()) {
            selectedStep.set(steps.get(index));
        }
    }

    private void tamperPending(byte[] bytes) {
        TamperNote note = session.pendingRecord().map(p -> TamperNote.of(p, bytes)).orElse(null);
        session.tamper(bytes);
        if (note != null) {
            if (note.changed()) {
                tamperNotes.put(note.ordinal(), note);
            } else {
                tamperNotes.remove(note.ordinal());
            }
        }
        refreshPlan();
        refreshPending();
        inspector.showTamperResult(note == null ? "" : note.text(messages));
        updateStatus();
    }

    /** What the edits of this session changed, each said in full: which bytes, in which fields, from what to what. */
    public List<String> tamperNotes() {
        return tamperNotes.values().stream().map(n -> n.text(messages)).toList();
    }

    // --- State ---------------------------------------------------------------------------------------

    private void start(ScenarioOptions o) {
        pause();
        session = HandshakeSession.start(o, pki.get(), java.time.Clock.systemUTC());
        tamperNotes.clear();
        options.set(o);
        refreshPlan();
        refresh();
    }

    private void refreshPlan() {
        int at = session.position();
        session.runToEnd();
        List<PlannedStep> all = session.steps().stream().map(s -> PlannedStep.of(s, stepTexts)).toList();
        session.goTo(at);
        plan.setAll(all);
    }

    private void refresh() {
        refresh(-1);
    }

    /** @param newFrom the first revealed step whose values count as new, or -1 for the last step's */
    private void refresh(int newFrom) {
        List<Step> revealed = List.copyOf(session.steps());
        if (!sameSteps(revealed)) {
            steps.setAll(revealed);
        }
        position.set(revealed.size());
        Step current = revealed.isEmpty() ? null : revealed.get(revealed.size() - 1);
        currentStep.set(current);
        selectedStep.set(current);
        canNext.set(session.hasNext());
        canBack.set(!revealed.isEmpty());
        int last = revealed.size() - 1;
        knowledge.update(revealed, session.trace().proof(), newFrom < 0 ? last : Math.min(newFrom, last));
        NarrationSource.Narration n = current == null ? narrationSource.beforeFirstStep(options.get())
                : narrationSource.narrationFor(current, options.get());
        narrationTitle.set(n.title());
        narrationText.set(n.text());
        // The run knows of a failure as soon as the receiver has the tampered record, which is when its message
        // step is revealed; the class learns of it at the step where the receiver rejects it (or at the end).
        boolean hasFailed = session.status() == HandshakeSession.Status.FAILED
                && (!session.hasNext() || revealed.stream().anyMatch(s -> s instanceof ComputationStep c
                        && c.failed()));
        failed.set(hasFailed);
        StringBuilder alert = new StringBuilder();
        if (hasFailed) {
            alert.append(messages.format("alert.failed",
                    stepTexts.failure(session.failure().orElse(""), session.alert().orElse(null))));
            // The one who changed a record reads what they changed beside what it caused.
            tamperNotes().forEach(note -> alert.append(' ').append(note));
        }
        alertText.set(alert.toString());
        refreshPending();
        updateStatus();
    }

    /**
     * The inspector's text for a computation, so a student who clicks a step in the diagram sees where each number
     * came from: its title, then each value it shows (its secrets, then its workings, such as what a
     * signature covers) with its formula and whole value; for a step that teaches no new knowledge, such as a
     * signature or its check, also what it means. A failed step's values are not marked proven: it is where a
     * check failed.
     */
    private String describe(ComputationStep c) {
        StringBuilder sb = new StringBuilder(stepTexts.title(c));
        io.tlsviz.engine.Proof proof = session.trace().proof();
        for (Secret s : c.values()) {
            String f = stepTexts.formula(s.formula());
            sb.append("\n\n").append(f.isEmpty() ? s.name() : f.startsWith(s.name() + " ") ? f : s.name() + ": " + f);
            String hex = s.hex();
            for (int i = 0; i < hex.length(); i += 64) {
                sb.append('\n').append(i == 0 ? "= " : "  ").append(hex, i, Math.min(hex.length(), i + 64));
            }
            if (!c.failed() && proof.proves(s.name())) {
                sb.append("   ").append(messages.get("knowledge.proven"));
            }
        }
        if (c.secrets().isEmpty()) {
            sb.append("\n\n").append(stepTexts.meaning(c, options.get()));
        }
        return sb.toString();
    }

    private boolean sameSteps(List<Step> revealed) {
        if (revealed.size() != steps.size()) {
            return false;
        }
        for (int i = 0; i < revealed.size(); i++) {
            Step a = revealed.get(i);
            Step b = steps.get(i);
            if (!a.name().equals(b.name()) || !a.secrets().equals(b.secrets())
                    || (a instanceof MessageStep ma && b instanceof MessageStep mb
                    && !java.util.Arrays.equals(ma.record(), mb.record()))) {
                return false;
            }
        }
        return true;
    }

    private void refreshPending() {
        inspector.showPending(tamperMode.get() ? session.pendingRecord() : java.util.Optional.empty());
    }

    private void updateStatus() {
        String state = switch (session.status()) {
            case RUNNING -> messages.get("status.running");
            case COMPLETED -> messages.get("status.completed");
            case FAILED -> failed.get() ? messages.get("status.failed") : messages.get("status.running");
        };
        ScenarioOptions o = options.get();
        // The options that change the bytes are named where the class can see them.
        String extras = (o.extendedMasterSecret() ? " · EMS" : "") + (o.encryptThenMac() ? " · EtM" : "")
                + (o.middleboxCompat() ? " · " + messages.get("status.middlebox") : "");
        statusText.set(messages.format("status.text", o.exchange().label(), o.cipherSuite().ianaName() + extras,
                position.get(), plan.size(), state)
                + (session.tampered() ? " · " + tamperStatus() : ""));
    }

    /** "tampered", and while one record is changed, which byte from what to what. */
    private String tamperStatus() {
        return tamperNotes.size() == 1 ? tamperNotes.values().iterator().next().shortText(messages)
                : messages.get("status.tampered");
    }

    // --- Properties ----------------------------------------------------------------------------------

    public ObjectProperty<Exchange> exchangeProperty() {
        return exchange;
    }

    /** The certificates both peers use; setting it starts the handshake over with them. */
    public ObjectProperty<DemoPki> pkiProperty() {
        return pki;
    }

    public ReadOnlyObjectProperty<ScenarioOptions> optionsProperty() {
        return options.getReadOnlyProperty();
    }

    /** The revealed steps, in order. */
    public ObservableList<Step> steps() {
        return readOnlySteps;
    }

    /** Every step of the handshake as it will run (with the tampering so far). */
    public ObservableList<PlannedStep> plan() {
        return readOnlyPlan;
    }

    /** How many steps are revealed. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The last revealed step, or null before the first. */
    public ReadOnlyObjectProperty<Step> currentStepProperty() {
        return currentStep.getReadOnlyProperty();
    }

    /** The step the inspector shows. */
    public ObjectProperty<Step> selectedStepProperty() {
        return selectedStep;
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public BooleanProperty tamperModeProperty() {
        return tamperMode;
    }

    /** Seconds between steps while playing. */
    public DoubleProperty secondsPerStepProperty() {
        return secondsPerStep;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The alert and the reason when the handshake failed, else empty. */
    public ReadOnlyStringProperty alertTextProperty() {
        return alertText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty narrationTitleProperty() {
        return narrationTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty narrationTextProperty() {
        return narrationText.getReadOnlyProperty();
    }

    /** A value's formula or description in the window's language (the engine writes them in English). */
    public String formulaText(String engineFormula) {
        return stepTexts.formula(engineFormula);
    }

    /**
     * The formula a computation's box in the diagram shows: that of the value the step is about (the master
     * secret, not the session hash it needs first), in the app's language; empty when it has none.
     */
    public String computationFormula(ComputationStep step) {
        return step.mainSecret().map(Secret::formula).filter(f -> !f.isEmpty()).map(this::formulaText).orElse("");
    }

    public KnowledgeViewModel knowledge() {
        return knowledge;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public Messages messages() {
        return messages;
    }

    /** A step's title in the app's language (message steps keep their protocol names). */
    public String stepTitle(Step step) {
        return stepTexts.title(step);
    }

    /** What a step means, in the app's language, for the current scenario. */
    public String stepMeaning(Step step) {
        return stepTexts.meaning(step, options.get());
    }
}
