package io.tlsviz.engine.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A TLS session as a classic libpcap capture that Wireshark and tshark open: Ethernet frames carrying TCP over
 * IPv4 from client 127.0.0.1:50000 to server 127.0.0.2:443, with the three-way handshake, one segment per
 * payload (normally one TLS record) and a FIN close. Timestamps are a fixed base plus one millisecond per
 * packet, so the same segments always give the same bytes.
 */
public final class Pcap {

    /** One payload in one direction, normally one whole TLS record. */
    public record Segment(boolean fromClient, byte[] payload) {
        public Segment {
            Objects.requireNonNull(payload, "payload");
            if (payload.length == 0) {
                throw new IllegalArgumentException("a segment carries at least one byte");
            }
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }

    public static final byte[] CLIENT_IP = {127, 0, 0, 1};
    public static final byte[] SERVER_IP = {127, 0, 0, 2};
    public static final int CLIENT_PORT = 50000;
    public static final int SERVER_PORT = 443;

    /** 2024-01-01T00:00:00Z, the first packet's time. */
    public static final long BASE_SECONDS = 1_704_067_200L;

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int SNAPLEN = 65535;
    private static final byte[] CLIENT_MAC = {0x02, 0, 0, 0, 0, 0x01};
    private static final byte[] SERVER_MAC = {0x02, 0, 0, 0, 0, 0x02};
    private static final int ETHERNET_HEADER = 14;
    private static final int IPV4_HEADER = 20;
    private static final int TCP_HEADER = 20;
    /** Largest TCP payload an IPv4 packet can hold (total length is 16 bits). */
    static final int MAX_PAYLOAD = 65535 - IPV4_HEADER - TCP_HEADER;
    private static final long CLIENT_ISN = 1_000_000L;
    private static final long SERVER_ISN = 2_000_000L;

    // TCP flags, RFC 9293 section 3.1.
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    private Pcap() {
    }

    /** The capture file's bytes. */
    public static byte[] write(List<Segment> segments) {
        Objects.requireNonNull(segments, "segments");
        Writer w = new Writer();
        // RFC 9293 section 3.5: SYN, SYN-ACK, ACK; each SYN consumes one sequence number.
        w.packet(true, SYN, new byte[0]);
        w.clientSeq++;
        w.packet(false, SYN | ACK, new byte[0]);
        w.serverSeq++;
        w.packet(true, ACK, new byte[0]);
        for (Segment s : segments) {
            byte[] payload = s.payload;
            for (int from = 0; from < payload.length; from += MAX_PAYLOAD) {
                int to = Math.min(payload.length, from + MAX_PAYLOAD);
                byte[] chunk = Arrays.copyOfRange(payload, from, to);
                w.packet(s.fromClient(), PSH | ACK, chunk);
                if (s.fromClient()) {
                    w.clientSeq += chunk.length;
                } else {
                    w.serverSeq += chunk.length;
                }
            }
        }
        // RFC 9293 section 3.6: each FIN consumes one sequence number and is acknowledged.
        w.packet(true, FIN | ACK, new byte[0]);
        w.clientSeq++;
        w.packet(false, FIN | ACK, new byte[0]);
        w.serverSeq++;
        w.packet(true, ACK, new byte[0]);
        return w.out.toByteArray();
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long clientSeq = CLIENT_ISN;
        long serverSeq = SERVER_ISN;
        int clientIpId = 1;
        int serverIpId = 1;
        int packetIndex;

        Writer() {
            // Global header (pcap-savefile(5)), written little-endian: readers detect the order from the magic.
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                    .putInt(LINKTYPE_ETHERNET);
            out.writeBytes(h.array());
        }

        void packet(boolean fromClient, int flags, byte[] payload) {
            long seq = fromClient ? clientSeq : serverSeq;
            // The ACK field is only meaningful with the ACK flag; the first SYN carries 0.
            long ack = (flags & ACK) == 0 ? 0 : (fromClient ? serverSeq : clientSeq);
            int ipId = fromClient ? clientIpId++ : serverIpId++;
            byte[] srcIp = fromClient ? CLIENT_IP : SERVER_IP;
            byte[] dstIp = fromClient ? SERVER_IP : CLIENT_IP;
            int srcPort = fromClient ? CLIENT_PORT : SERVER_PORT;
            int dstPort = fromClient ? SERVER_PORT : CLIENT_PORT;

            // TCP header, RFC 9293 section 3.1: 20 bytes, no options.
            ByteBuffer tcp = ByteBuffer.allocate(TCP_HEADER + payload.length);
            tcp.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack)
                    .put((byte) ((TCP_HEADER / 4) << 4)).put((byte) flags).putShort((short) 65535)
                    .putShort((short) 0).putShort((short) 0).put(payload);
            byte[] tcpBytes = tcp.array();
            int tcpChecksum = tcpChecksum(srcIp, dstIp, tcpBytes);
            tcpBytes[16] = (byte) (tcpChecksum >>> 8);
            tcpBytes[17] = (byte) tcpChecksum;

            // IPv4 header, RFC 791 section 3.1: version 4, IHL 5, don't fragment, TTL 64, protocol 6 (TCP).
            ByteBuffer ip = ByteBuffer.allocate(IPV4_HEADER);
            ip.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER + tcpBytes.length))
                    .putShort((short) ipId).putShort((short) 0x4000).put((byte) 64).put((byte) 6)
                    .putShort((short) 0).put(srcIp).put(dstIp);
            byte[] ipBytes = ip.array();
            int ipChecksum = onesComplement(ipBytes, 0, ipBytes.length, 0);
            ipBytes[10] = (byte) (ipChecksum >>> 8);
            ipBytes[11] = (byte) ipChecksum;

            int frameLength = ETHERNET_HEADER + ipBytes.length + tcpBytes.length;
            long micros = packetIndex++ * 1000L;
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            rec.putInt((int) (BASE_SECONDS + micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(frameLength).putInt(frameLength);
            out.writeBytes(rec.array());
            out.writeBytes(fromClient ? SERVER_MAC : CLIENT_MAC);
            out.writeBytes(fromClient ? CLIENT_MAC : SERVER_MAC);
            out.write(0x08);
            out.write(0x00); // EtherType IPv4
            out.writeBytes(ipBytes);
            out.writeBytes(tcpBytes);
        }
    }

    /** RFC 793 section 3.1: checksum over the pseudo-header (addresses, zero, protocol, TCP length) and segment. */
    private static int tcpChecksum(byte[] srcIp, byte[] dstIp, byte[] segment) {
        long sum = 0;
        for (int i = 0; i < 4; i += 2) {
            sum += ((srcIp[i] & 0xff) << 8) | (srcIp[i + 1] & 0xff);
            sum += ((dstIp[i] & 0xff) << 8) | (dstIp[i + 1] & 0xff);
        }
        sum += 6;
        sum += segment.length;
        return onesComplement(segment, 0, segment.length, sum);
    }

    /** RFC 1071: the one's complement of the one's complement sum of 16-bit words (odd length padded by zero). */
    private static int onesComplement(byte[] data, int offset, int length, long initial) {
        long sum = initial;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((data[offset + i] & 0xff) << 8) | (data[offset + i + 1] & 0xff);
        }
        if (length % 2 == 1) {
            sum += (data[offset + length - 1] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
