package io.tlsviz.app.viewmodel;

import io.tlsviz.engine.Party;
import io.tlsviz.engine.Proof;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * Who knows what, computed from the revealed steps: a party knows a value from the first revealed step
 * whose secrets list it with that party in {@code knownBy}, never earlier.
 */
public final class KnowledgeViewModel {
    private final java.util.function.UnaryOperator<String> formulaText;
    private final Map<Party, ObservableList<KnowledgeItem>> columns = new EnumMap<>(Party.class);
    private final Map<Party, ObservableList<KnowledgeItem>> readOnlyColumns = new EnumMap<>(Party.class);
    private final ObjectProperty<KnowledgeItem> selected = new SimpleObjectProperty<>();
    private final ObservableSet<String> highlighted = FXCollections.observableSet();
    private final ObservableSet<String> readOnlyHighlighted = FXCollections.unmodifiableObservableSet(highlighted);
    private final ObservableSet<String> lessonHighlights = FXCollections.observableSet();
    private final ObservableSet<String> readOnlyLessonHighlights =
            FXCollections.unmodifiableObservableSet(lessonHighlights);

    /** Formulas and descriptions shown as the engine wrote them (English). */
    public KnowledgeViewModel() {
        this(java.util.function.UnaryOperator.identity());
    }

    /** @param formulaText puts a value's formula or description into the window's language */
    public KnowledgeViewModel(java.util.function.UnaryOperator<String> formulaText) {
        this.formulaText = java.util.Objects.requireNonNull(formulaText, "formulaText");
        for (Party p : Party.values()) {
            ObservableList<KnowledgeItem> list = FXCollections.observableArrayList();
            columns.put(p, list);
            readOnlyColumns.put(p, FXCollections.unmodifiableObservableList(list));
        }
        selected.addListener((o, was, now) -> {
            highlighted.clear();
            if (now != null) {
                highlighted.addAll(now.inputs());
            }
        });
    }

    /** The values a party knows, in the order it learned them. */
    public ObservableList<KnowledgeItem> column(Party party) {
        return readOnlyColumns.get(party);
    }

    /** The value the user selected; its inputs are {@link #highlightedNames() highlighted}. */
    public ObjectProperty<KnowledgeItem> selectedProperty() {
        return selected;
    }

    /** Names of the inputs of the selected value. */
    public ObservableSet<String> highlightedNames() {
        return readOnlyHighlighted;
    }

    /** Names of the values the current lesson beat points at. */
    public ObservableSet<String> lessonHighlights() {
        return readOnlyLessonHighlights;
    }

    /** Points at these values for the current lesson beat (empty: none). */
    public void setLessonHighlights(java.util.Collection<String> names) {
        if (!lessonHighlights.equals(Set.copyOf(names))) {
            lessonHighlights.clear();
            lessonHighlights.addAll(names);
        }
    }

    /**
     * Recomputes every column from the steps revealed so far; values learned from the revealed step at
     * position {@code newFrom} (from 0) on are new: the last step's after a single step, more after a lesson's
     * move over several.
     */
    public void update(List<Step> revealed, Proof proof, int newFrom) {
        int current = revealed.isEmpty() || newFrom < 0 ? -1
                : revealed.get(Math.min(newFrom, revealed.size() - 1)).index();
        Set<String> wireKnows = new HashSet<>();
        Map<Party, Map<String, KnowledgeItem>> learned = new EnumMap<>(Party.class);
        for (Party p : Party.values()) {
            learned.put(p, new LinkedHashMap<>());
        }
        for (Step step : revealed) {
            for (Secret s : step.secrets()) {
                if (s.isKnownBy(Party.EAVESDROPPER)) {
                    wireKnows.add(s.name());
                }
            }
        }
        for (Step step : revealed) {
            for (Secret s : step.secrets()) {
                for (Party p : s.knownBy()) {
                    learned.get(p).computeIfAbsent(s.name(), n -> new KnowledgeItem(p, n, s.hex(),
                            KnowledgeItem.shorten(s.hex()), formulaText.apply(s.formula()), s.inputs(), step.index(),
                            proof.proves(n), current >= 0 && step.index() >= current, !wireKnows.contains(n)));
                }
            }
        }
        String selectedName = selected.get() == null ? null : selected.get().name();
        Party selectedParty = selected.get() == null ? null : selected.get().party();
        KnowledgeItem reselect = null;
        for (Party p : Party.values()) {
            List<KnowledgeItem> items = new ArrayList<>(learned.get(p).values());
            if (!items.equals(columns.get(p))) {
                columns.get(p).setAll(items);
            }
            if (p == selectedParty) {
                reselect = learned.get(p).get(selectedName);
            }
        }
        selected.set(reselect);
    }

    /** The item for a name in a party's column, if that party knows it. */
    public java.util.Optional<KnowledgeItem> find(Party party, String name) {
        return columns.get(party).stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
