package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.AttackReport;
import io.tlsviz.app.viewmodel.LessonViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The forward-secrecy attack at a beat: what the leaked key recovered from the recorded RSA session, each
 * value marked against the real one, and the decrypted request and response; or, at the beat about it, the same
 * attack on a DHE recording, which opens nothing.
 */
public final class AttackView extends VBox {
    private final Messages messages;
    /** What a picture too low for the whole attack leaves out, first to last: the DHE explanation, its heading. */
    private final List<Node> optional = new ArrayList<>();

    /** Follows the lesson: shows the attack of each beat that has one. */
    public AttackView(LessonViewModel vm, Messages messages) {
        this(messages);
        vm.attackProperty().addListener((o, a, report) -> show(report));
        show(vm.attackProperty().get());
    }

    /** Shows what {@link #show} is given (a slide of the beat); empty and unmanaged until then. */
    public AttackView(Messages messages) {
        this.messages = messages;
        setId("attack");
        getStyleClass().add(Styles.ATTACK);
        setSpacing(6);
        show(null);
    }

    /** Shows {@code r}, or nothing (taking no room) when it is null. */
    public void show(AttackReport r) {
        getChildren().clear();
        optional.clear();
        setVisible(r != null);
        setManaged(r != null);
        if (r == null) {
            return;
        }
        if (r.onDhe()) {
            // The DHE recording alone: shown at its own beat, so the RSA beats do not answer its quiz early.
            getChildren().add(title(messages.get("attack.dhe.title")));
            Label dhe = wrapped(messages.get(r.dheOpened() ? "attack.dhe.opened" : "attack.dhe.closed"));
            dhe.setId("attack-dhe");
            dhe.getStyleClass().add(r.dheOpened() ? Styles.WRONG : Styles.CORRECT);
            Label why = wrapped(r.dheExplanation());
            why.setId("attack-dhe-explanation");
            getChildren().addAll(dhe, why);
            optional.add(why); // the verdict stays when a picture is short of room
            return;
        }
        getChildren().add(title(messages.get("attack.title")));
        Label rsa = wrapped(messages.get(r.opened() ? "attack.rsa.opened" : "attack.rsa.closed"));
        rsa.setId("attack-rsa");
        rsa.getStyleClass().add(r.opened() ? Styles.WRONG : Styles.CORRECT);
        rsa.setTooltip(new Tooltip(r.explanation()));
        getChildren().add(rsa);
        for (AttackReport.RecoveredValue v : r.recovered()) {
            Label name = new Label(v.name());
            name.getStyleClass().add(Styles.VALUE_NAME);
            Label hex = new Label(v.shortHex());
            hex.getStyleClass().addAll(Styles.HEX, Styles.MONO);
            hex.setTooltip(new Tooltip(v.hex()));
            Label mark = new Label(messages.get(v.matches() ? "attack.matches" : "attack.differs"));
            mark.getStyleClass().add(v.matches() ? Styles.MATCHES : Styles.DIFFERS);
            FlowPane row = new FlowPane(8, 2, name, hex, mark);
            row.setId("attack-value-" + v.name());
            row.setAccessibleText(v.name() + " " + v.hex() + " " + mark.getText());
            getChildren().add(row);
        }
        if (!r.plaintexts().isEmpty()) {
            getChildren().add(title(messages.get("attack.plaintexts")));
            for (int i = 0; i < r.plaintexts().size(); i++) {
                String which = i == 0 ? "attack.request" : i == 1 ? "attack.response" : "attack.plaintexts";
                Label caption = new Label(messages.get(which));
                caption.getStyleClass().add(Styles.MUTED);
                Label text = wrapped(r.plaintexts().get(i).strip());
                text.setId("attack-plaintext-" + (i + 1));
                text.getStyleClass().addAll(Styles.PLAINTEXT, Styles.MONO);
                getChildren().addAll(caption, text);
            }
        }
    }

    /**
     * Fits the attack into a picture {@code height} pixels high, which cannot scroll: it leaves out the DHE
     * explanation (the DHE verdict stays), as far as it takes. Everything shows again when it
     * fits.
     *
     * @return the height it needs then at {@code width}; more than {@code height} if it does not fit even so
     */
    public double frameForPicture(double width, double height) {
        for (Node n : optional) {
            n.setVisible(true);
            n.setManaged(true);
        }
        for (Node n : optional) {
            if (prefHeight(width) <= height) {
                break;
            }
            n.setVisible(false);
            n.setManaged(false);
        }
        return prefHeight(width);
    }

    private static Label title(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add(Styles.SECTION_TITLE);
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
