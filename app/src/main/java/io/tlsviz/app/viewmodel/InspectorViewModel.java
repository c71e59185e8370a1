package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.i18n.StepTexts;
import io.tlsviz.engine.ComputationStep;
import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.live.Run;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected message as a field tree beside its bytes, with selection both ways (field to bytes, byte to
 * field), and the pending record's bytes for tamper mode, validated before they reach the engine. A field that
 * carries a value of the knowledge columns (client_random, server_dh_public, client_verify_data, ...) is named by
 * that value, shows it, and says which step made it.
 */
public final class InspectorViewModel {

    /** What a valid tamper edit is handed to: the session, in the app. */
    @FunctionalInterface
    public interface TamperTarget {
        void replacePending(byte[] bytes);
    }

    private final Messages messages;
    private final TamperTarget tamperTarget;
    private final ReadOnlyObjectWrapper<MessageStep> message = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Field> roots = FXCollections.observableArrayList();
    private final ObservableList<Field> readOnlyRoots = FXCollections.unmodifiableObservableList(roots);
    private final ObjectProperty<Field> selectedField = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ByteRange> selectedRange = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Run.PendingRecordView> pending = new ReadOnlyObjectWrapper<>();
    private final StringProperty pendingHex = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper tamperError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fieldDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper computation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tamperResult = new ReadOnlyStringWrapper("");
    private final io.tlsviz.app.i18n.FieldTexts fieldTexts;
    private final StepTexts stepTexts;
    private final Supplier<List<Step>> revealed;

    /** A field's decoded value that only says how long it is ("12 bytes"): its bytes say more. */
    private static final Pattern JUST_A_LENGTH = Pattern.compile("^\\d+ bytes?$");
    /** Values up to this many bytes are shown whole in the field's detail, longer ones shortened. */
    private static final int WHOLE_UP_TO = 64;

    public InspectorViewModel(Messages messages, TamperTarget tamperTarget) {
        this(messages, tamperTarget, List::of);
    }

    /**
     * @param revealed the steps revealed so far, in which a field's value is looked up (where it was made)
     */
    public InspectorViewModel(Messages messages, TamperTarget tamperTarget, Supplier<List<Step>> revealed) {
        this.messages = messages;
        this.fieldTexts = new io.tlsviz.app.i18n.FieldTexts(messages.locale());
        this.stepTexts = new StepTexts(messages.locale());
        this.revealed = revealed;
        this.tamperTarget = tamperTarget;
        selectedField.addListener((o, was, f) -> {
            selectedRange.set(f == null ? null : new ByteRange(f.offset(), f.length(), f.inPlaintext()));
            fieldDetail.set(f == null ? "" : describe(f));
        });
    }

    /** Shows a step: a message's fields and bytes, or nothing for a computation. */
    public void show(Step step) {
        MessageStep m = step instanceof MessageStep ms ? ms : null;
        if (m == message.get()) {
            return;
        }
        selectedField.set(null);
        roots.setAll(m == null ? List.of() : m.fields());
        message.set(m);
    }

    /** Shows what a computation step made: its title, each value's formula and its whole value ("" for none). */
    public void showComputation(String text) {
        computation.set(text == null ? "" : text);
    }

    /** The selected computation step described, or "" when a message (or nothing) is selected. */
    public ReadOnlyStringProperty computationProperty() {
        return computation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageStep> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The record root field, and for an encrypted record the decrypted plaintext's root. */
    public ObservableList<Field> roots() {
        return readOnlyRoots;
    }

    public byte[] recordBytes() {
        return message.get() == null ? new byte[0] : message.get().record();
    }

    public byte[] plaintextBytes() {
        return message.get() == null ? new byte[0] : message.get().plaintext().orElse(new byte[0]);
    }

    public ObjectProperty<Field> selectedFieldProperty() {
        return selectedField;
    }

    /** The bytes of the selected field, to highlight in the hex dump. */
    public ReadOnlyObjectProperty<ByteRange> selectedRangeProperty() {
        return selectedRange.getReadOnlyProperty();
    }

    /** Name, decoded value and meaning of the selected field. */
    public ReadOnlyStringProperty fieldDetailProperty() {
        return fieldDetail.getReadOnlyProperty();
    }

    /** The deepest field that holds the byte at {@code offset}. */
    public Optional<Field> fieldAt(int offset, boolean inPlaintext) {
        Field best = null;
        List<Field> level = roots;
        boolean descended = true;
        while (descended) {
            descended = false;
            for (Field f : level) {
                if (f.inPlaintext() == inPlaintext && offset >= f.offset() && offset < f.end()) {
                    best = f;
                    level = f.children();
                    descended = true;
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Selects the field with this dotted path (e.g. {@code record.handshake.client_hello.random}) in the
     * message shown, if it has one.
     *
     * @return true if a field was selected
     */
    public boolean selectPath(String path) {
        Optional<Field> found = findPath(roots, path);
        found.ifPresent(selectedField::set);
        return found.isPresent();
    }

    private static Optional<Field> findPath(List<Field> level, String path) {
        for (Field f : level) {
            if (f.path().equals(path)) {
                return Optional.of(f);
            }
            Optional<Field> inside = findPath(f.children(), path);
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }

    /** Selects the field of a clicked byte. */
    public void selectByte(int offset, boolean inPlaintext) {
        fieldAt(offset, inPlaintext).ifPresent(selectedField::set);
    }

    /**
     * What the field tree shows for a field: its name and decoded value, or for a field that carries a value of
     * the knowledge columns that value's name and the value ("Verify Data: client_verify_data = 1f0e...").
     */
    public String fieldLabel(Field f) {
        Optional<String> name = valueName(f);
        if (name.isEmpty()) {
            return f.value().isEmpty() ? f.name() : f.name() + ": " + f.value();
        }
        return f.name() + ": " + name.get() + " = " + (bytesSayMore(f) ? KnowledgeItem.shorten(f.hex()) : f.value());
    }

    /** Whether a field's bytes say more than its decoded value: it has none, or only its length ("12 bytes"). */
    private static boolean bytesSayMore(Field f) {
        return f.value().isEmpty() || JUST_A_LENGTH.matcher(f.value()).matches();
    }

    /** The name of the knowledge value the field carries in the message shown, if any. */
    public Optional<String> valueName(Field f) {
        MessageStep m = message.get();
        return m == null ? Optional.empty() : m.valueNameOf(f);
    }

    /**
     * The selected field's name, value, bytes and meaning. A field that carries a value of the knowledge columns is
     * named by it, shows it whole (the shortened form of a long one beside its decoded value), and says at which step
     * which formula made it.
     */
    private String describe(Field f) {
        Optional<String> name = valueName(f);
        String what = name.map(n -> f.name() + ": " + n).orElse(f.name());
        String value = name.isPresent() && bytesSayMore(f)
                ? " = " + (f.length() <= WHOLE_UP_TO ? f.hex() : KnowledgeItem.shorten(f.hex()))
                : f.value().isEmpty() ? "" : " = " + f.value();
        String text = messages.format("inspector.field", what, value, f.offset(), f.length(),
                fieldTexts.meaning(f.meaning()));
        Optional<ComputationStep> made = name.flatMap(n -> madeAt(n, f.hex()));
        if (made.isEmpty()) {
            return text;
        }
        ComputationStep c = made.get();
        Secret s = c.secrets().stream().filter(x -> x.name().equals(name.get())).findFirst().orElseThrow();
        return text + "\n" + messages.format("inspector.value.from", String.valueOf(c.index() + 1),
                stepTexts.title(c), stepTexts.formula(s.formula()));
    }

    /** The sender's computation that made this value (these bytes), among the steps revealed before the message. */
    private Optional<ComputationStep> madeAt(String name, String hex) {
        MessageStep m = message.get();
        for (Step s : revealed.get()) {
            if (s.index() >= m.index()) {
                break;
            }
            if (s instanceof ComputationStep c && c.party() == m.from() && c.secrets().stream()
                    .anyMatch(x -> x.name().equals(name) && x.hex().equals(hex))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    // --- Tamper mode ---------------------------------------------------------------------------------

    /** Shows the record that will be delivered next, or none. */
    public void showPending(Optional<Run.PendingRecordView> record) {
        Run.PendingRecordView p = record.orElse(null);
        Run.PendingRecordView before = pending.get();
        if (p == null || before == null || p.ordinal() != before.ordinal()) {
            tamperResult.set("");
        }
        pending.set(p);
        pendingHex.set(p == null ? "" : formatHex(p.bytes()));
        tamperError.set("");
    }

    public ReadOnlyObjectProperty<Run.PendingRecordView> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** The pending record's bytes as editable hex (16 bytes a line). */
    public StringProperty pendingHexProperty() {
        return pendingHex;
    }

    /** Why the last edit was refused, or empty. */
    public ReadOnlyStringProperty tamperErrorProperty() {
        return tamperError.getReadOnlyProperty();
    }

    /** What the last edit changed in the pending record (which bytes, in which fields, from what to what), or empty. */
    public ReadOnlyStringProperty tamperResultProperty() {
        return tamperResult.getReadOnlyProperty();
    }

    /** Says what an edit of the pending record changed; cleared when another record is pending. */
    public void showTamperResult(String text) {
        tamperResult.set(text == null ? "" : text);
    }

    /**
     * Hands the edited hex to the engine. Bad hex is refused with a message naming the problem, and the
     * text stays as typed so nothing is lost.
     *
     * @return true if the edit was applied
     */
    public boolean applyPendingHex() {
        if (pending.get() == null) {
            tamperError.set(messages.get("tamper.nothingPending"));
            return false;
        }
        byte[] bytes;
        try {
            bytes = Hex.parse(pendingHex.get());
        } catch (IllegalArgumentException e) {
            tamperError.set(messages.format("tamper.badHex", e.getMessage()));
            return false;
        }
        if (bytes.length < 5) {
            tamperError.set(messages.format("tamper.tooShort", bytes.length));
            return false;
        }
        tamperTarget.replacePending(bytes);
        tamperError.set("");
        return true;
    }

    /** Flips the low bit of the pending record's last byte (for an encrypted record: its tag). */
    public void corruptPending() {
        Run.PendingRecordView p = pending.get();
        if (p == null) {
            tamperError.set(messages.get("tamper.nothingPending"));
            return;
        }
        byte[] bytes = p.bytes().clone();
        bytes[bytes.length - 1] ^= 0x01;
        pendingHex.set(formatHex(bytes));
        applyPendingHex();
    }

    static String formatHex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(i % 16 == 0 ? '\n' : ' ');
            }
            sb.append(Hex.of(bytes, i, 1));
        }
        return sb.toString();
    }
}
