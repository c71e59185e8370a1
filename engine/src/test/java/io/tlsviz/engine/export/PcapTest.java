package io.tlsviz.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsviz.engine.export.Pcap.Segment;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcapTest {

    /** One parsed packet of our own output. */
    record Packet(long seconds, long micros, boolean fromClient, long seq, long ack, int flags, byte[] payload) {
    }

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    private static List<Segment> sampleSession() {
        return List.of(new Segment(true, filler(517, 1)), new Segment(false, filler(90, 2)),
                new Segment(false, filler(1201, 3)), new Segment(true, filler(1, 4)), new Segment(false, filler(33, 5)));
    }

    @Test
    void framesTheSessionAsTcpOverIpv4WithHandshakeAndClose() {
        List<Segment> segments = sampleSession();
        List<Packet> packets = parse(Pcap.write(segments));

        assertThat(packets).hasSize(3 + segments.size() + 3);
        assertThat(packets).extracting(Packet::flags).containsExactly(SYN, SYN | ACK, ACK, PSH | ACK, PSH | ACK,
                PSH | ACK, PSH | ACK, PSH | ACK, FIN | ACK, FIN | ACK, ACK);
        assertThat(packets).extracting(Packet::fromClient).containsExactly(true, false, true, true, false, false,
                true, false, true, false, true);

        // Sequence and acknowledgement numbers follow RFC 9293: SYN and FIN count one, data its length.
        long clientNext = packets.get(0).seq() + 1;
        long serverNext = packets.get(1).seq() + 1;
        assertThat(packets.get(1).ack()).isEqualTo(clientNext);
        assertThat(packets.get(2).seq()).isEqualTo(clientNext);
        assertThat(packets.get(2).ack()).isEqualTo(serverNext);
        for (int i = 0; i < segments.size(); i++) {
            Packet p = packets.get(3 + i);
            assertThat(p.payload()).containsExactly(segments.get(i).payload());
            assertThat(p.seq()).isEqualTo(p.fromClient() ? clientNext : serverNext);
            assertThat(p.ack()).isEqualTo(p.fromClient() ? serverNext : clientNext);
            if (p.fromClient()) {
                clientNext += p.payload().length;
            } else {
                serverNext += p.payload().length;
            }
        }
        Packet clientFin = packets.get(packets.size() - 3);
        Packet serverFin = packets.get(packets.size() - 2);
        Packet lastAck = packets.get(packets.size() - 1);
        assertThat(clientFin.seq()).isEqualTo(clientNext);
        assertThat(serverFin.seq()).isEqualTo(serverNext);
        assertThat(serverFin.ack()).isEqualTo(clientNext + 1);
        assertThat(lastAck.seq()).isEqualTo(clientNext + 1);
        assertThat(lastAck.ack()).isEqualTo(serverNext + 1);

        // Timestamps: fixed base, strictly increasing.
        assertThat(packets.get(0).seconds()).isEqualTo(Pcap.BASE_SECONDS);
        for (int i = 1; i < packets.size(); i++) {
            Packet a = packets.get(i - 1);
            Packet b = packets.get(i);
            assertThat(b.seconds() * 1_000_000 + b.micros()).isGreaterThan(a.seconds() * 1_000_000 + a.micros());
        }
    }

    @Test
    void sameInputGivesIdenticalBytes() {
        assertThat(Pcap.write(sampleSession())).containsExactly(Pcap.write(sampleSession()));
    }

    @Test
    void aSessionWithoutDataStillOpensAndCloses() {
        assertThat(parse(Pcap.write(List.of()))).extracting(Packet::flags)
                .containsExactly(SYN, SYN | ACK, ACK, FIN | ACK, FIN | ACK, ACK);
    }

    @Test
    void payloadsLargerThanAnIpPacketAreSplit() {
        byte[] big = filler(Pcap.MAX_PAYLOAD + 100, 9);
        List<Packet> packets = parse(Pcap.write(List.of(new Segment(false, big))));

        assertThat(packets).hasSize(3 + 2 + 3);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.writeBytes(packets.get(3).payload());
        joined.writeBytes(packets.get(4).payload());
        assertThat(joined.toByteArray()).containsExactly(big);
        assertThat(packets.get(4).seq()).isEqualTo(packets.get(3).seq() + Pcap.MAX_PAYLOAD);
    }

    @Test
    void emptySegmentsAreRefused() {
        assertThatThrownBy(() -> new Segment(true, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksumVerifierCatchesACorruptedByte() {
        byte[] file = Pcap.write(sampleSession());
        // The 4th packet's first payload byte: 24 global + 3 empty packets (16 + 54 each) + 16 + 54.
        int at = 24 + 3 * (16 + 54) + 16 + 54;
        file[at] ^= 1;
        assertThatThrownBy(() -> parse(file)).isInstanceOf(AssertionError.class).hasMessageContaining("TCP checksum");
    }

    // ---- an independent reader: pcap-savefile(5), Ethernet, RFC 791, RFC 9293, RFC 1071 ----

    private static List<Packet> parse(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt()).as("magic").isEqualTo(0xa1b2c3d4);
        assertThat(in.getShort()).as("major").isEqualTo((short) 2);
        assertThat(in.getShort()).as("minor").isEqualTo((short) 4);
        assertThat(in.getInt()).as("thiszone").isZero();
        assertThat(in.getInt()).as("sigfigs").isZero();
        assertThat(in.getInt()).as("snaplen").isEqualTo(65535);
        assertThat(in.getInt()).as("linktype ETHERNET").isEqualTo(1);

        List<Packet> packets = new ArrayList<>();
        while (in.hasRemaining()) {
            long seconds = Integer.toUnsignedLong(in.getInt());
            long micros = Integer.toUnsignedLong(in.getInt());
            int captured = in.getInt();
            int original = in.getInt();
            assertThat(captured).isEqualTo(original);
            assertThat(micros).isLessThan(1_000_000);
            byte[] frame = new byte[captured];
            in.get(frame);
            packets.add(parseFrame(seconds, micros, frame));
        }
        return packets;
    }

    private static Packet parseFrame(long seconds, long micros, byte[] frame) {
        ByteBuffer f = ByteBuffer.wrap(frame); // network byte order from here on
        assertThat(frame[12]).isEqualTo((byte) 0x08);
        assertThat(frame[13]).isEqualTo((byte) 0x00);
        int ip = 14;
        assertThat(frame[ip]).as("IPv4, IHL 5").isEqualTo((byte) 0x45);
        int totalLength = f.getShort(ip + 2) & 0xffff;
        assertThat(totalLength).isEqualTo(frame.length - 14);
        assertThat(frame[ip + 9]).as("protocol TCP").isEqualTo((byte) 6);
        assertThat(sum16(frame, ip, 20, 0)).as("IPv4 header checksum").isEqualTo(0xffff);
        byte[] src = Arrays.copyOfRange(frame, ip + 12, ip + 16);
        byte[] dst = Arrays.copyOfRange(frame, ip + 16, ip + 20);
        boolean fromClient = Arrays.equals(src, new byte[] {127, 0, 0, 1});
        assertThat(fromClient ? dst : src).containsExactly(127, 0, 0, 2);

        int tcp = ip + 20;
        int tcpLength = totalLength - 20;
        int srcPort = f.getShort(tcp) & 0xffff;
        int dstPort = f.getShort(tcp + 2) & 0xffff;
        assertThat(fromClient ? dstPort : srcPort).isEqualTo(443);
        assertThat(fromClient ? srcPort : dstPort).isEqualTo(50000);
        long seq = Integer.toUnsignedLong(f.getInt(tcp + 4));
        long ack = Integer.toUnsignedLong(f.getInt(tcp + 8));
        int dataOffset = ((frame[tcp + 12] & 0xff) >> 4) * 4;
        int flags = frame[tcp + 13] & 0x3f;
        // Pseudo-header: source, destination, zero, protocol, TCP length (RFC 9293 section 3.1).
        long pseudo = sum16(src, 0, 4, 0) + sum16(dst, 0, 4, 0) + 6 + tcpLength;
        int check = sum16(frame, tcp, tcpLength, pseudo);
        if (check != 0xffff) {
            throw new AssertionError("TCP checksum does not verify: sum " + Integer.toHexString(check));
        }
        byte[] payload = Arrays.copyOfRange(frame, tcp + dataOffset, tcp + tcpLength);
        return new Packet(seconds, micros, fromClient, seq, ack, flags, payload);
    }

    /** The folded one's complement sum; a header including its correct checksum sums to 0xffff. */
    private static int sum16(byte[] data, int offset, int length, long initial) {
        long sum = initial;
        for (int i = 0; i < length; i++) {
            int shift = i % 2 == 0 ? 8 : 0;
            sum += (long) (data[offset + i] & 0xff) << shift;
        }
        while (sum > 0xffff) {
            sum = (sum >> 16) + (sum & 0xffff);
        }
        return (int) sum;
    }

    private static byte[] filler(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }
}
