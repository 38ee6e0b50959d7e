package io.jkeepalived.vrrp.packet;

import static io.jkeepalived.vrrp.packet.Addresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvertEncoderTest {
    static final byte[] SRC = ip("10.99.0.11");
    static final byte[] PEER_A = ip("10.99.0.12");
    static final byte[] PEER_B = ip("10.99.0.13");
    static final List<byte[]> VIPS = List.of(ip("10.99.0.101"));

    private static ByteBuffer encode(AdvertSpec spec, byte[] dst, PacketCounters counters) {
        var encoder = new AdvertEncoder(spec);
        ByteBuffer b = ByteBuffer.allocate(encoder.length());
        encoder.encode(b, 0, 100, dst, counters);
        return b;
    }

    @Test
    void ipv4HeaderIsKeepalivedsOwn() {
        var counters = new PacketCounters();
        counters.nextAdvert();
        ByteBuffer b = encode(AdvertSpec.v3(IpFamily.IPV4, 7, 1_000_000, VIPS, SRC), VrrpWire.ipv4Group(), counters);
        assertThat(Octets.u8(b, 0)).isEqualTo(0x45);
        assertThat(Octets.u8(b, 1)).isEqualTo(0xC0);
        assertThat(Octets.u16(b, 2)).isEqualTo(20 + 8 + 4);
        assertThat(Octets.u16(b, 4)).isEqualTo(1);
        assertThat(Octets.u16(b, 6)).as("no DF, no fragment").isZero();
        assertThat(Octets.u8(b, 8)).isEqualTo(255);
        assertThat(Octets.u8(b, 9)).isEqualTo(112);
        assertThat(InternetChecksum.fold(InternetChecksum.sum(b, 0, 20, 0))).isZero();
    }

    @Test
    void ipIdCountsFromOneAndWrapsLikeKeepalivedsIntCounter() {
        var counters = new PacketCounters();
        counters.nextAdvert();
        assertThat(counters.ipId()).isEqualTo(1);
        counters.ipId(0xFFFF);
        counters.nextAdvert();
        assertThat(counters.ipId()).as("16-bit view of 65536; the kernel then picks its own").isZero();
        counters.ipId(-1);
        counters.nextAdvert();
        assertThat(counters.ipId()).as("the int itself skips 0").isEqualTo(1);
    }

    @Test
    void ahSequenceStopsBeforeWrappingAndRestartsOnceMaster() {
        var counters = new PacketCounters();
        counters.ahSequence(0xFFFF_FFFDL);
        counters.nextAdvert();
        assertThat(counters.ahSequence()).isEqualTo(0xFFFF_FFFEL);
        counters.nextAdvert();
        assertThat(counters.ahSequence()).isEqualTo(0xFFFF_FFFEL);
        assertThat(counters.ahCycle()).isTrue();
        counters.resetAhSequenceIfCycled();
        assertThat(counters.ahSequence()).isZero();
        assertThat(counters.ahCycle()).isFalse();
    }

    @Test
    void masterSyncsItsAhSequencePastALowerPriorityAdvert() {
        var counters = new PacketCounters();
        counters.ahCycle(true);
        counters.syncAhSequenceAfter(41);
        assertThat(counters.ahSequence()).isEqualTo(42);
        assertThat(counters.ahCycle()).isFalse();
    }

    @Test
    void v3UnicastChecksumCoversEachPeersAddressUnlessOldStyle() {
        var spec = AdvertSpec.v3(IpFamily.IPV4, 7, 1_000_000, VIPS, SRC).withUnicast(true, 255);
        var counters = new PacketCounters();
        int a = Octets.u16(encode(spec, PEER_A, counters), 26);
        int b = Octets.u16(encode(spec, PEER_B, counters), 26);
        assertThat(a).isNotEqualTo(b);
        counters.checksumCompat(UnicastChecksumCompat.CONFIG);
        int oldA = Octets.u16(encode(spec, PEER_A, counters), 26);
        int oldB = Octets.u16(encode(spec, PEER_B, counters), 26);
        int multicast = Octets.u16(encode(spec, VrrpWire.ipv4Group(), new PacketCounters()), 26);
        assertThat(oldA).isEqualTo(oldB).isEqualTo(multicast);
    }

    @Test
    void v3ChecksumAsV2LeavesThePseudoHeaderOut() {
        var spec = AdvertSpec.v3(IpFamily.IPV4, 7, 1_000_000, VIPS, SRC).withV3ChecksumAsV2(true);
        ByteBuffer b = encode(spec, VrrpWire.ipv4Group(), new PacketCounters());
        assertThat(InternetChecksum.fold(InternetChecksum.sum(b, 20, 12, 0))).isZero();
    }

    @Test
    void intervalsAreTruncatedToTheirFieldsUnits() {
        ByteBuffer v2 = encode(AdvertSpec.v2(7, 1_500_000, AuthType.NONE, null, VIPS, SRC), VrrpWire.ipv4Group(),
                new PacketCounters());
        assertThat(Octets.u8(v2, 25)).isEqualTo(1);
        ByteBuffer v3 = encode(AdvertSpec.v3(IpFamily.IPV4, 7, 40_950_000, VIPS, SRC), VrrpWire.ipv4Group(),
                new PacketCounters());
        assertThat(Octets.u16(v3, 24)).isEqualTo(4095);
    }

    @Test
    void passwordFollowsTheAddressesAndAhLeavesTheFieldZero() {
        ByteBuffer pass = encode(AdvertSpec.v2(7, 1_000_000, AuthType.PASS, AuthType.authData("abc"), VIPS, SRC),
                VrrpWire.ipv4Group(), new PacketCounters());
        assertThat(pass.array()).endsWith('a', 'b', 'c', 0, 0, 0, 0, 0);
        ByteBuffer ah = encode(AdvertSpec.v2(7, 1_000_000, AuthType.AH, AuthType.authData("abc"), VIPS, SRC),
                VrrpWire.ipv4Group(), new PacketCounters());
        assertThat(ah.limit()).isEqualTo(20 + 24 + 8 + 4 + 8);
        assertThat(Octets.u8(ah, 9)).isEqualTo(51);
        assertThat(Octets.u8(ah, 20)).isEqualTo(112);
        assertThat(Octets.u8(ah, 21)).isEqualTo(4);
        assertThat(Octets.u32(ah, 24)).isEqualTo(Octets.u32(ah, 12));
        assertThat(ah.array()).endsWith(0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void ipv6ChecksumIsLeftToTheKernelWhenTheSourceIsUnknown() {
        var vips = List.of(ip("fd00:99::100"));
        ByteBuffer none = encode(AdvertSpec.v3(IpFamily.IPV6, 7, 1_000_000, vips, null), VrrpWire.ipv6Group(),
                new PacketCounters());
        assertThat(Octets.u16(none, 6)).isZero();
        byte[] src = ip("fe80::1");
        ByteBuffer filled = encode(AdvertSpec.v3(IpFamily.IPV6, 7, 1_000_000, vips, src), VrrpWire.ipv6Group(),
                new PacketCounters());
        long acc = InternetChecksum.pseudoHeader(src, VrrpWire.ipv6Group(), 24);
        assertThat(InternetChecksum.fold(InternetChecksum.sum(filled, 0, 24, acc))).isZero();
    }

    @Test
    void encodesAtAnOffsetWithoutTouchingPositionOrLimit() {
        var encoder = new AdvertEncoder(AdvertSpec.v3(IpFamily.IPV4, 7, 1_000_000, VIPS, SRC));
        ByteBuffer direct = ByteBuffer.allocateDirect(100).position(5).limit(90);
        assertThat(encoder.encode(direct, 40, 100, VrrpWire.ipv4Group(), new PacketCounters())).isEqualTo(32);
        assertThat(direct.position()).isEqualTo(5);
        assertThat(direct.limit()).isEqualTo(90);
        assertThatThrownBy(() -> encoder.encode(direct, 70, 100, VrrpWire.ipv4Group(), new PacketCounters()))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void specRefusesWhatKeepalivedWouldNotSend() {
        assertThatThrownBy(() -> AdvertSpec.v2(0, 1_000_000, AuthType.NONE, null, VIPS, SRC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdvertSpec(IpFamily.IPV4, 3, 1, 1_000_000, AuthType.PASS, null, VIPS, 255, SRC,
                false, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdvertSpec.v3(IpFamily.IPV6, 1, 1_000_000, VIPS, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void steadyStateEncodingAndCheckingAllocateNothing() {
        var spec = AdvertSpec.v2(7, 1_000_000, AuthType.AH, AuthType.authData("secret12"), VIPS, SRC);
        var encoder = new AdvertEncoder(spec);
        var sendCounters = new PacketCounters();
        var validator = new AdvertValidator(ReceivePolicy.multicast(IpFamily.IPV4, 2, 7, 1_000_000, VIPS)
                .withAuth(AuthType.AH, AuthType.authData("secret12")), new PacketCounters(), new ReceiveCounters());
        ByteBuffer buffer = ByteBuffer.allocateDirect(encoder.length());
        byte[] group = VrrpWire.ipv4Group();
        var arrival = new Arrival();
        Runnable round = () -> {
            sendCounters.nextAdvert();
            encoder.encode(buffer, 0, 100, group, sendCounters);
            if (validator.check(buffer, 0, encoder.length(), arrival, true, null) != Verdict.ACCEPT) {
                throw new AssertionError(validator.detail().verdict());
            }
        };
        for (int i = 0; i < 20_000; i++) {
            round.run();
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            round.run();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 10000 AH adverts").isLessThan(10_000);
    }
}
