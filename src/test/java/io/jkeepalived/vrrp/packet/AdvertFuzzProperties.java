package io.jkeepalived.vrrp.packet;

import static io.jkeepalived.vrrp.packet.Addresses.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.packet.PcapFrames.Captured;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any bytes get a verdict, never an exception; damaged real adverts are never accepted where it matters. */
class AdvertFuzzProperties {
    static final List<byte[]> VIPS4 = List.of(ip("10.99.0.101"), ip("10.99.0.102"));
    static final byte[] PW = AuthType.authData("secret12");

    static final List<ReceivePolicy> POLICIES = List.of(
            ReceivePolicy.multicast(IpFamily.IPV4, 3, 52, 500_000, VIPS4),
            ReceivePolicy.multicast(IpFamily.IPV4, 2, 58, 1_000_000, List.of(ip("10.99.0.108")))
                    .withAuth(AuthType.AH, PW),
            ReceivePolicy.multicast(IpFamily.IPV4, 2, 60, 1_000_000, List.of(ip("10.99.0.110")))
                    .withAuth(AuthType.PASS, AuthType.authData("s3cr3tpw"))
                    .withUnicast(List.of(new UnicastPeer(ip("10.99.0.11"), 1, 255)), true),
            ReceivePolicy.multicast(IpFamily.IPV6, 3, 53, 1_000_000, List.of(ip("fd00:99::100"))),
            ReceivePolicy.multicast(IpFamily.IPV6, 2, 53, 1_000_000, List.of(ip("fd00:99::100")))
                    .withAuth(AuthType.PASS, PW).withSkipCheckAdvAddr(true));

    static final List<Captured> CAPTURED = Stream.of(KeepalivedCapturesTest.V3, KeepalivedCapturesTest.AH,
            KeepalivedCapturesTest.PASS).flatMap(f -> PcapFrames.load(f).packets().stream()).toList();

    private static Verdict checkEverywhere(ByteBuffer b, int at, int length, Arrival arrival) {
        Verdict last = null;
        for (ReceivePolicy policy : POLICIES) {
            var validator = new AdvertValidator(policy, new PacketCounters(), new ReceiveCounters());
            for (boolean backup : new boolean[] {true, false}) {
                last = validator.check(b, at, length, arrival, backup, ip("10.99.0.11"));
                assertThat(last).isNotNull();
            }
        }
        return last;
    }

    @Property(tries = 3000)
    void randomBytesGetAVerdict(@ForAll @Size(max = 300) byte[] bytes, @ForAll @IntRange(min = -2, max = 310) int length,
            @ForAll @IntRange(min = -1, max = 8) int at, @ForAll @IntRange(min = -1, max = 255) int hop,
            @ForAll boolean multicast) {
        checkEverywhere(ByteBuffer.wrap(bytes), at, length, new Arrival().set(new byte[16], hop, multicast));
    }

    @Provide
    Arbitrary<byte[]> vrrpLooking() {
        // an IPv4 header of protocol 112 or 51 followed by noise: gets past the socket-level checks
        return Arbitraries.bytes().array(byte[].class).ofMinSize(20).ofMaxSize(120).map(b -> {
            b[0] = 0x45;
            b[9] = (byte) ((b[9] & 1) == 0 ? 112 : 51);
            b[8] = (byte) 255;
            int len = b.length;
            b[2] = (byte) (len >> 8);
            b[3] = (byte) len;
            if (b.length > 28) {
                b[20] = (byte) ((b[20] & 1) == 0 ? 0x31 : 0x21);
                b[21] = (byte) 52;
            }
            return b;
        });
    }

    @Property(tries = 3000)
    void plausibleHeadersWithNoiseGetAVerdict(@ForAll("vrrpLooking") byte[] bytes) {
        checkEverywhere(ByteBuffer.wrap(bytes), 0, bytes.length, new Arrival().clear());
    }

    @Property(tries = 500)
    void truncatedRealAdvertsAreRefused(@ForAll @IntRange(min = 0, max = 25) int which,
            @ForAll @IntRange(min = 0, max = 200) int cut) {
        Captured p = CAPTURED.get(which % CAPTURED.size());
        int length = Math.min(cut, p.bytes().length - 1);
        Verdict v = checkEverywhere(p.buffer(), 0, length, new Arrival().set(p.source(), 255, true));
        assertThat(v).isNotEqualTo(Verdict.ACCEPT);
        for (ReceivePolicy policy : POLICIES) {
            var validator = new AdvertValidator(policy, new PacketCounters(), new ReceiveCounters());
            assertThat(validator.check(p.buffer(), 0, length, new Arrival().set(p.source(), 255, true), true, null))
                    .isNotEqualTo(Verdict.ACCEPT);
        }
    }

    @Property(tries = 2000)
    void bitFlippedAdvertsGetAVerdictAndProtectedBitsAreNeverAccepted(
            @ForAll @IntRange(min = 0, max = 25) int which, @ForAll @IntRange(min = 0, max = 10_000) int bit) {
        Captured p = CAPTURED.get(which % CAPTURED.size());
        byte[] damaged = p.bytes().clone();
        int index = (bit / 8) % damaged.length;
        damaged[index] ^= (byte) (1 << (bit % 8));
        var arrival = new Arrival().set(p.source(), p.hopLimit(), true);
        checkEverywhere(ByteBuffer.wrap(damaged), 0, damaged.length, arrival);

        ReceivePolicy own = ownPolicy(p);
        var validator = new AdvertValidator(own, new PacketCounters(), new ReceiveCounters());
        Verdict v = validator.check(ByteBuffer.wrap(damaged), 0, damaged.length, arrival, true, null);
        // AH covers all but the mutable IPv4 fields (TOS, fragment, header checksum); the checksum covers VRRP
        boolean ahCovered = p.bytes()[9] == VrrpWire.IPPROTO_AH && index != 1 && index != 6 && index != 7
                && index != 10 && index != 11;
        boolean vrrpPart = index >= p.vrrpOffset();
        if (ahCovered || vrrpPart && p.family() == IpFamily.IPV4) {
            assertThat(v).as("flip of byte %d in frame %d", index, p.number()).isNotEqualTo(Verdict.ACCEPT);
        }
    }

    private static ReceivePolicy ownPolicy(Captured p) {
        return switch (p.vrid()) {
            case 52 -> POLICIES.get(0);
            case 58 -> POLICIES.get(1);
            case 60 -> POLICIES.get(2).withUnicast(List.of(new UnicastPeer(ip("10.99.0.11"))), true);
            default -> POLICIES.get(3);
        };
    }
}
