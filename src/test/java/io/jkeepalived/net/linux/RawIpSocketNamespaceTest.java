package io.jkeepalived.net.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.PacketInfo;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.ffm.Sock;
import java.net.InetAddress;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Protocol-112 packets between two namespaces on a bridge, both ways, IPv4 and IPv6, multicast and unicast. */
@Tag("integration")
class RawIpSocketNamespaceTest {
    private static LabNet lab;

    @BeforeAll
    static void makeLab() {
        lab = LabNet.withNodes(2);
    }

    @AfterAll
    static void removeLab() {
        lab.close();
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    /** Sends one packet from node {@code from} and returns what node {@code to} received. */
    private static Received exchange(IpFamily family, int from, int to, String destination, String source,
                                     boolean headerIncluded) throws Exception {
        return exchange(Sock.IPPROTO_VRRP, family, from, to, destination, source, headerIncluded);
    }

    private static Received exchange(int protocol, IpFamily family, int from, int to, String destination,
                                     String source, boolean headerIncluded) throws Exception {
        RawIpSocket receiver = lab.inNode(to, () -> {
            RawIpSocket s = RawIpSocket.open(family, protocol, "eth0");
            s.joinGroup(ip(family == IpFamily.IPV4 ? "224.0.0.18" : "ff02::12"));
            return s;
        });
        RawIpSocket sender = lab.inNode(from, () -> RawIpSocket.open(family, protocol, "eth0"));
        try (receiver; sender) {
            byte[] payload = new byte[20];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (0x30 + i);
            }
            payload[6] = 0;
            payload[7] = 0; // checksum field: the kernel fills it for IPv6
            Future<Received> got = lab.startInNode(to, () -> {
                byte[] buf = new byte[1500];
                PacketInfo info = new PacketInfo();
                int n = receiver.receive(buf, 0, buf.length, info, 5000);
                return new Received(n, info, buf);
            });
            byte[] wire = payload;
            if (headerIncluded) {
                sender.headerIncluded(true);
                wire = ipv4Header(ip(source), ip(destination), payload, protocol);
            } else {
                sender.source(ip(source));
            }
            RawIpSocket.Peer peer = sender.peer(ip(destination));
            int sent = sender.send(wire, 0, wire.length, peer);
            assertThat(sent).isEqualTo(wire.length);
            Received r = LabNet.get(got);
            int eth0 = lab.inNode(to, () -> Libc.ifNameToIndex("eth0"));
            assertThat(r.length).as("received bytes").isGreaterThan(0);
            assertThat(r.info.ttl()).as("TTL / hop limit on receipt").isEqualTo(255);
            assertThat(r.info.source()).isEqualTo(ip(source));
            assertThat(r.info.destination()).isEqualTo(ip(destination));
            assertThat(r.info.ifIndex()).isEqualTo(eth0);
            assertThat(r.info.isMulticastDestination()).isEqualTo(ip(destination).isMulticastAddress());
            int headerLen = family == IpFamily.IPV4 ? 20 : 0;
            assertThat(r.length).isEqualTo(headerLen + payload.length);
            assertThat(r.buf[headerLen]).isEqualTo(payload[0]);
            assertThat(r.buf[headerLen + payload.length - 1]).isEqualTo(payload[payload.length - 1]);
            if (family == IpFamily.IPV4) {
                assertThat(r.buf[8] & 0xff).as("TTL in the IP header").isEqualTo(255);
                assertThat(r.buf[9] & 0xff).as("protocol").isEqualTo(protocol);
            }
            return r;
        }
    }

    static byte[] ipv4Header(InetAddress src, InetAddress dst, byte[] payload, int protocol) {
        byte[] p = new byte[20 + payload.length];
        p[0] = 0x45;
        p[1] = (byte) 0xc0;
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        p[8] = (byte) 255;
        p[9] = (byte) protocol;
        System.arraycopy(src.getAddress(), 0, p, 12, 4);
        System.arraycopy(dst.getAddress(), 0, p, 16, 4);
        System.arraycopy(payload, 0, p, 20, payload.length);
        return p;
    }

    record Received(int length, PacketInfo info, byte[] buf) {
    }

    @Test
    void ipv4MulticastArrivesWithTtl255BothWays() throws Exception {
        exchange(IpFamily.IPV4, 1, 2, "224.0.0.18", lab.ipv4(1), false);
        exchange(IpFamily.IPV4, 2, 1, "224.0.0.18", lab.ipv4(2), false);
    }

    @Test
    void ipv4UnicastArrivesWithTtl255BothWays() throws Exception {
        exchange(IpFamily.IPV4, 1, 2, lab.ipv4(2), lab.ipv4(1), false);
        exchange(IpFamily.IPV4, 2, 1, lab.ipv4(1), lab.ipv4(2), false);
    }

    @Test
    void ipv4WithOwnHeaderArrivesAsWritten() throws Exception {
        exchange(IpFamily.IPV4, 1, 2, "224.0.0.18", lab.ipv4(1), true);
        exchange(IpFamily.IPV4, 2, 1, lab.ipv4(1), lab.ipv4(2), true);
    }

    @Test
    void ipv6MulticastArrivesWithHopLimit255BothWays() throws Exception {
        exchange(IpFamily.IPV6, 1, 2, "ff02::12", lab.ipv6(1), false);
        exchange(IpFamily.IPV6, 2, 1, "ff02::12", lab.ipv6(2), false);
    }

    @Test
    void ipv6UnicastArrivesWithHopLimit255BothWays() throws Exception {
        exchange(IpFamily.IPV6, 1, 2, lab.ipv6(2), lab.ipv6(1), false);
        exchange(IpFamily.IPV6, 2, 1, lab.ipv6(1), lab.ipv6(2), false);
    }

    @Test
    void ipv6AdvertFromTheLinkLocalAddressArrives() throws Exception {
        // RFC 5798 §5.1.2.1: an IPv6 advert's source is the interface's link-local address
        String shown = LabNet.sh("ip", "-n", lab.node(1), "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("inet6 (fe80::[0-9a-f:]+)/64").matcher(shown);
        assertThat(m.find()).as("link-local address on eth0: " + shown).isTrue();
        exchange(IpFamily.IPV6, 1, 2, "ff02::12", m.group(1), false);
    }

    @Test
    void ipv6ChecksumIsFilledBySenderKernel() throws Exception {
        Received r = exchange(IpFamily.IPV6, 1, 2, "ff02::12", lab.ipv6(1), false);
        assertThat((r.buf[6] & 0xff) | (r.buf[7] & 0xff)).as("checksum at offset 6").isNotZero();
    }

    @Test
    void encodingIntoTheSendBufferAndReadingTheReceiveBufferCopiesNothing() throws Exception {
        RawIpSocket receiver = lab.inNode(2, () -> RawIpSocket.open(IpFamily.IPV6, Sock.IPPROTO_VRRP, "eth0")
                .joinGroup(ip("ff02::12")));
        RawIpSocket sender = lab.inNode(1, () -> RawIpSocket.open(IpFamily.IPV6, Sock.IPPROTO_VRRP, "eth0"));
        try (receiver; sender) {
            PacketInfo info = new PacketInfo();
            Future<Integer> got = lab.startInNode(2, () -> receiver.receive(info, 5000));
            sender.sendBuffer().putInt(0, 0x3134_6401).putInt(4, 0x0064_0000).putLong(8, 0x0102_0304_0506_0708L);
            sender.sendFromBuffer(16, sender.peer(ip("ff02::12")));
            assertThat(LabNet.get(got)).isEqualTo(16);
            assertThat(receiver.receiveBuffer().getInt(0)).isEqualTo(0x3134_6401);
            assertThat(receiver.receiveBuffer().getLong(8)).isEqualTo(0x0102_0304_0506_0708L);
            assertThat(info.isMulticastDestination()).isTrue();
            assertThat(info.ttl()).isEqualTo(255);
        }
    }

    @Test
    void wakeupReleasesABlockedReceiveAtOnce() throws Exception {
        RawIpSocket socket = lab.inNode(1, () -> RawIpSocket.open(IpFamily.IPV4, Sock.IPPROTO_VRRP, "eth0"));
        try (socket) {
            Future<Integer> blocked = lab.startInNode(1, () ->
                    socket.receive(new byte[100], 0, 100, new PacketInfo(), -1));
            long start = System.nanoTime();
            socket.wakeup();
            assertThat(LabNet.get(blocked)).isEqualTo(RawIpSocket.WOKEN);
            assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        }
    }

    @Test
    void ahPacketsWithOwnHeaderTravelOnProtocol51() throws Exception {
        // keepalived computes AH itself and sends it in an IP_HDRINCL datagram (lab-facts: no kernel AH)
        exchange(Sock.IPPROTO_AH, IpFamily.IPV4, 1, 2, "224.0.0.18", lab.ipv4(1), true);
    }

    @Test
    void ahSocketOpensForProtocol51() throws Exception {
        RawIpSocket socket = lab.inNode(1, () -> RawIpSocket.open(IpFamily.IPV4, Sock.IPPROTO_AH, "eth0"));
        try (socket) {
            assertThat(socket.protocol()).isEqualTo(51);
            assertThat(socket.receive(new byte[10], 0, 10, new PacketInfo(), 10)).isEqualTo(RawIpSocket.TIMED_OUT);
        }
    }
}
