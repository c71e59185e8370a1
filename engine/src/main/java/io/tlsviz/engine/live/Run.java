package io.tlsviz.engine.live;

import io.tlsviz.engine.ComputationStep;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Proof;
import io.tlsviz.engine.ProofFailedException;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.crypto.RecordProtection;
import io.tlsviz.engine.crypto.Tls12KeySchedule;
import io.tlsviz.engine.crypto.Tls13KeySchedule;
import io.tlsviz.engine.wire.RecordParser;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.tls.AlertDescription;

/**
 * One live run of a handshake: the two peers, the queue of what happens next, the steps revealed so far,
 * each side's view of the values, and the independent checks. {@code HandshakeSession} replays a new Run
 * from the start to step back.
 */
public final class Run {
    private static final Set<Party> ALL = EnumSet.allOf(Party.class);

    private final ScenarioOptions options;
    private final CipherSuite suite;
    private final boolean tls13;
    private final boolean ems;
    private final boolean etm;
    private final DemoPki pki;
    private final LivePeers peers;
    private final Side client = new Side(Party.CLIENT);
    private final Side server = new Side(Party.SERVER);
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<KnownValue, Set<Party>> known = new HashMap<>();

    /** A named value; two values with the same name but other bytes are different knowledge. */
    private record KnownValue(String name, java.nio.ByteBuffer bytes) {
    }
    private final Map<String, byte[]> values = new LinkedHashMap<>();
    private final List<Proof.Check> checks = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private final Map<Party, List<Map<String, byte[]>>> polled = new HashMap<>();
    private String alert;
    /** Whether a step has shown the server's own key pair yet (see ownKeysFirst). */
    private boolean serverKeyPairShown;
    /** The peer received the other side's alert: the connection is closed, nothing more will come. */
    private boolean alertReceived;
    private Party lastReceiver;
    private String failure;
    private boolean tampered;
    private int recordsDelivered;

    /** Something queued to happen: a computation to show, or a record to deliver. */
    private sealed interface Pending permits PendingComputation, PendingRecord {
    }

    private record SecretSpec(String name, byte[] bytes, Set<Party> learners, String formula, List<String> inputs) {
    }

    /**
     * @param result   the name of the value the step is about, or empty for its first (see ComputationStep)
     * @param workings values the step shows that are not tracked as knowledge (see ComputationStep)
     */
    private record PendingComputation(Party party, String name, String title, String meaning,
            List<SecretSpec> secrets, boolean failed, String result, List<Secret> workings) implements Pending {

        PendingComputation about(String mainValue) {
            return new PendingComputation(party, name, title, meaning, secrets, failed, mainValue, workings);
        }

        PendingComputation showing(List<Secret> values) {
            return new PendingComputation(party, name, title, meaning, secrets, failed, result, values);
        }
    }

    private static final class PendingRecord implements Pending {
        final Party from;
        byte[] bytes;
        final byte[] original;
        final boolean encrypted;
        final RecordProtection.Keys keys;
        final long sequence;
        final int contentType;
        final byte[] content;
        final String messageType;
        final RecordParser.Context context;
        final String epoch;
        boolean tampered;
        boolean dropped;

        PendingRecord(Party from, byte[] bytes, boolean encrypted, RecordProtection.Keys keys, long sequence,
                int contentType, byte[] content, String messageType, RecordParser.Context context, String epoch) {
            this.epoch = epoch;
            this.from = from;
            this.bytes = bytes;
            this.original = bytes.clone();
            this.encrypted = encrypted;
            this.keys = keys;
            this.sequence = sequence;
            this.contentType = contentType;
            this.content = content;
            this.messageType = messageType;
            this.context = context;
        }
    }

    /**
     * What the next record delivery would carry, for a caller who wants to change it first.
     *
     * @param bytes    what will be delivered (changed, if a caller changed it)
     * @param original what the sender wrote
     * @param context  how to read {@code original} into fields ({@link #originalFields()})
     */
    public record PendingRecordView(int ordinal, Party from, Party to, byte[] bytes, String messageType,
            boolean encrypted, byte[] original, RecordParser.Context context) {

        /** The record as its sender wrote it, read into fields: where a changed byte lies, and what it was part of. */
        public Field originalFields() {
            return RecordParser.parseRecord(original, context);
        }
    }

    public Run(ScenarioOptions options, byte[] seed, DemoPki pki, Clock clock, boolean capturing) {
        this.options = options;
        this.suite = options.cipherSuite();
        this.tls13 = options.exchange().isTls13();
        this.ems = options.extendedMasterSecret() && !tls13;
        this.etm = options.encryptThenMac() && !suite.isAead() && !tls13;
        this.pki = pki;
        this.peers = new LivePeers(options, seed, pki, clock, capturing);
        LivePeers.Reaction first = peers.start();
        absorb(Party.CLIENT, first, null, null);
    }

    // ------------------------------------------------------------------ stepping

    public boolean hasNext() {
        return !queue.isEmpty();
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public Step next() {
        Pending p = queue.poll();
        if (p == null) {
            throw new IllegalStateException("the handshake has no further step");
        }
        Step step;
        try {
            step = p instanceof PendingComputation c ? reveal(c) : deliver((PendingRecord) p);
        } catch (ProofFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!tampered) {
                throw e;
            }
            // One guard for the unexpected: a changed record can leave a view without the values it expects.
            // The handshake has failed anyway; say so instead of throwing out of the engine.
            queue.clear();
            failure = failure != null ? failure : "the handshake was changed on the way and could not go on ("
                    + e.getClass().getSimpleName() + ")";
            step = new ComputationStep(steps.size(), uniqueName("handshake_aborted"), "The handshake is aborted",
                    failure, p instanceof PendingRecord r ? other(r.from) : ((PendingComputation) p).party(),
                    List.of(), true);
        }
        steps.add(step);
        if (queue.isEmpty() && !completed() && alert == null && !alertReceived && failure == null
                && lastReceiver != null) {
            // Nobody answers and nothing is left to deliver: say why instead of ending silently.
            failure = "the connection stalled: the " + lastReceiver.id() + " waits for bytes that never come";
            queue.add(comp(lastReceiver, "waits_for_more_bytes", "waits for bytes that never come",
                    "The last record was accepted but did not finish a message (its length field promises more bytes "
                            + "than arrived, or a message is missing), so the " + lastReceiver.id() + " waits. A real "
                            + "connection would time out here.", List.of(), true));
        }
        return step;
    }

    public Optional<PendingRecordView> pendingRecord() {
        int ordinal = recordsDelivered;
        for (Pending p : queue) {
            if (p instanceof PendingRecord r) {
                return Optional.of(new PendingRecordView(ordinal, r.from, other(r.from), r.bytes.clone(),
                        r.messageType, r.encrypted, r.original.clone(), r.context));
            }
        }
        return Optional.empty();
    }

    /** Replaces the bytes of the next record to be delivered. */
    public void replacePending(byte[] bytes) {
        firstRecord().ifPresent(r -> {
            r.bytes = bytes.clone();
            r.tampered = !Arrays.equals(bytes, r.original);
        });
    }

    /** The next record will be lost on the way. */
    public void dropPending() {
        firstRecord().ifPresent(r -> {
            r.dropped = true;
            r.tampered = true;
        });
    }

    private Optional<PendingRecord> firstRecord() {
        for (Pending p : queue) {
            if (p instanceof PendingRecord r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public boolean completed() {
        return alert == null && failure == null && peers.bothConnected() && peers.exchangedApplicationData();
    }

    public Optional<String> alert() {
        return Optional.ofNullable(alert);
    }

    /** Why the handshake failed, once nothing more can happen and it did not complete. */
    public Optional<String> failure() {
        if (failure != null) {
            return Optional.of(failure);
        }
        if (queue.isEmpty() && !completed()) {
            return Optional.of("the connection stalled: the receiver waits for bytes that never come");
        }
        return Optional.empty();
    }

    public Map<String, byte[]> values() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    public Proof proof() {
        return new Proof(checks);
    }

    public boolean wasTampered() {
        return tampered;
    }

    // ------------------------------------------------------------------ revealing

    private ComputationStep reveal(PendingComputation c) {
        List<Secret> secrets = new ArrayList<>();
        for (SecretSpec s : ownKeysFirst(c.party(), c.secrets())) {
            secrets.add(learn(s));
        }
        return new ComputationStep(steps.size(), uniqueName(c.name()), c.title(), c.meaning(), c.party(), secrets,
                c.failed(), c.result(), c.workings());
    }

    /**
     * The server holds its certificate's key pair before any handshake starts; the first step the server
     * takes is the earliest a trace can show that, so the pair is listed there, known by the server alone
     * (docs/decisions/0013-server-key-pair.md). Its Certificate then only tells the others the public key.
     */
    private List<SecretSpec> ownKeysFirst(Party actor, List<SecretSpec> specs) {
        if (actor != Party.SERVER || serverKeyPairShown) {
            return specs;
        }
        serverKeyPairShown = true;
        Set<Party> self = EnumSet.of(Party.SERVER);
        List<SecretSpec> out = new ArrayList<>();
        out.add(new SecretSpec("server_public_key", serverPublicKeyInfo(), self,
                "the server's own public key, as its certificate carries it (SubjectPublicKeyInfo)", List.of()));
        out.add(new SecretSpec("server_private_key", pki.serverPrivateKeyJdk().getEncoded(), self,
                "the server's own private key (PKCS#8), never sent", List.of()));
        out.addAll(specs);
        return out;
    }

    /**
     * Knowledge is per value, not per name: after a tampered ClientKeyExchange the server holds a different
     * "premaster_secret" than the client, and neither knows the other's.
     */
    private Secret learn(SecretSpec s) {
        Set<Party> who = known.computeIfAbsent(new KnownValue(s.name(), java.nio.ByteBuffer.wrap(s.bytes())),
                k -> EnumSet.noneOf(Party.class));
        who.addAll(s.learners());
        values.putIfAbsent(s.name(), s.bytes().clone());
        return new Secret(s.name(), s.bytes(), who, s.formula(), s.inputs());
    }

    private String uniqueName(String base) {
        int n = nameCounts.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + n;
    }

    private MessageStep deliver(PendingRecord r) {
        Party to = other(r.from);
        lastReceiver = to;
        Side receiver = side(to);
        tampered |= r.tampered;
        recordsDelivered++;

        // What the wire shows: the bytes as they travel, and (with the sender's keys) the plaintext inside.
        Optional<byte[]> plaintext = Optional.empty();
        List<Field> fields = new ArrayList<>();
        fields.add(RecordParser.parseRecord(r.bytes, r.context));
        int type = r.contentType;
        byte[] content = r.content;
        if (r.encrypted) {
            try {
                RecordProtection.Decrypted d = RecordProtection.decrypt(r.keys, r.sequence, r.bytes);
                // TLS 1.3 shows the whole TLSInnerPlaintext: the hidden content type and padding are decrypted bytes too.
                plaintext = Optional.of(tls13 ? d.tls13InnerPlaintext() : d.content());
                type = d.contentType();
                content = d.content();
                if (!r.tampered) {
                    boolean same = d.contentType() == r.contentType && Arrays.equals(d.content(), r.content);
                    check(r.from.id() + " " + r.messageType + " record decrypts with the displayed keys",
                            same, same ? "decrypted with " + String.join(" and ", keyNames(r.from, r.epoch))
                                    + (tls13 || suite.isAead() ? "" : ", with the IV from the start of the record")
                                    + " (sequence number " + r.sequence + "); the plaintext is exactly what the "
                                    + r.from.id() + " encrypted"
                                    : "decrypted, but not to what the sender encrypted",
                            keyNames(r.from, r.epoch));
                }
                fields.add(tls13 ? RecordParser.parseTls13InnerPlaintext(d.tls13InnerPlaintext(), d.content().length,
                        r.context) : RecordParser.parsePlaintext(d.content(), d.contentType(), r.context));
            } catch (RecordProtection.BadRecordException e) {
                if (!r.tampered) {
                    check(r.from.id() + " " + r.messageType + " record decrypts with the displayed keys", false,
                            e.getMessage(), List.of());
                }
                content = null;
            }
        } else if (r.tampered) {
            content = r.bytes.length > 5 ? Arrays.copyOfRange(r.bytes, 5, r.bytes.length) : new byte[0];
        }

        List<SecretSpec> revealed = new ArrayList<>();
        if (!r.dropped && content != null) {
            revealed.addAll(publicValues(r.from, type, content, r.encrypted));
        }
        String name = messageStepName(r.from, r.messageType);
        List<Secret> secrets = new ArrayList<>();
        for (SecretSpec s : ownKeysFirst(r.from, revealed)) {
            secrets.add(learn(s));
        }
        MessageStep step = new MessageStep(steps.size(), uniqueName(name), r.messageType, messageMeaning(r),
                r.from, to, r.bytes, fields, plaintext, r.messageType, r.encrypted, r.tampered, r.dropped, secrets);

        if (r.dropped) {
            failure = "the " + r.messageType + " from the " + r.from.id() + " was lost on the way";
            return step;
        }
        // Receiver-side checks need the transcript as it was before this message.
        List<PendingComputation> before = new ArrayList<>();
        if (type == RecordProtection.HANDSHAKE && content != null && !"Alert".equals(r.messageType)) {
            for (byte[] msg : handshakeMessages(content)) {
                if ((msg[0] & 0xff) == 20 && !r.tampered) {
                    before.add(verifiesFinished(receiver, msg));
                }
                addToTranscript(receiver, msg);
            }
        }
        LivePeers.Reaction reaction = peers.deliver(to, r.bytes);
        poll(to);
        absorb(to, reaction, before, r.dropped ? null : r.messageType);
        return step;
    }

    // ------------------------------------------------------------------ absorbing a peer's reaction

    /**
     * Turns what a peer did in one call into queued steps: its immediate computations first (ahead of the
     * other side's remaining messages), then its records in wire order, each preceded by the computations
     * it depends on.
     */
    private void absorb(Party actor, LivePeers.Reaction reaction, List<PendingComputation> receiverFirst,
            String receivedType) {
        Side me = side(actor);
        List<Capture> captures = reaction.captures();
        List<PendingComputation> immediate = new ArrayList<>();
        if (receiverFirst != null) {
            immediate.addAll(receiverFirst);
        }

        // Computations caused by what was just received.
        boolean certificateRejected = false;
        for (Capture c : captures) {
            if (c instanceof Capture.CertificateChecked cc) {
                certificateRejected |= !cc.ok();
                immediate.add(comp(actor, "verifies_certificate", "checks the server's certificate",
                        cc.ok() ? "The certificate checks out: " + cc.detail() + "; valid today; issued for "
                                + DemoPki.SERVER_NAME + ", the name the client asked for. So the public key in it "
                                + "really belongs to that server."
                                : "The certificate does not check out: " + cc.detail() + ".",
                        List.of(), !cc.ok()).showing(certificateWorkings(me)).about("certificate_signature"));
            }
        }
        // The client checks the server's signature where Bouncy Castle does: when the message that carries it
        // arrives, unless it already stopped at the certificate or before the signature.
        if (actor == Party.CLIENT && receivedType != null && !certificateRejected && reachedSignature(reaction)) {
            if (receivedType.equals("ServerKeyExchange")) {
                verifiesServerSignature(me).ifPresent(immediate::add);
            } else if (receivedType.equals("CertificateVerify")) {
                verifiesCertificateVerify(me).ifPresent(immediate::add);
            }
        }

        // Key agreement on the receiving side (TLS 1.2 server on ClientKeyExchange, TLS 1.3 client on ServerHello).
        immediate.addAll(keyAgreement(me, captures, receivedType));

        // Alerts: the receiver rejects what it got.
        String error = reaction.error();
        Capture.AlertRaised raised = null;
        List<Capture.RecordProtected> protectedRecords = new ArrayList<>();
        for (Capture c : captures) {
            if (c instanceof Capture.AlertRaised a && raised == null) {
                raised = a;
            } else if (c instanceof Capture.RecordProtected rp) {
                protectedRecords.add(rp);
            }
        }
        boolean receivedAlert = "Alert".equals(receivedType);
        if ((raised != null || error != null) && !receivedAlert) {
            String name = raised != null ? AlertDescription.getName(raised.description()) : "internal_error";
            if (alert == null) {
                alert = name;
            }
            String why = raised != null && raised.message() != null ? raised.message() : error;
            failure = "the " + actor.id() + " rejected the " + (receivedType == null ? "input" : receivedType)
                    + " with a fatal " + name + " alert" + (why == null ? "" : " (" + why + ")");
            immediate.add(comp(actor, "rejects_record", "rejects what it received",
                    alertMeaning(name) + (why == null ? "" : " Bouncy Castle says: " + why + "."),
                    List.of(), true));
        } else if (receivedAlert) {
            alertReceived = true;
        }

        // Records this peer wrote, each preceded by the computations it depends on.
        List<Pending> flight = new ArrayList<>();
        int protIndex = 0;
        for (byte[] rec : reaction.records()) {
            int outer = rec[0] & 0xff;
            // RFC 8446 section 5.2: protected TLS 1.3 records travel as application_data;
            // RFC 5246 section 7.1: in TLS 1.2 everything after the sender's ChangeCipherSpec is protected.
            boolean encrypted = tls13 ? outer == RecordProtection.APPLICATION_DATA : me.writeKeys != null;
            int type = outer;
            byte[] content = Arrays.copyOfRange(rec, 5, rec.length);
            if (encrypted && protIndex < protectedRecords.size()) {
                Capture.RecordProtected rp = protectedRecords.get(protIndex++);
                type = rp.contentType();
                content = rp.plaintext();
            }
            String messageType = RecordParser.describe(content, type);
            // Computations that must come before this record.
            flight.addAll(beforeRecord(me, messageType, captures, content));
            if (messageType.equals("Finished") && me.pendingVerifyData != null) {
                byte[] sent = Arrays.copyOfRange(content, 4, content.length);
                boolean ok = Arrays.equals(sent, me.pendingVerifyData);
                // Bouncy Castle MACed its own transcript: the same verify_data proves the engine's hash of it too.
                check(me.prefix() + " Finished carries the verify_data the engine computed", ok,
                        ok ? "byte for byte" : "Bouncy Castle sent " + Hex.of(sent),
                        List.of(me.prefix() + "_verify_data", me.pendingFinishedHash));
                me.pendingVerifyData = null;
            }
            RecordParser.Context ctx = contextFor(me, encrypted);
            long seq = encrypted ? me.writeSequence++ : 0;
            flight.add(new PendingRecord(actor, rec, encrypted, me.writeKeys, seq, type, content, messageType, ctx,
                    me.writeEpoch));
            // What sending this record changes on the sender's side.
            if (type == RecordProtection.HANDSHAKE) {
                for (byte[] msg : handshakeMessages(content)) {
                    addToTranscript(me, msg);
                }
            }
            flight.addAll(afterRecord(me, messageType, type));
        }

        // Immediate computations go ahead of the other side's queued messages (after its leading computations).
        List<Pending> head = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek() instanceof PendingComputation pc && pc.party() != actor) {
            head.add(queue.poll());
        }
        List<Pending> rest = new ArrayList<>(queue);
        queue.clear();
        queue.addAll(head);
        queue.addAll(immediate);
        queue.addAll(rest);
        queue.addAll(flight);
    }

    private RecordParser.Context contextFor(Side me, boolean encrypted) {
        boolean negotiated = me.serverRandom != null;
        RecordParser.Context ctx = !negotiated ? RecordParser.Context.beforeServerHello()
                : tls13 ? RecordParser.Context.tls13(suite) : RecordParser.Context.tls12(suite);
        if (encrypted) {
            ctx = ctx.asEncrypted();
        }
        return ctx.withEncryptThenMac(etm);
    }

    // ------------------------------------------------------------------ signatures

    /** Whether Bouncy Castle got as far as checking the signature: it accepted the message, or refused its signature. */
    private static boolean reachedSignature(LivePeers.Reaction reaction) {
        if (reaction.error() == null) {
            return true;
        }
        return reaction.captures().stream().filter(Capture.AlertRaised.class::isInstance)
                .map(Capture.AlertRaised.class::cast).findFirst()
                .map(a -> a.description() == AlertDescription.decrypt_error).orElse(false);
    }

    /** The last handshake message in this side's transcript, if it has this type. */
    private static Optional<byte[]> lastMessage(Side me, int type) {
        if (me.transcript.isEmpty()) {
            return Optional.empty();
        }
        byte[] last = me.transcript.get(me.transcript.size() - 1);
        return (last[0] & 0xff) == type ? Optional.of(last) : Optional.empty();
    }

    /** The first handshake message of this type in a record's content. */
    private static Optional<byte[]> message(byte[] content, int type) {
        return handshakeMessages(content).stream().filter(m -> (m[0] & 0xff) == type).findFirst();
    }

    /**
     * RFC 5246 section 7.4.3: the server signs client_random + server_random + its params, with the certificate's
     * private key, in the algorithm it names in the message. The engine rebuilds those bytes from the server's
     * own randoms and the message as it goes on the wire, and checks Bouncy Castle's signature over them with the
     * JDK's Signature.
     */
    private PendingComputation signsKeyExchange(Side me, byte[] content) {
        PendingComputation step = comp(me.party, "signs_key_exchange", "signs its key-exchange parameters",
                "The server signs client_random + server_random + its key-exchange parameters with the private key "
                        + "of its certificate, in the algorithm it names in the message. The signature proves the "
                        + "parameters come from the certificate's owner, for this handshake and no other.",
                List.of(), false);
        return signed(me, step, "ServerKeyExchange", message(content, 12).flatMap(ske ->
                Signatures.serverKeyExchange(options.exchange(), me.clientRandom, me.serverRandom, ske)));
    }

    /**
     * RFC 8446 section 4.4.3: the server signs 64 spaces, the context string, a zero byte and the hash of the
     * handshake up to its Certificate. Rebuilt from the server's own transcript, checked with the JDK.
     */
    private PendingComputation signsTranscript(Side me, byte[] content) {
        PendingComputation step = comp(me.party, "signs_transcript", "signs the handshake so far",
                "The server signs the hash of the handshake so far (ClientHello to Certificate), behind 64 spaces "
                        + "and a context string, with the private key of its certificate (RFC 8446 section 4.4.3). "
                        + "This proves it holds that key and saw exactly this handshake.",
                List.of(), false);
        return signed(me, step, "CertificateVerify", message(content, 15).flatMap(cv ->
                Signatures.certificateVerify(suite, me.transcript, cv)));
    }

    /** The signer's step with what it signed, as the message carries it; without values if it cannot be read. */
    private PendingComputation signed(Side me, PendingComputation step, String messageType,
            Optional<Signatures.Signed> made) {
        if (made.isEmpty()) {
            return step;
        }
        me.signed = made.get();
        return step.showing(signerWorkings(me, made.get(), messageType)).about("server_signature");
    }

    /** The signer's values: (the transcript hash,) what it signs, and the signature it sends, checked by the JDK. */
    private List<Secret> signerWorkings(Side me, Signatures.Signed s, String messageType) {
        boolean ok = serverSignatureVerifies(s);
        check("server_signature in " + messageType + " verifies over the server's signed_content", ok,
                ok ? "the JDK's Signature, with the certificate's public key, accepts the signature Bouncy Castle "
                        + "sent, over the bytes tlsviz rebuilt from the server's own view of the handshake"
                        : "the signature Bouncy Castle sent does not verify over the bytes tlsviz rebuilt",
                signedNames(s));
        List<Secret> out = new ArrayList<>(signedContent(me, s));
        out.add(working(me, "server_signature", s.signature(),
                Signatures.signFormula(s.scheme(), "server_signature", "server_private_key", "signed_content"),
                List.of("server_private_key", "signed_content")));
        return out;
    }

    /** The last signature the JDK checked in this handshake, and its verdict. */
    private Signatures.Signed lastChecked;
    private boolean lastVerdict;

    /**
     * The JDK's verdict on the server's signature over {@code s}'s content, with the certificate's public key. The
     * signer's view and the checker's are rebuilt apart; when they come out byte for byte the same (scheme,
     * signed bytes and signature: every handshake not changed on the way), the JDK's one check answers for both.
     */
    private boolean serverSignatureVerifies(Signatures.Signed s) {
        Signatures.Signed last = lastChecked;
        if (last != null && last.scheme() == s.scheme() && Arrays.equals(last.content(), s.content())
                && Arrays.equals(last.signature(), s.signature())) {
            return lastVerdict;
        }
        lastVerdict = Arithmetic.verifySignature(pki.serverPublicKeyJdk(), s.scheme(), s.content(), s.signature());
        lastChecked = s;
        return lastVerdict;
    }

    /** (TLS 1.3: certificate_verify_hash,) signed_content: the same formula for the signer and the checker. */
    private List<Secret> signedContent(Side me, Signatures.Signed s) {
        List<Secret> out = new ArrayList<>();
        if (s.transcriptHash() != null) {
            out.add(working(me, "certificate_verify_hash", s.transcriptHash(),
                    transcriptFormula("certificate_verify_hash", s.covered()), List.of()));
        }
        out.add(working(me, "signed_content", s.content(), s.contentFormula(), s.contentInputs()));
        return out;
    }

    private static List<String> signedNames(Signatures.Signed s) {
        return s.transcriptHash() != null ? List.of("certificate_verify_hash", "signed_content", "server_signature")
                : List.of("signed_content", "server_signature");
    }

    /** A value of this side's step that is shown, not tracked as knowledge. */
    private static Secret working(Side me, String name, byte[] bytes, String formula, List<String> inputs) {
        return new Secret(name, bytes, EnumSet.of(me.party), formula, inputs);
    }

    private Optional<PendingComputation> verifiesServerSignature(Side me) {
        return lastMessage(me, 12).map(ske -> verifiesSignature(me, "verifies_server_signature",
                "The client rebuilds the signed bytes from what it sent and received and checks the signature in "
                        + "ServerKeyExchange with the public key from the certificate. It covers client_random + "
                        + "server_random + the key-exchange parameters, so nobody in the middle could have swapped them.",
                "ServerKeyExchange", Signatures.serverKeyExchange(options.exchange(), me.clientRandom,
                        me.serverRandom, ske)));
    }

    private Optional<PendingComputation> verifiesCertificateVerify(Side me) {
        return lastMessage(me, 15).map(cv -> verifiesSignature(me, "verifies_signature",
                "The client hashes its own copy of the handshake up to the Certificate, rebuilds the signed bytes and "
                        + "checks the CertificateVerify signature with the certificate's public key: the server holds "
                        + "the private key, and saw the same handshake.",
                "CertificateVerify", Signatures.certificateVerify(suite,
                        me.transcript.subList(0, me.transcript.size() - 1), cv)));
    }

    /**
     * The client's side of a signature: the bytes the signature should cover, rebuilt from the client's own view
     * of the wire, and the JDK's verdict with the certificate's public key. A signature that does not verify
     * fails the step (and, in an untampered handshake, the proof), saying which part of the signed bytes differs
     * from what the server signed.
     */
    private PendingComputation verifiesSignature(Side me, String what, String okMeaning, String messageType,
            Optional<Signatures.Signed> rebuilt) {
        String name = "server_signature in " + messageType + " verifies over the client's signed_content";
        if (rebuilt.isEmpty()) {
            check(name, false, "the " + messageType + " cannot be read", List.of("server_signature"));
            return comp(me.party, what, "checks the server's signature", SIGNATURE_UNREADABLE, List.of(), true);
        }
        Signatures.Signed s = rebuilt.get();
        boolean ok = serverSignatureVerifies(s);
        String why = ok ? null : signatureFailure(me, s);
        List<String> covers = new ArrayList<>(signedNames(s));
        covers.add("server_public_key");
        check(name, ok, ok ? "the JDK's Signature, with the certificate's public key, accepts the signature over the "
                + "bytes tlsviz rebuilt from the client's own view of the handshake" : why, covers);
        List<Secret> w = new ArrayList<>(signedContent(me, s));
        w.add(working(me, "server_signature", s.signature(), Signatures.verifyFormula(s.scheme(), "server_signature",
                "server_public_key", "signed_content", ok), List.of("server_public_key", "signed_content")));
        return comp(me.party, what, "checks the server's signature", ok ? okMeaning : SIGNATURE_FAILED + why,
                List.of(), !ok).showing(w).about("server_signature");
    }

    static final String SIGNATURE_FAILED = "The signature does not verify: ";
    static final String SIGNATURE_UNREADABLE = "The client cannot check the signature: the message that carries it "
            + "cannot be read.";

    /** Which part of the signed bytes the client rebuilt differs from what the server signed, as a student reads it. */
    private String signatureFailure(Side me, Signatures.Signed mine) {
        Signatures.Signed theirs = server.signed;
        if (theirs != null && !Arrays.equals(mine.content(), theirs.content())) {
            if (tls13) {
                return "the client's hash of the handshake differs from the one the server signed. A handshake "
                        + "message was changed on the way.";
            }
            if (!Arrays.equals(me.clientRandom, server.clientRandom)) {
                return "the server signed another client_random than the one the client sent. The ClientHello was "
                        + "changed on the way.";
            }
            if (!Arrays.equals(me.serverRandom, server.serverRandom)) {
                return "the server signed another server_random than the one the client received. The ServerHello "
                        + "was changed on the way.";
            }
            return "the key-exchange parameters the client received are not the ones the server signed. The "
                    + "ServerKeyExchange was changed on the way, and this is what the signature is there to catch.";
        }
        return "the client rebuilt exactly the bytes the server signed, so the signature itself (or the algorithm "
                + "named with it) was changed on the way.";
    }

    /**
     * RFC 5280 section 4.1: the CA's signature on the server's certificate covers its tbsCertificate. Cut from the
     * Certificate message as it crossed the wire and checked with the JDK's Signature and the CA's public key,
     * the key the client holds in its trust store.
     */
    private List<Secret> certificateWorkings(Side me) {
        Optional<Signatures.SignedCertificate> cut = me.transcript.stream().filter(m -> (m[0] & 0xff) == 11)
                .reduce((a, b) -> b).flatMap(m -> Signatures.leafCertificate(m, tls13));
        if (cut.isEmpty()) {
            return List.of();
        }
        Signatures.SignedCertificate c = cut.get();
        boolean ok = pki.caSigned(c.jdkName(), c.tbs(), c.signature());
        check("certificate_signature verifies with the CA's public key", ok,
                ok ? "the JDK's Signature (" + c.jdkName() + ") accepts the CA's signature over the tbsCertificate cut "
                        + "from the Certificate message on the wire"
                        : "the CA's signature does not verify over the tbsCertificate on the wire",
                List.of("certificate_signature", "tbs_certificate", "ca_public_key"));
        return List.of(
                working(me, "ca_public_key", pki.caPublicKeyInfo(),
                        "the CA's public key, from the client's trust store (SubjectPublicKeyInfo)", List.of()),
                working(me, "tbs_certificate", c.tbs(),
                        "the signed part of the server's certificate, as the Certificate message carries it "
                                + "(tbsCertificate, RFC 5280 section 4.1)", List.of()),
                working(me, "certificate_signature", c.signature(), "RSASSA-PKCS1-v1_5-Verify(ca_public_key, "
                        + "tbs_certificate, certificate_signature) = " + Signatures.verdict(ok) + "; " + c.algorithm(),
                        List.of("ca_public_key", "tbs_certificate")));
    }

    // ------------------------------------------------------------------ transcripts

    static List<byte[]> handshakeMessages(byte[] content) {
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        while (pos + 4 <= content.length) {
            int len = ((content[pos + 1] & 0xff) << 16) | ((content[pos + 2] & 0xff) << 8) | (content[pos + 3] & 0xff);
            int end = Math.min(content.length, pos + 4 + len);
            out.add(Arrays.copyOfRange(content, pos, end));
            pos = end;
        }
        return out;
    }

    /** A handshake message enters one side's transcript, whether it sent or received it (RFC 5246 7.4.9). */
    private static void addToTranscript(Side me, byte[] msg) {
        noteRandoms(me, msg);
        me.transcript.add(msg);
    }

    private static void noteRandoms(Side me, byte[] msg) {
        int type = msg[0] & 0xff;
        if (msg.length >= 38 && type == 1) {
            me.clientRandom = Arrays.copyOfRange(msg, 6, 38);
        } else if (msg.length >= 38 && type == 2) {
            me.serverRandom = Arrays.copyOfRange(msg, 6, 38);
        }
    }

    private byte[] transcriptHash(Side me) {
        byte[][] messages = me.transcript.toArray(new byte[0][]);
        return tls13 ? Tls13KeySchedule.transcriptHash(suite, messages)
                : Tls12KeySchedule.transcriptHash(suite, messages);
    }

    // ------------------------------------------------------------------ key agreement and derivation

    /**
     * What a receiver computes right away: the TLS 1.2 server on ClientKeyExchange, the TLS 1.3 client on
     * ServerHello (shared secret, handshake secrets) and on the server's Finished (application secrets).
     */
    private List<PendingComputation> keyAgreement(Side me, List<Capture> captures, String receivedType) {
        List<PendingComputation> out = new ArrayList<>();
        if (!tls13 && !me.isClient()) {
            for (Capture c : captures) {
                if (c instanceof Capture.RsaPremasterDecrypted d) {
                    me.premaster = d.premaster();
                    // RSAEP(public key, the client's padded block) = what arrived, and the block holds exactly the
                    // server's premaster: with a matching key pair, that is "the private key decrypts what arrived
                    // to this premaster", proven with one public-key operation instead of a second private one.
                    byte[] block = client.rsaBlock;
                    String wrong = !pki.keyPairMatches()
                            ? "the certificate's public key and the server's private key are not one RSA key pair"
                            : !Arithmetic.rsaEncrypts(pki.serverPublicKeyJdk(), block, d.encrypted())
                                    ? "what arrived is not the RSA encryption of the client's PKCS#1 block"
                                    : !Arrays.equals(Arithmetic.pkcs1Message(block), d.premaster())
                                            ? "the client's PKCS#1 block does not hold the server's premaster"
                                            : null;
                    boolean ok = wrong == null;
                    check("server premaster = RSA-Decrypt(server_private_key, encrypted_premaster_secret)", ok,
                            ok ? "the client's PKCS#1 v1.5 block (00 02, padding, 00, premaster) raised to e mod n "
                                    + "with BigInteger is the ciphertext that arrived, and the certificate's key and "
                                    + "the server's private key are one pair (n = p*q, e*d = 1 mod lcm(p-1, q-1))"
                                    : wrong,
                            List.of("premaster_secret", "encrypted_premaster_secret"));
                    out.add(comp(me.party, "decrypts_premaster", "decrypts the premaster secret", ok
                            ? "Only the holder of the private key that matches the certificate can do this. "
                                    + "Now client and server share a secret that crossed the wire only encrypted."
                            : "The ciphertext does not decrypt to a well-formed premaster. The server does not say "
                                    + "so (that would help an attacker, RFC 5246 section 7.4.7.1): it carries on with a "
                                    + "random premaster, and the handshake fails at the Finished messages.",
                            List.of(new SecretSpec("premaster_secret", d.premaster(), EnumSet.of(me.party),
                                    "premaster_secret = RSA-Decrypt(server_private_key, encrypted_premaster_secret)",
                                    List.of("server_private_key", "encrypted_premaster_secret"))), false));
                }
            }
            sharedSecret(me, captures).ifPresent(out::add);
            if (me.premaster != null && me.masterSecret == null) {
                out.addAll(tls12Derivation(me));
            }
        }
        if (tls13 && me.isClient()) {
            sharedSecret(me, captures).ifPresent(c -> {
                out.add(c);
                out.add(tls13HandshakeDerivation(me));
            });
            if ("Finished".equals(receivedType) && me.applicationMasterSecret == null && me.handshakeSecret != null) {
                out.add(tls13ApplicationDerivation(me));
            }
        }
        return out;
    }

    /** The computations a peer makes before it can send a record of this type. */
    private List<PendingComputation> beforeRecord(Side me, String messageType, List<Capture> captures,
            byte[] content) {
        List<PendingComputation> out = new ArrayList<>();
        Exchange ex = options.exchange();
        switch (messageType) {
            case "ClientHello" -> {
                if (tls13) {
                    keyShare(me, captures).ifPresent(ks -> out.add(makesKeyShare(me, ks, "makes_key_share")));
                }
            }
            case "ServerHello" -> {
                if (tls13) {
                    keyShare(me, captures).ifPresent(ks -> out.add(makesKeyShare(me, ks, "makes_key_share")));
                }
            }
            case "ServerKeyExchange" -> {
                keyShare(me, captures).ifPresent(ks -> out.add(makesKeyShare(me, ks,
                        ex == Exchange.DHE ? "makes_dh_keypair" : "makes_ecdh_keypair")));
                out.add(signsKeyExchange(me, content));
            }
            case "ClientKeyExchange" -> out.addAll(clientKeyExchange(me, captures, content));
            case "ChangeCipherSpec" -> {
                if (!tls13) {
                    out.addAll(deriveTls12(me));
                }
            }
            case "EncryptedExtensions" -> out.addAll(deriveTls13Handshake(me, captures));
            case "CertificateVerify" -> out.add(signsTranscript(me, content));
            case "Finished" -> out.add(computesFinished(me));
            default -> {
            }
        }
        return out;
    }

    /** What changes on the sender once a record of this type is written, and what it computes next. */
    private List<PendingComputation> afterRecord(Side me, String messageType, int type) {
        if (!tls13 && type == RecordProtection.CHANGE_CIPHER_SPEC && me.keyBlock != null) {
            // RFC 5246 section 7.1: every record after ChangeCipherSpec is protected with the new keys.
            me.startWriting(tls12Keys(me, me.isClient()), "session");
        }
        if (tls13 && messageType.equals("Finished")) {
            List<PendingComputation> out = new ArrayList<>();
            if (me.applicationMasterSecret == null) {
                // The server derives its application secrets once its Finished is in the transcript.
                out.add(tls13ApplicationDerivation(me));
            }
            me.startWriting(trafficKeys(me.isClient() ? me.clientApplicationTrafficSecret
                    : me.serverApplicationTrafficSecret), "application");
            return out;
        }
        return List.of();
    }

    private Optional<Capture.KeyShareMade> keyShare(Side me, List<Capture> captures) {
        if (me.keyShare == null) {
            captures.stream().filter(Capture.KeyShareMade.class::isInstance).map(Capture.KeyShareMade.class::cast)
                    .findFirst().ifPresent(ks -> me.keyShare = ks);
            return Optional.ofNullable(me.keyShare);
        }
        return Optional.empty();
    }

    private PendingComputation makesKeyShare(Side me, Capture.KeyShareMade ks, String what) {
        String p = me.prefix();
        boolean dh = ks.kind().equals("dh");
        String priv = p + (dh ? "_dh_private" : "_ecdh_private");
        String pub = p + (dh ? "_dh_public" : "_ecdh_public");
        List<SecretSpec> s = new ArrayList<>();
        Set<Party> self = EnumSet.of(me.party);
        if (dh && me.isClient() == tls13) {
            // The side that picks the group knows p and g before it uses them: the TLS 1.2 server (it sends them
            // in ServerKeyExchange), the TLS 1.3 client (it names the group in its key share). The other side
            // learns them from that message.
            s.addAll(groupParameters(ks, self));
        }
        if (dh) {
            s.add(new SecretSpec(priv, ks.privateKey(), self, "a random exponent, 1 < " + priv + " < dh_p - 1",
                    List.of("dh_p")));
            s.add(new SecretSpec(pub, ks.publicKey(), self, pub + " = dh_g ^ " + priv + " mod dh_p",
                    List.of("dh_g", priv, "dh_p")));
        } else if (ks.kind().equals("x25519")) {
            s.add(new SecretSpec(priv, ks.privateKey(), self, "32 random bytes (RFC 7748 section 5)", List.of()));
            s.add(new SecretSpec(pub, ks.publicKey(), self, pub + " = X25519(" + priv + ", 9)", List.of(priv)));
        } else {
            s.add(new SecretSpec(priv, ks.privateKey(), self, "a random scalar d, 1 <= d < n", List.of()));
            s.add(new SecretSpec(pub, ks.publicKey(), self, pub + " = " + priv + " * G (uncompressed point)",
                    List.of(priv)));
        }
        return comp(me.party, what, dh ? "makes a Diffie-Hellman key pair" : "makes an elliptic-curve key pair",
                "A fresh private value that never leaves the " + p + ", and the public value that will cross the "
                        + "wire. Ephemeral: it is thrown away after this handshake, which is what gives forward secrecy.",
                s, false).about(pub);
    }

    private List<PendingComputation> clientKeyExchange(Side me, List<Capture> captures, byte[] content) {
        List<PendingComputation> out = new ArrayList<>();
        Set<Party> self = EnumSet.of(me.party);
        if (options.exchange() == Exchange.RSA) {
            for (Capture c : captures) {
                if (c instanceof Capture.RsaPremasterEncrypted e) {
                    me.rsaBlock = e.block();
                }
                if (c instanceof Capture.RsaPremasterMade pm) {
                    me.premaster = pm.premaster();
                    out.add(comp(me.party, "makes_premaster", "makes the premaster secret",
                            "48 bytes: the client's TLS version (03 03) and 46 random bytes (RFC 5246 section 7.4.7.1). "
                                    + "With RSA key exchange the client alone chooses it.",
                            List.of(new SecretSpec("premaster_secret", pm.premaster(), self,
                                    "premaster_secret = 0x0303 + 46 random bytes", List.of())), false));
                    // RFC 5246 section 7.4.7.1: handshake header (4), 2-byte length, the RSA ciphertext.
                    byte[] encrypted = content.length > 6 ? Arrays.copyOfRange(content, 6, content.length) : new byte[0];
                    out.add(comp(me.party, "encrypts_premaster", "encrypts the premaster secret",
                            "RSAES-PKCS1-v1_5 with the server's public key from the certificate. Only the matching "
                                    + "private key can undo it: today the server's, tomorrow anyone's who steals it.",
                            List.of(new SecretSpec("encrypted_premaster_secret", encrypted, self,
                                    "encrypted_premaster_secret = RSAES-PKCS1-v1_5-Encrypt(server_public_key, "
                                            + "premaster_secret)", List.of("server_public_key", "premaster_secret"))),
                            false));
                }
            }
            return out;
        }
        keyShare(me, captures).ifPresent(ks -> out.add(makesKeyShare(me, ks,
                options.exchange() == Exchange.DHE ? "makes_dh_keypair" : "makes_ecdh_keypair")));
        sharedSecret(me, captures).ifPresent(out::add);
        return out;
    }

    private Optional<PendingComputation> sharedSecret(Side me, List<Capture> captures) {
        for (Capture c : captures) {
            if (c instanceof Capture.SharedSecretComputed ss) {
                me.premaster = ss.secret();
                String p = me.prefix();
                String peer = me.isClient() ? "server" : "client";
                boolean dh = me.keyShare != null && me.keyShare.kind().equals("dh");
                String priv = p + (dh ? "_dh_private" : "_ecdh_private");
                String peerPub = peer + (dh ? "_dh_public" : "_ecdh_public");
                String formula = dh ? peerPub + " ^ " + priv + " mod dh_p"
                        : me.keyShare != null && me.keyShare.kind().equals("x25519")
                                ? "X25519(" + priv + ", " + peerPub + ")"
                                : "x-coordinate of " + priv + " * " + peerPub;
                boolean ok = Arithmetic.sharedSecretMatches(me.keyShare, ss.peerPublic(), ss.secret(), options.group(),
                        tls13);
                String pub = p + (dh ? "_dh_public" : "_ecdh_public");
                check(p + " (EC)DH shared secret from " + priv + " and " + peerPub, ok,
                        ok ? "recomputed with " + (dh ? "BigInteger.modPow" : me.keyShare.kind().equals("x25519")
                                ? "tlsviz's own RFC 7748 X25519" : "the JDK's ECDH")
                                + ", independently of Bouncy Castle" : "the shared secret does not follow",
                        List.of(tls13 || options.exchange() == Exchange.ECDHE ? "shared_secret" : "premaster_secret",
                                priv, peerPub));
                // X(a, bG) = X(b, aG) only if each public value follows from its private one, so once both sides
                // agree, the displayed key pairs are proven too (barring a deliberately forged pair).
                byte[] other = side(other(me.party)).premaster;
                if (other != null) {
                    boolean same = Arrays.equals(other, ss.secret());
                    check("client and server computed the same (EC)DH secret", same,
                            same ? "each from its own private value and the other's public value"
                                    : "they differ: a key share was changed on the way",
                            List.of(priv, pub, peerPub, peer + (dh ? "_dh_private" : "_ecdh_private")));
                }
                List<SecretSpec> s = new ArrayList<>();
                Set<Party> self = EnumSet.of(me.party);
                if (tls13 || options.exchange() == Exchange.ECDHE) {
                    s.add(new SecretSpec("shared_secret", ss.secret(), self, "shared_secret = " + formula,
                            dh ? List.of(peerPub, priv, "dh_p") : List.of(peerPub, priv)));
                }
                if (!tls13) {
                    // RFC 5246 section 8.1.2: the DH result loses its leading zero bytes, so it can be shorter than p.
                    s.add(new SecretSpec("premaster_secret", ss.secret(), self, "premaster_secret = "
                            + (options.exchange() == Exchange.ECDHE ? "shared_secret"
                                    : formula + ", leading zero bytes stripped (RFC 5246 section 8.1.2)"),
                            options.exchange() == Exchange.ECDHE ? List.of("shared_secret") : List.of(peerPub, priv, "dh_p")));
                }
                String name = tls13 ? "computes_shared_secret" : "computes_premaster";
                return Optional.of(comp(me.party, name, tls13 ? "computes the shared secret" : "computes the premaster secret",
                        "From its own private value and the " + peer + "'s public value. The other side gets the "
                                + "same number from the opposite pair; an eavesdropper, who has only the two public "
                                + "values, cannot.", s, false).about(s.get(0).name()));
            }
        }
        return Optional.empty();
    }

    private RecordProtection.Keys tls12Keys(Side me, boolean clientWrite) {
        Tls12KeySchedule.KeyBlock kb = me.keyBlock;
        byte[] key = clientWrite ? kb.clientWriteKey() : kb.serverWriteKey();
        byte[] iv = clientWrite ? kb.clientWriteIv() : kb.serverWriteIv();
        byte[] mac = clientWrite ? kb.clientWriteMacKey() : kb.serverWriteMacKey();
        return suite.isAead() ? RecordProtection.Keys.tls12Gcm(suite, key, iv)
                : RecordProtection.Keys.tls12Cbc(suite, key, mac, etm);
    }

    private RecordProtection.Keys trafficKeys(byte[] trafficSecret) {
        Tls13KeySchedule.TrafficKeys k = Tls13KeySchedule.trafficKeys(suite, trafficSecret);
        return RecordProtection.Keys.tls13(suite, k.key(), k.iv());
    }

    private List<String> keyNames(Party from, String epoch) {
        String p = from.id();
        if (!tls13) {
            return suite.isAead() ? List.of(p + "_write_key", p + "_write_iv")
                    : List.of(p + "_write_key", p + "_write_mac_key");
        }
        return List.of(p + "_" + epoch + "_write_key", p + "_" + epoch + "_write_iv");
    }

    /** TLS 1.2 master secret and key block (RFC 5246 sections 8.1 and 6.3; RFC 7627 with EMS). */
    private List<PendingComputation> deriveTls12(Side me) {
        List<PendingComputation> out = new ArrayList<>();
        if (me.premaster == null || me.keyBlock != null) {
            return out;
        }
        out.addAll(tls12Derivation(me));
        return out;
    }

    private List<PendingComputation> tls12Derivation(Side me) {
        Set<Party> self = EnumSet.of(me.party);
        List<SecretSpec> ms = new ArrayList<>();
        if (ems) {
            me.sessionHash = transcriptHash(me);
            me.masterSecret = Tls12KeySchedule.extendedMasterSecret(suite, me.premaster, me.sessionHash);
            // RFC 7627 section 3: the hash of the handshake up to and including ClientKeyExchange.
            ms.add(transcriptHashSpec(me, "session_hash", me.sessionHash));
            ms.add(new SecretSpec("master_secret", me.masterSecret, self,
                    "master_secret = PRF(premaster_secret, \"extended master secret\", session_hash)[0..47]",
                    List.of("premaster_secret", "session_hash")));
        } else {
            me.masterSecret = Tls12KeySchedule.masterSecret(suite, me.premaster, me.clientRandom, me.serverRandom);
            ms.add(new SecretSpec("master_secret", me.masterSecret, self,
                    "master_secret = PRF(premaster_secret, \"master secret\", client_random + server_random)[0..47]",
                    List.of("premaster_secret", "client_random", "server_random")));
        }
        // Bouncy Castle's extended master secret is made from its own session hash: the same bytes prove both.
        compareWithBouncyCastle(me.party, "master_secret", me.masterSecret,
                ems ? List.of("master_secret", "session_hash") : List.of("master_secret"));
        me.keyBlock = Tls12KeySchedule.keyBlock(suite, me.masterSecret, me.clientRandom, me.serverRandom);
        List<SecretSpec> keys = new ArrayList<>();
        Tls12KeySchedule.KeyBlock kb = me.keyBlock;
        int pos = 0;
        String kbf = "PRF(master_secret, \"key expansion\", server_random + client_random)";
        List<String> in = List.of("master_secret", "server_random", "client_random");
        if (suite.macKeyLength() > 0) {
            pos = slice(keys, self, "client_write_mac_key", kb.clientWriteMacKey(), kbf, in, pos);
            pos = slice(keys, self, "server_write_mac_key", kb.serverWriteMacKey(), kbf, in, pos);
        }
        pos = slice(keys, self, "client_write_key", kb.clientWriteKey(), kbf, in, pos);
        pos = slice(keys, self, "server_write_key", kb.serverWriteKey(), kbf, in, pos);
        // RFC 5246 section 6.3: IVs only for an implicit nonce (GCM's 4-byte salt). A CBC key block ends with the
        // write keys; each CBC record carries its own IV (section 6.2.3.2).
        if (suite.fixedIvLength() > 0) {
            pos = slice(keys, self, "client_write_iv", kb.clientWriteIv(), kbf, in, pos);
            slice(keys, self, "server_write_iv", kb.serverWriteIv(), kbf, in, pos);
        }
        return List.of(
                comp(me.party, "derives_master_secret", "derives the master secret",
                        "Both sides run the same PRF (HMAC-" + hashName() + ") over the premaster and both randoms, so "
                                + "they get the same 48 bytes without sending them.", ms, false).about("master_secret"),
                comp(me.party, "derives_session_keys", "derives the session keys", suite.isAead()
                        ? "The key block is cut into write keys and IVs: one set for each direction."
                        : "The key block is cut into MAC keys and write keys: one set for each direction. It holds "
                                + "no IVs: every CBC record carries its own IV, in the clear at its start.",
                        keys, false));
    }

    private static int slice(List<SecretSpec> out, Set<Party> who, String name, byte[] v, String f, List<String> in,
            int pos) {
        out.add(new SecretSpec(name, v, who, name + " = " + f + "[" + pos + ".." + (pos + v.length - 1) + "]", in));
        return pos + v.length;
    }

    private String hashName() {
        return suite.hash();
    }

    private PendingComputation computesFinished(Side me) {
        String p = me.prefix();
        Set<Party> self = EnumSet.of(me.party);
        byte[] hash = transcriptHash(me);
        String covered = finishedHashName(me, p, hash);
        byte[] verify;
        List<SecretSpec> s = new ArrayList<>();
        if (tls13) {
            byte[] base = me.isClient() ? me.clientHandshakeTrafficSecret : me.serverHandshakeTrafficSecret;
            byte[] finishedKey = Tls13KeySchedule.finishedKey(suite, base);
            verify = Tls13KeySchedule.verifyData(suite, base, hash);
            s.add(finishedKeySpec(p, finishedKey, self));
        } else {
            verify = Tls12KeySchedule.verifyData(suite, me.masterSecret, me.isClient(), hash);
        }
        addFinishedHash(s, me, covered, hash);
        s.add(verifyDataSpec(p, verify, self, covered));
        me.pendingVerifyData = verify;
        me.pendingFinishedHash = covered;
        return comp(me.party, "computes_finished", "computes its Finished value",
                "A MAC over every handshake message so far. If anyone changed a single byte of the handshake, "
                        + "the other side computes a different value and stops.", s, false).about(p + "_verify_data");
    }

    private PendingComputation verifiesFinished(Side me, byte[] finishedMessage) {
        String peer = me.isClient() ? "server" : "client";
        byte[] base = me.isClient() ? me.serverHandshakeTrafficSecret : me.clientHandshakeTrafficSecret;
        if (tls13 ? base == null : me.masterSecret == null) {
            return comp(me.party, "verifies_finished", "cannot check the " + peer + "'s Finished",
                    "The " + me.prefix() + " has no keys to check it with: an earlier message was changed on the way.",
                    List.of(), true);
        }
        byte[] got = Arrays.copyOfRange(finishedMessage, 4, finishedMessage.length);
        byte[] hash = transcriptHash(me);
        String covered = finishedHashName(me, peer, hash);
        byte[] expected = tls13
                ? Tls13KeySchedule.verifyData(suite,
                        me.isClient() ? me.serverHandshakeTrafficSecret : me.clientHandshakeTrafficSecret, hash)
                : Tls12KeySchedule.verifyData(suite, me.masterSecret, !me.isClient(), hash);
        boolean ok = Arrays.equals(expected, got);
        check(peer + " verify_data matches the " + me.prefix() + "'s recomputation", ok,
                ok ? "recomputed from the " + me.prefix() + "'s own transcript and keys"
                        : "expected " + Hex.of(expected) + ", the Finished says " + Hex.of(got),
                List.of(peer + "_verify_data", covered));
        return comp(me.party, "verifies_finished", "checks the " + peer + "'s Finished",
                "The " + me.prefix() + " computes the value the " + peer + " should have sent and compares: "
                        + (ok ? "they match, so both saw the same handshake and hold the same keys."
                                : "they differ."),
                verifiedSecrets(me, peer, got, ok, covered, hash), !ok).about(peer + "_verify_data");
    }

    /**
     * What checking the peer's Finished teaches this side: the peer's verify_data (and, in TLS 1.3, its finished
     * key), and the hash of this side's own transcript the check MACs. The checker runs the sender's computation
     * itself, so a value that matched gets the sender's formula; one that did not is only what arrived, and no
     * formula of ours makes it. The hash is the checker's own either way: after a changed message it differs from
     * the sender's, which is why the values differ.
     */
    private List<SecretSpec> verifiedSecrets(Side me, String peer, byte[] verifyData, boolean matched, String covered,
            byte[] hash) {
        List<SecretSpec> out = new ArrayList<>();
        Set<Party> self = EnumSet.of(me.party);
        if (tls13) {
            byte[] base = me.isClient() ? me.serverHandshakeTrafficSecret : me.clientHandshakeTrafficSecret;
            out.add(finishedKeySpec(peer, Tls13KeySchedule.finishedKey(suite, base), self));
        }
        addFinishedHash(out, me, covered, hash);
        out.add(matched ? verifyDataSpec(peer, verifyData, self, covered)
                : new SecretSpec(peer + "_verify_data", verifyData, self, "", List.of()));
        return out;
    }

    /**
     * The name of the transcript hash a Finished from {@code sender} MACs (RFC 5246 section 7.4.9, RFC 8446 section
     * 4.4.4): every handshake message before it, as this side has them. TLS 1.3's client Finished MACs the hash of
     * ClientHello..server Finished, which this side already showed as handshake_hash; its formula names that one.
     */
    private String finishedHashName(Side me, String sender, byte[] hash) {
        return tls13 && sender.equals("client") && Arrays.equals(hash, me.handshakeHash) ? "handshake_hash"
                : sender + "_finished_hash";
    }

    /** A Finished's transcript hash as a value of its own, unless it is the handshake_hash shown before. */
    private void addFinishedHash(List<SecretSpec> out, Side me, String covered, byte[] hash) {
        if (!covered.equals("handshake_hash")) {
            out.add(transcriptHashSpec(me, covered, hash));
        }
    }

    /**
     * A hash of this side's whole transcript as it is now (RFC 5246 section 7.4.9, RFC 8446 section 4.4.1), with a
     * formula that lists the messages it covers. An eavesdropper can compute it too when all of them crossed the
     * wire in the clear.
     */
    private SecretSpec transcriptHashSpec(Side me, String name, byte[] hash) {
        Set<Party> who = Transcripts.inTheClear(me.transcript, tls13) ? EnumSet.of(me.party, Party.EAVESDROPPER)
                : EnumSet.of(me.party);
        return new SecretSpec(name, hash, who, transcriptFormula(name, Transcripts.names(me.transcript, tls13)),
                List.of());
    }

    /** "name = SHA-256(ClientHello + ServerHello + ...)". */
    private String transcriptFormula(String name, String covered) {
        return name + " = " + hashName() + "(" + covered + ")";
    }

    /** RFC 8446 section 4.4.4: finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length). */
    private SecretSpec finishedKeySpec(String sender, byte[] key, Set<Party> who) {
        String base = sender + "_handshake_traffic_secret";
        return new SecretSpec(sender + "_finished_key", key, who, sender + "_finished_key = "
                + expandLabel(base, "finished", "\"\"", suite.hashLength()), List.of(base));
    }

    /**
     * The sender's verify_data: RFC 8446 section 4.4.4 (TLS 1.3), RFC 5246 section 7.4.9 (TLS 1.2), over the
     * transcript hash named {@code covered}.
     */
    private SecretSpec verifyDataSpec(String sender, byte[] verifyData, Set<Party> who, String covered) {
        String name = sender + "_verify_data";
        if (tls13) {
            String key = sender + "_finished_key";
            return new SecretSpec(name, verifyData, who, name + " = HMAC-" + hashName() + "(" + key + ", " + covered
                    + ")", List.of(key, covered));
        }
        return new SecretSpec(name, verifyData, who, name + " = PRF(master_secret, \"" + sender + " finished\", "
                + covered + ")[0..11]", List.of("master_secret", covered));
    }

    private List<PendingComputation> deriveTls13Handshake(Side me, List<Capture> captures) {
        List<PendingComputation> out = new ArrayList<>();
        sharedSecret(me, captures).ifPresent(c -> {
            out.add(c);
            out.add(tls13HandshakeDerivation(me));
        });
        return out;
    }

    /** RFC 8446 section 7.1, up to the handshake traffic secrets; section 7.3 for their keys and IVs. */
    private PendingComputation tls13HandshakeDerivation(Side me) {
        me.helloHash = transcriptHash(me);
        Tls13KeySchedule.HandshakeStage stage = Tls13KeySchedule.handshakeStage(suite, me.premaster, me.helloHash);
        byte[] early = stage.earlySecret();
        me.handshakeSecret = stage.handshakeSecret();
        me.clientHandshakeTrafficSecret = stage.clientHandshakeTrafficSecret();
        me.serverHandshakeTrafficSecret = stage.serverHandshakeTrafficSecret();
        compareWithBouncyCastle(me.party, "handshake_secret", me.handshakeSecret);
        Tls13KeySchedule.TrafficKeys ck = Tls13KeySchedule.trafficKeys(suite, me.clientHandshakeTrafficSecret);
        Tls13KeySchedule.TrafficKeys sk = Tls13KeySchedule.trafficKeys(suite, me.serverHandshakeTrafficSecret);
        me.startWriting(RecordProtection.Keys.tls13(suite, me.isClient() ? ck.key() : sk.key(),
                me.isClient() ? ck.iv() : sk.iv()), "handshake");
        Set<Party> self = EnumSet.of(me.party);
        List<SecretSpec> s = new ArrayList<>();
        s.add(new SecretSpec("early_secret", early, self, "early_secret = HKDF-Extract(salt = " + zeros()
                + ", IKM = " + zeros() + ") (no PSK)", List.of()));
        s.add(transcriptHashSpec(me, "hello_hash", me.helloHash));
        s.add(new SecretSpec("handshake_secret", me.handshakeSecret, self,
                "handshake_secret = HKDF-Extract(salt = " + derived("early_secret") + ", IKM = shared_secret)"
                        + DERIVED_LABEL,
                List.of("early_secret", "shared_secret")));
        s.add(new SecretSpec("client_handshake_traffic_secret", me.clientHandshakeTrafficSecret, self,
                "client_handshake_traffic_secret = " + deriveSecret("handshake_secret", "c hs traffic", "hello_hash"),
                List.of("handshake_secret", "hello_hash")));
        s.add(new SecretSpec("server_handshake_traffic_secret", me.serverHandshakeTrafficSecret, self,
                "server_handshake_traffic_secret = " + deriveSecret("handshake_secret", "s hs traffic", "hello_hash"),
                List.of("handshake_secret", "hello_hash")));
        addTrafficKeys(s, self, "client", "handshake", ck);
        addTrafficKeys(s, self, "server", "handshake", sk);
        return comp(me.party, "derives_handshake_secrets", "derives the handshake secrets",
                "The TLS 1.3 key schedule: HKDF turns the shared secret and the hash of the two hellos into one "
                        + "traffic secret per direction. Everything after ServerHello is encrypted with these.",
                s, false).about("handshake_secret");
    }

    private void addTrafficKeys(List<SecretSpec> s, Set<Party> self, String who, String phase,
            Tls13KeySchedule.TrafficKeys k) {
        String secret = who + "_" + phase + "_traffic_secret" + (phase.equals("application") ? "_0" : "");
        s.add(new SecretSpec(who + "_" + phase + "_write_key", k.key(), self,
                who + "_" + phase + "_write_key = " + expandLabel(secret, "key", "\"\"", suite.keyLength()),
                List.of(secret)));
        s.add(new SecretSpec(who + "_" + phase + "_write_iv", k.iv(), self,
                who + "_" + phase + "_write_iv = " + expandLabel(secret, "iv", "\"\"", k.iv().length),
                List.of(secret)));
    }

    /*
     * TLS 1.3 formulas are written so that a student can recompute them with nothing but HKDF and the RFC:
     * HKDF-Expand-Label(Secret, Label, Context, Length) exactly as RFC 8446 section 7.1 defines it, followed by
     * the label as it really enters HkdfLabel ("tls13 " + Label); Derive-Secret is spelled out as the
     * HKDF-Expand-Label it stands for, with the transcript hash it takes (of no messages: the hash of "").
     */

    /** HKDF-Expand-Label(secret, "label", context, length); full label "tls13 label". */
    private static String expandLabel(String secret, String label, String context, int length) {
        return "HKDF-Expand-Label(" + secret + ", \"" + label + "\", " + context + ", " + length
                + "); full label \"tls13 " + label + "\"";
    }

    /** Derive-Secret(secret, label, messages) = HKDF-Expand-Label(secret, label, transcriptHash, Hash.length). */
    private String deriveSecret(String secret, String label, String transcriptHash) {
        return expandLabel(secret, label, transcriptHash, suite.hashLength());
    }

    /** The salt of the next HKDF-Extract: Derive-Secret(secret, "derived", "") with the hash of no messages. */
    private String derived(String secret) {
        return "HKDF-Expand-Label(" + secret + ", \"derived\", " + hashName() + "(\"\"), " + suite.hashLength() + ")";
    }

    private static final String DERIVED_LABEL = "; full label \"tls13 derived\"";

    /** RFC 8446 section 7.1: "0" is a string of Hash.length zero bytes. */
    private String zeros() {
        return suite.hashLength() + " zero bytes";
    }

    /** RFC 8446 section 7.1: master secret, application traffic secrets, exporter master secret. */
    private PendingComputation tls13ApplicationDerivation(Side me) {
        me.handshakeHash = transcriptHash(me);
        Tls13KeySchedule.ApplicationStage stage = Tls13KeySchedule.applicationStage(suite, me.handshakeSecret,
                me.handshakeHash);
        me.applicationMasterSecret = stage.masterSecret();
        me.clientApplicationTrafficSecret = stage.clientApplicationTrafficSecret0();
        me.serverApplicationTrafficSecret = stage.serverApplicationTrafficSecret0();
        byte[] exporter = stage.exporterMasterSecret();
        compareWithBouncyCastle(me.party, "exporter_master_secret", exporter);
        Set<Party> self = EnumSet.of(me.party);
        List<SecretSpec> s = new ArrayList<>();
        s.add(transcriptHashSpec(me, "handshake_hash", me.handshakeHash));
        s.add(new SecretSpec("master_secret", me.applicationMasterSecret, self,
                "master_secret = HKDF-Extract(salt = " + derived("handshake_secret") + ", IKM = " + zeros() + ")"
                        + DERIVED_LABEL,
                List.of("handshake_secret")));
        s.add(new SecretSpec("client_application_traffic_secret_0", me.clientApplicationTrafficSecret, self,
                "client_application_traffic_secret_0 = " + deriveSecret("master_secret", "c ap traffic", "handshake_hash"),
                List.of("master_secret", "handshake_hash")));
        s.add(new SecretSpec("server_application_traffic_secret_0", me.serverApplicationTrafficSecret, self,
                "server_application_traffic_secret_0 = " + deriveSecret("master_secret", "s ap traffic", "handshake_hash"),
                List.of("master_secret", "handshake_hash")));
        s.add(new SecretSpec("exporter_master_secret", exporter, self,
                "exporter_master_secret = " + deriveSecret("master_secret", "exp master", "handshake_hash"),
                List.of("master_secret", "handshake_hash")));
        addTrafficKeys(s, self, "client", "application", Tls13KeySchedule.trafficKeys(suite,
                me.clientApplicationTrafficSecret));
        addTrafficKeys(s, self, "server", "application", Tls13KeySchedule.trafficKeys(suite,
                me.serverApplicationTrafficSecret));
        return comp(me.party, "derives_application_secrets", "derives the application secrets",
                "Once the whole handshake (up to the server's Finished) is hashed, a second round of HKDF gives the "
                        + "keys for the application data in each direction.", s, false).about("master_secret");
    }

    // ------------------------------------------------------------------ message steps

    private List<SecretSpec> publicValues(Party from, int type, byte[] content, boolean encrypted) {
        List<SecretSpec> out = new ArrayList<>();
        if (type != RecordProtection.HANDSHAKE) {
            return out;
        }
        Set<Party> audience = encrypted ? EnumSet.of(Party.CLIENT, Party.SERVER) : ALL;
        for (byte[] msg : handshakeMessages(content)) {
            int t = msg[0] & 0xff;
            if (t == 1 && msg.length >= 38) {
                out.add(new SecretSpec("client_random", Arrays.copyOfRange(msg, 6, 38), audience,
                        "32 random bytes the client chose", List.of()));
                if (tls13 && client.keyShare != null && client.keyShare.kind().equals("dh")) {
                    // RFC 7919: the named group fixes p and g; naming the group publishes them.
                    out.addAll(groupParameters(client.keyShare, audience));
                }
                if (tls13 && client.keyShare != null) {
                    out.add(publicShare("client", client.keyShare, msg, audience));
                }
            } else if (t == 2 && msg.length >= 38) {
                out.add(new SecretSpec("server_random", Arrays.copyOfRange(msg, 6, 38), audience,
                        "32 random bytes the server chose", List.of()));
                if (tls13 && server.keyShare != null) {
                    out.add(publicShare("server", server.keyShare, msg, audience));
                }
            } else if (t == 11) {
                byte[] spki = serverPublicKeyInfo();
                out.add(new SecretSpec("server_public_key", spki, audience,
                        "the public key in the server's certificate (SubjectPublicKeyInfo)", List.of()));
            } else if (t == 12 && server.keyShare != null) {
                if (server.keyShare.kind().equals("dh")) {
                    out.addAll(groupParameters(server.keyShare, audience));
                }
                out.add(publicShare("server", server.keyShare, msg, audience));
            } else if (t == 16) {
                if (options.exchange() == Exchange.RSA && msg.length > 6) {
                    byte[] enc = Arrays.copyOfRange(msg, 6, msg.length);
                    out.add(new SecretSpec("encrypted_premaster_secret", enc, audience,
                            "encrypted_premaster_secret = RSAES-PKCS1-v1_5-Encrypt(server_public_key, premaster_secret)",
                            List.of("server_public_key", "premaster_secret")));
                } else if (client.keyShare != null) {
                    out.add(publicShare("client", client.keyShare, msg, audience));
                }
            }
        }
        return out;
    }

    /** p and g of a finite-field group (RFC 7919 fixes them per named group). */
    private List<SecretSpec> groupParameters(Capture.KeyShareMade ks, Set<Party> who) {
        return List.of(
                new SecretSpec("dh_p", Arithmetic.unsigned(ks.p()), who,
                        "the prime modulus of " + options.group().id() + " (RFC 7919)", List.of()),
                new SecretSpec("dh_g", Arithmetic.unsigned(ks.g()), who, "the generator", List.of()));
    }

    private SecretSpec publicShare(String who, Capture.KeyShareMade ks, byte[] msg, Set<Party> audience) {
        boolean dh = ks.kind().equals("dh");
        String name = who + (dh ? "_dh_public" : "_ecdh_public");
        boolean onWire = Arithmetic.contains(msg, ks.publicKey());
        check(name + " is what crossed the wire", onWire,
                onWire ? "found byte for byte in the " + who + "'s message" : "not found in the message",
                List.of(name));
        return new SecretSpec(name, ks.publicKey(), audience,
                dh ? name + " = dh_g ^ " + who + "_dh_private mod dh_p" : name + " (a point on " + options.group().id() + ")",
                List.of());
    }

    private String messageMeaning(PendingRecord r) {
        return StepTexts.messageMeaning(r.messageType, r.from, r.encrypted, options.exchange());
    }

    /** The stable name of a message step: sender prefix + message type in snake_case, e.g. client_key_exchange. */
    public static String messageStepName(Party from, String messageType) {
        StringBuilder sb = new StringBuilder();
        String[] parts = messageType.split("\\+");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append("_and_");
            }
            sb.append(snake(parts[i]));
        }
        String s = sb.toString();
        String prefix = from.id() + "_";
        return s.startsWith(prefix) ? s : prefix + s;
    }

    private static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(camel.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ helpers

    private PendingComputation comp(Party party, String what, String title, String meaning, List<SecretSpec> secrets,
            boolean failed) {
        String who = party == Party.CLIENT ? "Client" : "Server";
        return new PendingComputation(party, party.id() + "_" + what, who + " " + title, meaning, secrets, failed, "",
                List.of());
    }

    private void check(String name, boolean passed, String detail, List<String> covers) {
        checks.add(new Proof.Check(name, passed, detail, covers));
        if (!passed && !tampered) {
            throw new ProofFailedException("Proof failed: " + name + ": " + detail);
        }
    }

    private void poll(Party side) {
        polled.computeIfAbsent(side, k -> new ArrayList<>()).add(peers.pollSecrets(side));
    }

    /** Bouncy Castle's own value, polled after some step, must be the one the engine recomputed. */
    private void compareWithBouncyCastle(Party side, String name, byte[] ours) {
        compareWithBouncyCastle(side, name, ours, List.of(name));
    }

    /** As above; {@code proves} names the values the match proves: {@code name} and what it was made from. */
    private void compareWithBouncyCastle(Party side, String name, byte[] ours, List<String> proves) {
        poll(side);
        List<byte[]> seen = new ArrayList<>();
        boolean ok = false;
        for (Map<String, byte[]> m : polled.getOrDefault(side, List.of())) {
            byte[] v = m.get(name);
            if (v != null) {
                seen.add(v);
                ok |= Arrays.equals(v, ours);
            }
        }
        if (seen.isEmpty()) {
            return;
        }
        check(side.id() + " " + name + " equals Bouncy Castle's", ok,
                ok ? "recomputed with the JDK's HMAC; Bouncy Castle holds the same bytes"
                        : "Bouncy Castle holds " + seen.stream().map(Hex::of).distinct().toList()
                                + ", the engine computed " + Hex.of(ours),
                proves);
    }

    private byte[] serverPublicKeyInfo() {
        return pki.serverPublicKeyInfo();
    }

    private Side side(Party p) {
        return p == Party.CLIENT ? client : server;
    }

    private static Party other(Party p) {
        return p == Party.CLIENT ? Party.SERVER : Party.CLIENT;
    }

    private static String alertMeaning(String name) {
        return StepTexts.alertMeaning(name);
    }
}
