package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.live.Run;
import io.tlsviz.engine.wire.WireNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a tamper edit changed in a record, said to the person who made it: which bytes (offsets from the record's
 * first byte, as the hex dump counts them), in which field of the record as its sender wrote it, from what to what.
 *
 * @param changes   the bytes that differ from what the sender wrote, in record order
 * @param oldLength the record's length as sent
 * @param newLength its length now
 */
public record TamperNote(int ordinal, String messageType, Party from, List<ByteChange> changes, int oldLength,
        int newLength) {
    /** How many changed bytes are named one by one; the rest are counted. */
    static final int NAMED = 3;
    /** Paths of a handshake message inside a plaintext record: record.handshake, record.handshake_1, ... */
    private static final Pattern MESSAGE = Pattern.compile("^record\\.handshake(_\\d+)?$");

    /**
     * One changed byte.
     *
     * @param before          the sender's byte, or -1 where the record is now longer than it was
     * @param after           the byte now, or -1 where the record is now shorter
     * @param field           the name of the (innermost) field it lies in as sent, or "" past the end
     * @param offsetInField   where in that field
     * @param message         the handshake message it lies in (plaintext records only), or ""
     * @param offsetInMessage where in that message, counted from its type byte
     */
    public record ByteChange(int offset, int before, int after, String field, int offsetInField, int fieldLength,
            String message, int offsetInMessage) {
    }

    public TamperNote {
        changes = List.copyOf(changes);
    }

    /** What {@code edited} changes in the pending record {@code p}, against what its sender wrote. */
    public static TamperNote of(Run.PendingRecordView p, byte[] edited) {
        byte[] sent = p.original();
        List<ByteChange> changes = new ArrayList<>();
        Field root = null;
        for (int i = 0; i < Math.max(sent.length, edited.length); i++) {
            int before = i < sent.length ? sent[i] & 0xff : -1;
            int after = i < edited.length ? edited[i] & 0xff : -1;
            if (before == after) {
                continue;
            }
            if (root == null) {
                root = p.originalFields();
            }
            changes.add(locate(root, sent, i, before, after));
        }
        return new TamperNote(p.ordinal(), p.messageType(), p.from(), changes, sent.length, edited.length);
    }

    private static ByteChange locate(Field root, byte[] sent, int offset, int before, int after) {
        Field leaf = null;
        Field message = null;
        for (Field f = root; f != null; ) {
            if (offset < f.offset() || offset >= f.end()) {
                break;
            }
            leaf = f;
            if (MESSAGE.matcher(f.path()).matches()) {
                message = f;
            }
            Field inside = null;
            for (Field c : f.children()) {
                if (offset >= c.offset() && offset < c.end()) {
                    inside = c;
                    break;
                }
            }
            f = inside;
        }
        String messageName = "";
        if (message != null) {
            String title = WireNames.handshakeTitle(sent[message.offset()] & 0xff);
            messageName = title == null ? "" : title;
        }
        return leaf == null ? new ByteChange(offset, before, after, "", 0, 0, "", 0)
                : new ByteChange(offset, before, after, leaf.name(), offset - leaf.offset(), leaf.length(),
                        messageName, messageName.isEmpty() ? 0 : offset - message.offset());
    }

    /** Whether anything differs from what the sender wrote. */
    public boolean changed() {
        return !changes.isEmpty() || oldLength != newLength;
    }

    /** The whole note: the record, then each changed byte (the first few), and a new length. */
    public String text(Messages m) {
        String sender = m.get("party." + from.id());
        if (!changed()) {
            return m.format("tamper.unchanged", messageType, sender);
        }
        List<String> named = new ArrayList<>();
        for (ByteChange c : changes.subList(0, Math.min(NAMED, changes.size()))) {
            named.add(change(m, c));
        }
        String list = String.join("; ", named);
        if (changes.size() > NAMED) {
            list += m.format("tamper.more", String.valueOf(changes.size() - NAMED));
        }
        if (oldLength != newLength) {
            list += m.format("tamper.length", String.valueOf(newLength), String.valueOf(oldLength));
        }
        return m.format("tamper.changed", messageType, sender, list);
    }

    /** The status line's short form: the record and its first changed byte. */
    public String shortText(Messages m) {
        if (changes.isEmpty()) {
            return m.format("status.tampered.length", messageType, String.valueOf(newLength));
        }
        ByteChange c = changes.get(0);
        String more = changes.size() > 1 ? m.format("status.tampered.more", String.valueOf(changes.size() - 1)) : "";
        return m.format("status.tampered.byte", messageType, String.valueOf(c.offset()), hex(c.before()),
                hex(c.after())) + more;
    }

    private static String change(Messages m, ByteChange c) {
        String where = c.field().isEmpty() ? m.get("tamper.beyond")
                : c.message().isEmpty()
                        ? m.format("tamper.location", c.field(), String.valueOf(c.offsetInField()),
                                String.valueOf(c.fieldLength()))
                        : m.format("tamper.location.message", c.field(), String.valueOf(c.offsetInField()),
                                String.valueOf(c.fieldLength()), String.valueOf(c.offsetInMessage()), c.message());
        return m.format("tamper.change", String.valueOf(c.offset()), Integer.toHexString(c.offset()), where,
                hex(c.before()), hex(c.after()));
    }

    /** A byte as the hex dump shows it; "--" for none. */
    private static String hex(int b) {
        return b < 0 ? "--" : Hex.of(new byte[] {(byte) b});
    }
}
