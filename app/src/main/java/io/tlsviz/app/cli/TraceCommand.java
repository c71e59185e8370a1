package io.tlsviz.app.cli;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Group;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.TamperSpec;
import io.tlsviz.engine.Trace;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.export.SessionFiles;
import io.tlsviz.engine.export.TraceJson;
import io.tlsviz.engine.live.DemoPki;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsviz trace}: runs one live handshake and writes every byte and secret as JSON, a key log, a pcap. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Runs a live handshake between the in-process client and server and writes it as JSON.",
                "With --keylog and --pcap, Wireshark opens and decrypts the session."})
public final class TraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--exchange", required = true, description = "rsa, dhe, ecdhe or tls13")
    String exchange;

    static final class SeedChoice {
        @Option(names = "--seed", description = "Seed of both peers' randomness (default 1): the same seed gives "
                + "the same bytes.")
        Long seed;

        @Option(names = "--fresh", description = "Fresh randomness from the system.")
        boolean fresh;
    }

    @ArgGroup(exclusive = true)
    SeedChoice seedChoice;

    @Option(names = "--ems", description = "Use the extended master secret (RFC 7627).")
    boolean ems;

    @Option(names = "--etm", description = "Use encrypt-then-MAC with a CBC suite (RFC 7366).")
    boolean etm;

    @Option(names = "--suite", description = "Cipher suite (IANA name) that fits the exchange.")
    String suite;

    @Option(names = "--group", description = "x25519, secp256r1, secp384r1, ffdhe2048 or ffdhe3072.")
    String group;

    @Option(names = "--tamper", paramLabel = "STEP:OFFSET:XOR",
            description = "Before delivering record STEP (a message step name such as client_finished, or the record's "
                    + "number from 0), XOR the byte at OFFSET with XOR. The receiver answers with an alert.")
    String tamper;

    @Option(names = "--fresh-certificates", description = "Generate a new demo CA and server key pair (RSA-2048) "
            + "instead of the shipped ones; takes a second or two.")
    boolean freshCertificates;

    @Option(names = "--json", required = true, paramLabel = "FILE|-", description = "Where to write the JSON.")
    String json;

    @Option(names = "--keylog", paramLabel = "FILE", description = "Also write an NSS key log (for Wireshark).")
    String keylog;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Also write the records as a pcap (TCP to port 443).")
    String pcap;

    @Override
    public Integer call() {
        ScenarioOptions options = options();
        DemoPki pki = freshCertificates ? DemoPki.generate(new SecureRandom()) : DemoPki.shipped();
        Trace trace = tamper == null ? HandshakeSession.run(options, pki)
                : HandshakeSession.run(options, TamperSpec.parse(tamper), pki);
        // Check every destination and render everything first, then write: a bad path writes nothing at all.
        Output.checkWritable("--json", json);
        Output.checkWritable("--keylog", keylog);
        Output.checkWritable("--pcap", pcap);
        String text = TraceJson.toJson(trace);
        byte[] keys = keylog == null ? null : SessionFiles.keyLog(trace).toBytes();
        byte[] capture = pcap == null ? null : SessionFiles.pcap(trace);
        if (keys != null) {
            Output.bytes("--keylog", keylog, keys);
        }
        if (capture != null) {
            Output.bytes("--pcap", pcap, capture);
        }
        Output.text(spec, "--json", json, text);
        return 0;
    }

    private ScenarioOptions options() {
        Exchange ex = Exchange.fromId(exchange);
        ScenarioOptions o = ScenarioOptions.defaults(ex);
        if (group != null) {
            o = o.withGroup(Group.fromId(group));
        }
        if (suite != null) {
            CipherSuite s = CipherSuite.fromName(suite);
            if (!ScenarioOptions.fits(ex, s)) {
                throw new IllegalArgumentException("--suite " + s.ianaName() + " does not fit --exchange " + ex.id());
            }
            o = o.withCipherSuite(s);
        }
        if (seedChoice != null && seedChoice.fresh) {
            o = o.withSeed(null);
        } else if (seedChoice != null && seedChoice.seed != null) {
            o = o.withSeed(seedChoice.seed);
        }
        return o.withExtendedMasterSecret(ems).withEncryptThenMac(etm);
    }
}
