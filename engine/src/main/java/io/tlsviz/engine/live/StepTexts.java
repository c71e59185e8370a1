package io.tlsviz.engine.live;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Party;

/** One or two plain sentences per message and alert: what a student should take from the step. */
final class StepTexts {
    private StepTexts() {
    }

    static String messageMeaning(String messageType, Party from, boolean encrypted, Exchange exchange) {
        String base = switch (messageType) {
            case "ClientHello" -> "The client says hello: the versions and cipher suites it supports and 32 random "
                    + "bytes (client_random)." + (exchange.isTls13() ? " In TLS 1.3 it already sends its key share." : "");
            case "ServerHello" -> "The server picks the version and the cipher suite, and sends its own 32 random "
                    + "bytes (server_random)." + (exchange.isTls13() ? " And its key share: from here on, both sides can "
                    + "compute the shared secret." : "");
            case "Certificate" -> "The server's certificate: its public key, signed by a certificate authority the "
                    + "client trusts.";
            case "ServerKeyExchange" -> "The server's ephemeral Diffie-Hellman public value, signed with the "
                    + "certificate's private key.";
            case "ServerHelloDone" -> "The server is done with its hello messages; the client's turn.";
            case "ClientKeyExchange" -> exchange == Exchange.RSA
                    ? "The premaster secret, encrypted with the server's public key. It crosses the wire: whoever "
                    + "gets the server's private key, even years later, can decrypt it."
                    : "The client's Diffie-Hellman public value. The premaster itself never crosses the wire.";
            case "ChangeCipherSpec" -> exchange.isTls13()
                    ? "A dummy message for middleboxes (compatibility mode); it changes nothing."
                    : "From now on, everything this side sends is encrypted with the new keys.";
            case "Finished" -> "A MAC over the whole handshake, encrypted with the new keys. It proves both sides saw "
                    + "the same messages and derived the same keys.";
            case "EncryptedExtensions" -> "The server's further settings, already encrypted.";
            case "CertificateVerify" -> "The server signs the handshake so far, proving it holds the certificate's "
                    + "private key.";
            case "NewSessionTicket" -> "A ticket the client can use to resume the session later.";
            case "ApplicationData" -> from == Party.CLIENT
                    ? "The client's HTTP request, encrypted with the client's write key."
                    : "The server's HTTP response, encrypted with the server's write key.";
            case "Alert" -> "An alert: the connection ends here.";
            default -> "A record the engine could not name.";
        };
        return encrypted && !base.contains("encrypted") ? base + " (Encrypted on the wire.)" : base;
    }

    static String alertMeaning(String alert) {
        return switch (alert) {
            case "bad_record_mac" -> "bad_record_mac: the record's authentication tag does not verify. It was changed "
                    + "on the way, or the two sides have different keys.";
            case "decrypt_error" -> "decrypt_error: a signature or Finished value does not verify. Somebody changed "
                    + "the handshake, so the keys or transcript differ.";
            case "handshake_failure" -> "handshake_failure: the two sides cannot agree on parameters.";
            case "unexpected_message" -> "unexpected_message: a message arrived that does not belong here.";
            case "decode_error" -> "decode_error: a message cannot be parsed; its bytes are malformed.";
            case "illegal_parameter" -> "illegal_parameter: a field has a value that is not allowed.";
            case "bad_certificate" -> "bad_certificate: the certificate does not check out.";
            case "record_overflow" -> "record_overflow: a record is longer than allowed.";
            case "protocol_version" -> "protocol_version: the version is not supported.";
            default -> alert + ": the receiver stops the handshake.";
        };
    }
}
