package io.tlsviz.app.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Field;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.wire.FieldPaths;
import io.tlsviz.engine.wire.Leaves;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * "Where did that number come from?", asked of a message's field: the inspector names the value of the knowledge
 * columns a field carries, shows it, and points at the step that made it.
 */
class InspectorValuesTest {
    static final Messages EN = Messages.forLocale(Locale.ENGLISH);
    static final Messages DE = Messages.forLocale(Locale.GERMAN);

    static ClassroomViewModel classroom(Messages m, Exchange e) {
        return new ClassroomViewModel(m, new EngineNarration(m), ScenarioOptions.defaults(e));
    }

    /** Shows the message step with this name in the inspector and selects its field whose path ends so. */
    private static Field select(ClassroomViewModel vm, String step, String pathSuffix) {
        assertThat(vm.goToStep(step)).isTrue();
        MessageStep m = (MessageStep) vm.currentStepProperty().get();
        Field f = m.fields().stream().flatMap(root -> Leaves.all(root).stream())
                .filter(x -> x.path().endsWith(pathSuffix)).findFirst().orElseThrow();
        vm.inspector().selectedFieldProperty().set(f);
        return f;
    }

    private static Secret value(ClassroomViewModel vm, String step, String name) {
        return vm.steps().stream().filter(s -> s.name().equals(step)).flatMap(s -> s.secrets().stream())
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static int number(ClassroomViewModel vm, String step) {
        return vm.plan().stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow().index() + 1;
    }

    @Test
    void theVerifyDataOfEachFinishedIsNamedShownAndPointsAtTheStepThatComputedIt() {
        ClassroomViewModel vm = classroom(EN, Exchange.RSA);
        for (String sender : new String[] {"client", "server"}) {
            Field f = select(vm, sender + "_finished", FieldPaths.VERIFY_DATA_SUFFIX);
            Secret made = value(vm, sender + "_computes_finished", sender + "_verify_data");
            assertThat(f.hex()).isEqualTo(made.hex());
            InspectorViewModel in = vm.inspector();
            assertThat(in.fieldLabel(f)).isEqualTo("Verify Data: " + sender + "_verify_data = " + made.hex());
            assertThat(in.fieldDetailProperty().get())
                    .startsWith("Verify Data: " + sender + "_verify_data = " + made.hex() + " \u2014 bytes 4 to 4+12. "
                            + "The sender's verify_data: 12 bytes of the PRF over the master_secret and the hash of "
                            + "every handshake message before this one.")
                    .endsWith("\nFrom step " + number(vm, sender + "_computes_finished") + ", \u201c"
                            + (sender.equals("client") ? "Client" : "Server") + " computes its Finished value\u201d: "
                            + sender + "_verify_data = PRF(master_secret, \"" + sender + " finished\", " + sender
                            + "_finished_hash)[0..11]")
                    .doesNotContain("12 bytes computed");
        }
        ClassroomViewModel tls13 = classroom(EN, Exchange.TLS13);
        select(tls13, "client_finished", FieldPaths.VERIFY_DATA_SUFFIX);
        assertThat(tls13.inspector().fieldDetailProperty().get())
                .startsWith("Verify Data: client_verify_data = ")
                .endsWith("computes its Finished value\u201d: client_verify_data = HMAC-SHA-256(client_finished_key, "
                        + "handshake_hash)");
    }

    @Test
    void randomsShowTheirValueAndDhPublicValuesUseTheColumnsNames() {
        ClassroomViewModel vm = classroom(EN, Exchange.DHE);
        Field random = select(vm, "client_hello", FieldPaths.CLIENT_RANDOM);
        InspectorViewModel in = vm.inspector();
        assertThat(in.fieldLabel(random)).isEqualTo("Client Random: client_random = "
                + KnowledgeItem.shorten(random.hex()));
        assertThat(in.fieldDetailProperty().get()).startsWith("Client Random: client_random = " + random.hex()
                + " \u2014 bytes 11 to 11+32. 32 random bytes chosen by the client").doesNotContain("From step");

        Field ys = select(vm, "server_key_exchange", FieldPaths.DH_YS);
        assertThat(in.fieldLabel(ys)).isEqualTo("Server Public Value Ys: server_dh_public = 2048-bit number");
        assertThat(in.fieldDetailProperty().get())
                .contains("server_dh_public = dh_g ^ server_dh_private mod dh_p, the server's ephemeral public value; "
                        + "server_dh_private never leaves the server")
                .startsWith("Server Public Value Ys: server_dh_public = 2048-bit number \u2014 bytes ")
                .endsWith("\nFrom step " + number(vm, "server_makes_dh_keypair") + ", \u201cServer makes a "
                        + "Diffie-Hellman key pair\u201d: server_dh_public = dh_g ^ server_dh_private mod dh_p")
                .doesNotContain("g^y");
        assertThat(in.fieldLabel(select(vm, "server_key_exchange", FieldPaths.DH_G)))
                .isEqualTo("DH Generator g: dh_g = 2");
        Field yc = select(vm, "client_key_exchange", FieldPaths.DH_YC);
        assertThat(in.fieldLabel(yc)).isEqualTo("Client Public Value Yc: client_dh_public = 2048-bit number");
        assertThat(in.fieldDetailProperty().get())
                .startsWith("Client Public Value Yc: client_dh_public = 2048-bit number")
                .contains("client_dh_public = dh_g ^ client_dh_private mod dh_p").doesNotContain("g^x");
        // A field that carries no value of the columns reads as before.
        Field length = select(vm, "client_key_exchange", FieldPaths.RECORD_LENGTH);
        assertThat(in.fieldLabel(length)).isEqualTo("Record Length: " + length.value());
        assertThat(in.fieldDetailProperty().get())
                .startsWith("Record Length = " + length.value() + " \u2014 bytes 3 to 3+2.").doesNotContain("From step");
    }

    @Test
    void inGermanTheFieldSaysTheSameInGerman() {
        ClassroomViewModel vm = classroom(DE, Exchange.DHE);
        select(vm, "client_finished", FieldPaths.VERIFY_DATA_SUFFIX);
        assertThat(vm.inspector().fieldDetailProperty().get())
                .contains("verify_data des Absenders: 12 Bytes der PRF")
                .startsWith("Verify Data: client_verify_data = ")
                .contains("\nAus Schritt " + number(vm, "client_computes_finished") + ", \u201e")
                .endsWith("client_verify_data = PRF(master_secret, \"client finished\", client_finished_hash)[0..11]");
        select(vm, "server_key_exchange", FieldPaths.DH_YS);
        assertThat(vm.inspector().fieldDetailProperty().get())
                .contains("server_dh_public = dh_g ^ server_dh_private mod dh_p, der ephemere \u00f6ffentliche Wert "
                        + "des Servers");
    }
}
