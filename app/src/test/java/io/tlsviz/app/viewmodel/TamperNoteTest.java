package io.tlsviz.app.viewmodel;

import static io.tlsviz.app.viewmodel.InspectorValuesTest.DE;
import static io.tlsviz.app.viewmodel.InspectorValuesTest.EN;
import static io.tlsviz.app.viewmodel.InspectorValuesTest.classroom;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.wire.Leaves;
import org.junit.jupiter.api.Test;

/**
 * Tamper mode says what an edit changed: which byte (its offset in the record, as the hex dump counts, and where it
 * lies in its field and message), from what to what; in the tamper pane, the status line, and the alert it causes.
 */
class TamperNoteTest {
    /** Advances in tamper mode until the record from {@code from} of this type is the one pending. */
    private static void nextUntilPending(ClassroomViewModel vm, Party from, String type) {
        vm.tamperModeProperty().set(true);
        InspectorViewModel in = vm.inspector();
        while (!(in.pendingProperty().get().from() == from && in.pendingProperty().get().messageType().equals(type))) {
            vm.next();
        }
    }

    @Test
    void corruptingAByteSaysWhichByteInWhichFieldFromWhatToWhat() {
        ClassroomViewModel vm = classroom(EN, Exchange.RSA);
        nextUntilPending(vm, Party.CLIENT, "Finished");
        InspectorViewModel in = vm.inspector();
        byte[] record = in.pendingProperty().get().bytes();
        int last = record.length - 1;
        String was = Hex.of(record, last, 1);
        String now = Hex.of(new byte[] {(byte) (record[last] ^ 1)});
        assertThat(in.tamperResultProperty().get()).isEmpty();
        in.corruptPending();
        String note = "You changed the Finished record from the client: byte " + last + " (0x"
                + Integer.toHexString(last) + "), in Authentication Tag at offset 15 of its 16 bytes: " + was
                + " \u2192 " + now + ".";
        assertThat(in.tamperResultProperty().get()).isEqualTo(note);
        assertThat(vm.statusTextProperty().get())
                .endsWith(" \u00b7 tampered: Finished byte " + last + ", " + was + " \u2192 " + now);
        while (vm.canNextProperty().get()) {
            vm.next();
        }
        assertThat(in.tamperResultProperty().get()).as("another record is pending, or none").isEmpty();
        assertThat(vm.alertTextProperty().get()).isEqualTo("Handshake failed. The server rejected the Finished and "
                + "ended the handshake with a fatal bad_record_mac alert. " + note);
        // Back keeps the edit, and so what it says; another handshake forgets both.
        vm.back();
        assertThat(vm.statusTextProperty().get()).contains("tampered: Finished byte " + last);
        vm.exchangeProperty().set(Exchange.DHE);
        assertThat(vm.statusTextProperty().get()).doesNotContain("tampered");
        assertThat(vm.tamperNotes()).isEmpty();
    }

    /**
     * An edit in a plaintext message names the field and where the byte is in its message: one byte of an unused
     * signature algorithm in the ClientHello, which the keys do not depend on, so the Finished check catches it.
     */
    @Test
    void anEditInAPlaintextMessageNamesTheFieldAndTheOffsetInTheMessage() {
        ClassroomViewModel vm = classroom(EN, Exchange.RSA);
        nextUntilPending(vm, Party.CLIENT, "ClientHello");
        InspectorViewModel in = vm.inspector();
        Step hello = vm.completeTrace().step("client_hello").orElseThrow();
        Field unused = Leaves.all(((MessageStep) hello).fields().get(0)).stream()
                .filter(f -> f.value().startsWith("dsa_sha1 ")).findFirst().orElseThrow();
        byte[] edited = in.pendingProperty().get().bytes();
        int at = unused.offset() + 1;
        String was = Hex.of(edited, at, 1);
        edited[at] ^= (byte) 0xff;
        String now = Hex.of(edited, at, 1);
        in.pendingHexProperty().set(Hex.of(edited));
        assertThat(in.applyPendingHex()).isTrue();
        assertThat(in.tamperResultProperty().get()).isEqualTo("You changed the ClientHello record from the client: "
                + "byte " + at + " (0x" + Integer.toHexString(at) + "), in Signature Algorithm at offset 1 of its 2 "
                + "bytes, offset " + (at - 5) + " in the ClientHello message: " + was + " \u2192 " + now + ".");
        while (vm.canNextProperty().get()) {
            vm.next();
        }
        assertThat(vm.alertTextProperty().get()).contains("decrypt_error").contains("in Signature Algorithm");
        // The server hashed the ClientHello it received: its client_finished_hash is not the client's.
        assertThat(vm.knowledge().find(Party.SERVER, "client_finished_hash").orElseThrow().hex())
                .isNotEqualTo(vm.knowledge().find(Party.CLIENT, "client_finished_hash").orElseThrow().hex());
    }

    @Test
    void aLongerOrShorterRecordAndAnUndoneEditAreSaidToo() {
        ClassroomViewModel vm = classroom(EN, Exchange.RSA);
        nextUntilPending(vm, Party.SERVER, "ServerHelloDone");
        InspectorViewModel in = vm.inspector();
        String sent = in.pendingHexProperty().get();
        in.pendingHexProperty().set(sent + " 00 ff");
        in.applyPendingHex();
        assertThat(in.tamperResultProperty().get()).isEqualTo("You changed the ServerHelloDone record from the server: "
                + "byte 9 (0x9), past the end of the record as it was sent: -- \u2192 00; byte 10 (0xa), past the end "
                + "of the record as it was sent: -- \u2192 ff; the record is now 11 bytes long instead of 9.");
        in.pendingHexProperty().set(sent);
        in.applyPendingHex();
        assertThat(in.tamperResultProperty().get())
                .isEqualTo("Every byte of the ServerHelloDone record is again as the server wrote it.");
        assertThat(vm.tamperNotes()).isEmpty();
        assertThat(vm.statusTextProperty().get()).endsWith(" \u00b7 tampered");
    }

    @Test
    void inGermanTheTamperNoteIsGerman() {
        ClassroomViewModel vm = classroom(DE, Exchange.RSA);
        nextUntilPending(vm, Party.CLIENT, "Finished");
        vm.inspector().corruptPending();
        assertThat(vm.inspector().tamperResultProperty().get()).startsWith("Sie haben den Record Finished vom Client "
                + "ver\u00e4ndert: Byte ").contains(", in Authentication Tag an Offset 15 seiner 16 Bytes: ");
        assertThat(vm.statusTextProperty().get()).contains(" \u00b7 manipuliert: Finished Byte ");
    }
}
