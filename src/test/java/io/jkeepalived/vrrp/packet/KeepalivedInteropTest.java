package io.jkeepalived.vrrp.packet;

import static io.jkeepalived.vrrp.packet.Addresses.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Capture;
import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.LabProcess;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Packages;
import io.jkeepalived.harness.Poll;
import io.jkeepalived.vrrp.packet.PcapFrames.Captured;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both directions against Debian's keepalived 2.2.7: adverts from our encoder (sent raw with IP_HDRINCL, as
 * keepalived sends) hold a lower-priority keepalived in BACKUP without a single complaint, a damaged one is
 * refused in keepalived's words, and keepalived's own adverts, once it is master, pass our validator.
 */
@Tag("integration")
class KeepalivedInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SENDER = """
            import socket, sys, time
            dev, interval, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
            s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
            s.setsockopt(socket.IPPROTO_IP, socket.IP_HDRINCL, 1)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, dev.encode())
            for line in open(path):
                pkt = bytes.fromhex(line.strip())
                s.sendto(pkt, (socket.inet_ntoa(pkt[16:20]), 0))
                print("sent", len(pkt), flush=True)
                time.sleep(interval)
            """;

    @RegisterExtension
    final NetLab lab = new NetLab();

    @Test
    void keepalivedAcceptsOurAhAdvertsAndWeAcceptItsOwn() throws Exception {
        byte[] key = AuthType.authData("secret12");
        interop("""
                    authentication {
                        auth_type AH
                        auth_pass secret12
                    }
                """, (vips, source) -> AdvertSpec.v2(58, 1_000_000, AuthType.AH, key, vips, source),
                AdvertSpec.v2(58, 1_000_000, AuthType.AH, AuthType.authData("wrongkey"), List.of(), new byte[4]),
                "IPSEC-AH : invalid IPSEC HMAC-MD5 value",
                vips -> ReceivePolicy.multicast(IpFamily.IPV4, 2, 58, 1_000_000, vips).withAuth(AuthType.AH, key),
                "");
    }

    @Test
    void keepalivedAcceptsOurVrrpv3ChecksumsAndWeAcceptItsOwn() throws Exception {
        interop("", (vips, source) -> AdvertSpec.v3(IpFamily.IPV4, 58, 1_000_000, vips, source),
                null, "Invalid VRRPv3 checksum",
                vips -> ReceivePolicy.multicast(IpFamily.IPV4, 3, 58, 1_000_000, vips), "vrrp_version 3");
    }

    /**
     * keepalived 2.2.7 rejects (KO, not just logs) an advert whose VIP list differs from its own, so a backup
     * takes over although a higher-priority master is talking: later versions accept it. Our validator follows.
     */
    @Test
    void keepalivedIgnoresAdvertsCarryingAnotherVipList() throws Exception {
        Packages.require("python3", "python3");
        List<Netns> hosts = lab.hostsOnLan(2);
        Path conf = lab.writeFile("keepalived.conf", """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 58
                    priority 80
                    advert_int 1
                    virtual_ipaddress {
                        10.99.1.108/24
                    }
                }
                """);
        Daemon keepalived = lab.keepalived(hosts.get(0), conf);
        keepalived.waitForLine("Entering BACKUP STATE", WAIT);
        var spec = AdvertSpec.v2(58, 1_000_000, AuthType.NONE, null, List.of(ip("10.99.1.109")), ip("10.99.1.2"));
        var counters = new PacketCounters();
        StringBuilder packets = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            counters.nextAdvert();
            packets.append(HexFormat.of().formatHex(encode(spec, counters))).append('\n');
        }
        LabProcess sender = hosts.get(1).start("sender", "python3", lab.writeFile("send.py", SENDER).toString(),
                "eth0", "1", lab.writeFile("adverts.hex", packets.toString()).toString());
        keepalived.waitForLine("not present in MASTER advert: 10.99.1.108", WAIT);
        keepalived.waitForLine("Entering MASTER STATE", WAIT);
        assertThat(sender.isAlive()).as("taken over while our adverts were still coming").isTrue();

        var validator = new AdvertValidator(ReceivePolicy.multicast(IpFamily.IPV4, 2, 58, 1_000_000,
                List.of(ip("10.99.1.108"))), new PacketCounters(), new ReceiveCounters());
        byte[] ours = encode(spec, counters);
        assertThat(validator.check(ByteBuffer.wrap(ours), 0, ours.length, new Arrival(), true, null))
                .isEqualTo(Verdict.VIP_MISSING);
        assertThat(VerdictLog.line(validator, "VI_1", "eth0")).isEqualTo(
                "(VI_1) ip address associated with VRID 58 not present in MASTER advert: 10.99.1.108");
    }

    /**
     * VRRPv3 unicast: keepalived accepts our checksums over the peer's address; on our first old-style one
     * (keepalived ≤ 1.3.6: group address in the pseudo-header) it switches to expecting that style, so a new-style
     * one is then refused; yet it goes on sending new-style checksums itself (its buffer patch is a no-op).
     */
    @Test
    void unicastV3ChecksumsAndTheOldStyleSwitchWorkBothWays() throws Exception {
        Packages.require("python3", "python3");
        List<Netns> hosts = lab.hostsOnLan(2);
        Path conf = lab.writeFile("keepalived.conf", """
                global_defs {
                    vrrp_version 3
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 58
                    priority 80
                    advert_int 1
                    unicast_src_ip 10.99.1.1
                    unicast_peer {
                        10.99.1.2
                    }
                    virtual_ipaddress {
                        10.99.1.108/24
                    }
                }
                """);
        Daemon keepalived = lab.keepalived(hosts.get(0), conf);
        keepalived.waitForLine("Entering BACKUP STATE", WAIT);
        var capture = hosts.get(1).capture("eth0", "ip proto 112");
        List<byte[]> vips = List.of(ip("10.99.1.108"));
        byte[] kaAddress = ip("10.99.1.1");
        var spec = AdvertSpec.v3(IpFamily.IPV4, 58, 1_000_000, vips, ip("10.99.1.2")).withUnicast(true, 255);
        var encoder = new AdvertEncoder(spec);
        var counters = new PacketCounters();
        StringBuilder packets = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            counters.nextAdvert();
            counters.checksumCompat(i >= 3 && i < 7 ? UnicastChecksumCompat.CONFIG : UnicastChecksumCompat.NONE);
            ByteBuffer b = ByteBuffer.allocate(encoder.length());
            encoder.encode(b, 0, 100, kaAddress, counters);
            packets.append(HexFormat.of().formatHex(b.array())).append('\n');
        }
        LabProcess sender = hosts.get(1).start("sender", "python3", lab.writeFile("send.py", SENDER).toString(),
                "eth0", "1", lab.writeFile("adverts.hex", packets.toString()).toString());
        keepalived.waitForLine("Setting unicast VRRPv3 checksum to old version", WAIT);
        keepalived.waitForLine("Invalid VRRPv3 checksum", WAIT);
        assertThat(sender.waitForExit(WAIT)).isZero();
        assertThat(keepalived.process().count(Pattern.compile("Entering MASTER STATE|Invalid|invalid")))
                .as(keepalived.process().tail(20)).isEqualTo(1);

        keepalived.waitForLine("Entering MASTER STATE", WAIT);
        Poll.until("an advert from keepalived as master", WAIT, () -> !theirAdverts(capture).isEmpty());
        Path pcap = capture.stop();
        List<Captured> theirs = PcapFrames.parse(Files.readAllBytes(pcap)).packets().stream()
                .filter(p -> p.fromAddress(kaAddress)).toList();
        var ourCounters = new PacketCounters();
        var validator = new AdvertValidator(ReceivePolicy.multicast(IpFamily.IPV4, 3, 58, 1_000_000, vips)
                .withUnicast(List.of(new UnicastPeer(kaAddress)), true), ourCounters, new ReceiveCounters());
        Captured first = theirs.getFirst();
        assertThat(validator.check(first.buffer(), 0, first.bytes().length, new Arrival(), true, null))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(validator.switchedToOldChecksum()).as("keepalived still sends new-style").isFalse();

        // and our encoder, switched the same way, sends exactly what keepalived sent
        var mimic = new PacketCounters();
        var kaSpec = AdvertSpec.v3(IpFamily.IPV4, 58, 1_000_000, vips, kaAddress).withUnicast(true, 255);
        var kaEncoder = new AdvertEncoder(kaSpec);
        ByteBuffer out = ByteBuffer.allocate(kaEncoder.length());
        mimic.nextAdvert();
        kaEncoder.encode(out, 0, 80, ip("10.99.1.2"), mimic);
        mimic.switchToOldChecksum(ip("10.99.1.2"));
        mimic.ipId(Octets.u16(first.buffer(), 4));
        kaEncoder.encode(out, 0, 80, ip("10.99.1.2"), mimic);
        assertThat(out.array()).isEqualTo(first.bytes());
    }

    private static List<Captured> theirAdverts(Capture capture) {
        try {
            return PcapFrames.parse(Files.readAllBytes(capture.pcap())).packets().stream()
                    .filter(p -> p.fromAddress(ip("10.99.1.1"))).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    interface SpecFor {
        AdvertSpec spec(List<byte[]> vips, byte[] source);
    }

    interface PolicyFor {
        ReceivePolicy policy(List<byte[]> vips);
    }

    /**
     * keepalived (priority 80) on host 1; our adverts (priority 100) from host 2: first a bad one (wrong key, or a
     * broken checksum when {@code badSpec} is null), then good ones for longer than the master-down interval.
     */
    private void interop(String authBlock, SpecFor ours, AdvertSpec badSpec, String refusal, PolicyFor policyFor,
            String globalDefs) throws Exception {
        Packages.require("python3", "python3");
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns kaHost = hosts.get(0);
        Netns we = hosts.get(1);
        String vip = "10.99.1.108";
        List<byte[]> vips = List.of(ip(vip));
        byte[] ourAddress = ip("10.99.1.2");
        Path conf = lab.writeFile("keepalived.conf", """
                global_defs {
                    router_id jkt_interop
                    %s
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 58
                    priority 80
                    advert_int 1
                %s
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(globalDefs, authBlock, vip));
        Daemon keepalived = lab.keepalived(kaHost, conf);
        keepalived.waitForLine("Entering BACKUP STATE", WAIT);
        var capture = we.capture("eth0", "ip proto 112 or ip proto 51");

        AdvertSpec spec = ours.spec(vips, ourAddress);
        var counters = new PacketCounters();
        StringBuilder packets = new StringBuilder();
        counters.nextAdvert();
        AdvertSpec broken = badSpec == null ? spec : new AdvertSpec(spec.family(), spec.version(), spec.vrid(),
                spec.advertIntervalMicros(), spec.authType(), badSpec.authData(), vips, spec.ttl(), ourAddress,
                false, null, false);
        byte[] bad = encode(broken, counters);
        if (badSpec == null) {
            bad[bad.length - 1] ^= 0x01; // last VIP byte: the checksum no longer matches
        }
        packets.append(HexFormat.of().formatHex(bad)).append('\n');
        for (int i = 0; i < 7; i++) {
            counters.nextAdvert();
            packets.append(HexFormat.of().formatHex(encode(spec, counters))).append('\n');
        }
        Path script = lab.writeFile("send.py", SENDER);
        Path hex = lab.writeFile("adverts.hex", packets.toString());
        LabProcess sender = we.start("sender", "python3", script.toString(), "eth0", "1", hex.toString());

        keepalived.waitForLine(refusal, WAIT);
        assertThat(sender.waitForExit(WAIT)).as(sender.tail(5)).isZero();
        assertThat(keepalived.process().count(Pattern.compile("Entering MASTER STATE")))
                .as("keepalived held in BACKUP by our adverts").isZero();
        assertThat(keepalived.process().count(Pattern.compile("IPSEC|checksum|invalid|mismatch|unexpected")))
                .as("only the deliberately bad advert is refused:\n" + keepalived.process().tail(30)).isEqualTo(1);

        keepalived.waitForLine("Entering MASTER STATE", WAIT);
        awaitMasterAdverts(capture);
        Path pcap = capture.stop();
        List<Captured> theirs = PcapFrames.parse(Files.readAllBytes(pcap)).packets().stream()
                .filter(p -> p.fromAddress(ip("10.99.1.1"))).toList();
        assertThat(theirs).as("keepalived's adverts as master").isNotEmpty();
        var validator = new AdvertValidator(policyFor.policy(vips), new PacketCounters(), new ReceiveCounters());
        for (Captured p : theirs) {
            assertThat(validator.check(p.buffer(), 0, p.bytes().length, new Arrival(), false, null))
                    .as("frame %d", p.number()).isEqualTo(Verdict.ACCEPT);
            assertThat(validator.view().priority()).isEqualTo(80);
        }
    }

    /** Lets keepalived send a few adverts as master before the capture stops. */
    private static void awaitMasterAdverts(Capture capture) {
        Poll.until("three adverts from keepalived as master", WAIT, () -> theirAdverts(capture).size() >= 3);
    }

    private static byte[] encode(AdvertSpec spec, PacketCounters counters) {
        var encoder = new AdvertEncoder(spec);
        ByteBuffer b = ByteBuffer.allocate(encoder.length());
        encoder.encode(b, 0, 100, VrrpWire.ipv4Group(), counters);
        return b.array();
    }
}
