package io.jkeepalived.vrrp.packet;

import static io.jkeepalived.vrrp.packet.Addresses.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per verdict: a packet that passes every earlier check and fails exactly the one named. */
class AdvertValidatorTest {
    static final byte[] ME = ip("10.99.0.12");
    static final byte[] PEER = ip("10.99.0.11");
    static final byte[] GROUP = ip("224.0.0.18");
    static final List<byte[]> VIPS = List.of(ip("10.99.0.101"), ip("10.99.0.102"));
    static final byte[] PW = AuthType.authData("s3cr3tpw");

    static final ReceivePolicy V3 = ReceivePolicy.multicast(IpFamily.IPV4, 3, 52, 1_000_000, VIPS);
    static final ReceivePolicy V2 = ReceivePolicy.multicast(IpFamily.IPV4, 2, 52, 1_000_000, VIPS);
    static final AdvertSpec V3_SPEC = AdvertSpec.v3(IpFamily.IPV4, 52, 1_000_000, VIPS, PEER);

    private final PacketCounters counters = new PacketCounters();
    private final ReceiveCounters stats = new ReceiveCounters();

    private static byte[] encode(AdvertSpec spec, int priority, byte[] destination, PacketCounters counters) {
        var encoder = new AdvertEncoder(spec);
        ByteBuffer b = ByteBuffer.allocate(encoder.length());
        encoder.encode(b, 0, priority, destination, counters);
        return b.array();
    }

    private static byte[] encode(AdvertSpec spec) {
        var c = new PacketCounters();
        c.nextAdvert();
        return encode(spec, 100, spec.unicast() ? ME : GROUP, c);
    }

    private Verdict check(ReceivePolicy policy, byte[] packet) {
        return new AdvertValidator(policy, counters, stats).check(ByteBuffer.wrap(packet), 0, packet.length,
                new Arrival(), true, null);
    }

    private Verdict checkCounted(ReceivePolicy policy, byte[] packet, Verdict expected) {
        Verdict v = check(policy, packet);
        assertThat(v).isEqualTo(expected);
        assertThat(stats.count(expected)).isEqualTo(1);
        if (expected.stat() != null) {
            assertThat(stats.stat(expected.stat())).isEqualTo(1);
        }
        return v;
    }

    @Test
    void goodAdvertIsAcceptedAndCounted() {
        checkCounted(V3, encode(V3_SPEC), Verdict.ACCEPT);
        assertThat(stats.stat(VrrpStat.ADVERT_RCVD)).isEqualTo(1);
    }

    @Test
    void priorityZeroIsAcceptedAndCountedApart() {
        var c = new PacketCounters();
        checkCounted(V3, encode(V3_SPEC, 0, GROUP, c), Verdict.ACCEPT);
        assertThat(stats.stat(VrrpStat.PRI_ZERO_RCVD)).isEqualTo(1);
    }

    @Test
    void shortOrForeignPacketsNeverReachTheInstance() {
        checkCounted(V3, new byte[12], Verdict.TOO_SHORT);
        byte[] p = encode(V3_SPEC);
        assertThat(check(V3, Arrays.copyOf(p, 25))).isEqualTo(Verdict.TOO_SHORT);
        byte[] v6 = p.clone();
        v6[0] = 0x65;
        assertThat(check(V3, v6)).isEqualTo(Verdict.MALFORMED_IP_HEADER);
        byte[] tcp = p.clone();
        tcp[9] = 6;
        assertThat(check(V3, tcp)).isEqualTo(Verdict.NOT_VRRP);
    }

    @Test
    void otherVridIsIgnored() {
        checkCounted(ReceivePolicy.multicast(IpFamily.IPV4, 3, 53, 1_000_000, VIPS), encode(V3_SPEC),
                Verdict.UNKNOWN_VRID);
    }

    @Test
    void ahPresenceMustMatchOurAuthType() {
        byte[] ah = encode(AdvertSpec.v2(52, 1_000_000, AuthType.AH, PW, VIPS, PEER));
        checkCounted(V2.withAuth(AuthType.PASS, PW), ah, Verdict.AH_UNEXPECTED);
        byte[] plain = encode(AdvertSpec.v2(52, 1_000_000, AuthType.NONE, null, VIPS, PEER));
        assertThat(check(V2.withAuth(AuthType.AH, PW), plain)).isEqualTo(Verdict.AH_MISSING);
        assertThat(stats.stat(VrrpStat.AUTHTYPE_MISMATCH)).isEqualTo(2);
    }

    @Test
    void lengthMustMatchTheAddressCount() {
        byte[] p = encode(V3_SPEC);
        checkCounted(V3, Arrays.copyOf(p, p.length + 1), Verdict.LENGTH_MISMATCH);
    }

    @Test
    void multicastTtlMustBe255() {
        byte[] p = encode(V3_SPEC);
        p[8] = (byte) 254;
        checkCounted(V3, p, Verdict.TTL);
    }

    @Test
    void unicastHasNoTtlRule() {
        var spec = V3_SPEC.withUnicast(true, 64);
        var policy = V3.withUnicast(List.of(new UnicastPeer(PEER)), false);
        assertThat(check(policy, encode(spec))).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void versionMustBeOurs() {
        checkCounted(V3, encode(AdvertSpec.v2(52, 1_000_000, AuthType.NONE, null, VIPS, PEER)), Verdict.VERSION);
    }

    @Test
    void v2AuthTypeMustBeKnownAndOurs() {
        byte[] p = encode(AdvertSpec.v2(52, 1_000_000, AuthType.NONE, null, VIPS, PEER));
        p[20 + 4] = 7;
        checkCounted(V2, p, Verdict.INVALID_AUTH_TYPE);
        byte[] pass = encode(AdvertSpec.v2(52, 1_000_000, AuthType.PASS, PW, VIPS, PEER));
        assertThat(check(V2, pass)).isEqualTo(Verdict.AUTH_TYPE_MISMATCH);
    }

    @Test
    void passwordMustMatchAllEightBytes() {
        byte[] pass = encode(AdvertSpec.v2(52, 1_000_000, AuthType.PASS, AuthType.authData("s3cr3tpX"), VIPS, PEER));
        checkCounted(V2.withAuth(AuthType.PASS, PW), pass, Verdict.PASSWORD);
        byte[] good = encode(AdvertSpec.v2(52, 1_000_000, AuthType.PASS, PW, VIPS, PEER));
        assertThat(check(V2.withAuth(AuthType.PASS, PW), good)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void ahProtectingAnotherProtocolIsDropped() {
        byte[] p = encode(AdvertSpec.v2(52, 1_000_000, AuthType.AH, PW, VIPS, PEER));
        p[20] = 6;
        checkCounted(V2.withAuth(AuthType.AH, PW), p, Verdict.AH_NOT_VRRP);
    }

    @Test
    void ahWithAnotherKeyFailsTheIcv() {
        byte[] p = encode(AdvertSpec.v2(52, 1_000_000, AuthType.AH, AuthType.authData("other"), VIPS, PEER));
        checkCounted(V2.withAuth(AuthType.AH, PW), p, Verdict.AH_ICV);
    }

    @Test
    void ahSpiMustBeTheSourceAddress() {
        byte[] p = encode(AdvertSpec.v2(52, 1_000_000, AuthType.AH, PW, VIPS, PEER));
        p[20 + 7] ^= 1;
        resignAh(p, PW, false);
        checkCounted(V2.withAuth(AuthType.AH, PW), p, Verdict.AH_SPI);
    }

    @Test
    void ahSequenceMustGrow() {
        counters.ahSequence(5);
        var c = new PacketCounters();
        c.ahSequence(5);
        byte[] p = encode(AdvertSpec.v2(52, 1_000_000, AuthType.AH, PW, VIPS, PEER), 100, GROUP, c);
        checkCounted(V2.withAuth(AuthType.AH, PW), p, Verdict.AH_REPLAY);
        c.nextAdvert();
        byte[] next = encode(AdvertSpec.v2(52, 1_000_000, AuthType.AH, PW, VIPS, PEER), 100, GROUP, c);
        counters.ahCycle(true);
        assertThat(check(V2.withAuth(AuthType.AH, PW), next)).isEqualTo(Verdict.ACCEPT);
        assertThat(counters.ahSequence()).isEqualTo(6);
        assertThat(counters.ahCycle()).isFalse();
    }

    @Test
    void unicastAhZeroesTheTtlInTheIcv() {
        var spec = AdvertSpec.v2(52, 1_000_000, AuthType.AH, PW, VIPS, PEER).withUnicast(true, 64);
        byte[] p = encode(spec);
        p[8] = 60; // routers on the way may lower it
        p[10] = 0;
        p[11] = 0;
        var policy = V2.withAuth(AuthType.AH, PW).withUnicast(List.of(new UnicastPeer(PEER)), false);
        assertThat(check(policy, p)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void v2IntervalMismatchIsDropped() {
        byte[] p = encode(AdvertSpec.v2(52, 2_000_000, AuthType.NONE, null, VIPS, PEER));
        checkCounted(V2, p, Verdict.ADVERT_INTERVAL);
    }

    @Test
    void v3IntervalMismatchIsAcceptedAndFlagged() {
        var validator = new AdvertValidator(V3, counters, stats);
        byte[] p = encode(AdvertSpec.v3(IpFamily.IPV4, 52, 2_500_000, VIPS, PEER));
        assertThat(validator.check(ByteBuffer.wrap(p), 0, p.length, new Arrival(), true, null))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(validator.intervalDiffers()).isTrue();
        assertThat(validator.view().advertIntervalCentis()).isEqualTo(250);
    }

    @Test
    void typeMustBeAdvertisement() {
        byte[] p = encode(V3_SPEC);
        p[20] = 0x32;
        checkCounted(V3, p, Verdict.TYPE);
    }

    @Test
    void addressCountMustMatchUnlessFromTheKnownMasterWithSkipCheck() {
        byte[] p = encode(AdvertSpec.v3(IpFamily.IPV4, 52, 1_000_000, List.of(ip("10.99.0.101")), PEER));
        checkCounted(V3, p, Verdict.ADDRESS_COUNT);
        var skip = new AdvertValidator(V3.withSkipCheckAdvAddr(true), counters, stats);
        ByteBuffer b = ByteBuffer.wrap(p);
        assertThat(skip.check(b, 0, p.length, new Arrival(), true, PEER)).isEqualTo(Verdict.ACCEPT);
        assertThat(skip.check(b, 0, p.length, new Arrival(), true, ip("10.99.0.13")))
                .isEqualTo(Verdict.ADDRESS_COUNT);
        // a master always checks
        assertThat(skip.check(b, 0, p.length, new Arrival(), false, PEER)).isEqualTo(Verdict.ADDRESS_COUNT);
    }

    @Test
    void ipTotalLengthMustMatchWhatWasReceived() {
        byte[] p = encode(V3_SPEC);
        p[3]++;
        checkCounted(V3, p, Verdict.IP_TOTAL_LENGTH);
    }

    @Test
    void checksumIsVerifiedForEachVersion() {
        byte[] v3 = encode(V3_SPEC);
        v3[20 + 7] ^= 0x10;
        checkCounted(V3, v3, Verdict.CHECKSUM);
        byte[] v2 = encode(AdvertSpec.v2(52, 1_000_000, AuthType.NONE, null, VIPS, PEER));
        v2[20 + 6] ^= 0x01;
        assertThat(check(V2, v2)).isEqualTo(Verdict.CHECKSUM);
    }

    @Test
    void v3ChecksumWithoutPseudoHeaderIsNotCheckedWhenConfiguredSo() {
        byte[] asV2 = encode(V3_SPEC.withV3ChecksumAsV2(true));
        assertThat(check(V3, asV2)).isEqualTo(Verdict.CHECKSUM);
        assertThat(check(V3.withV3ChecksumAsV2(true), asV2)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void unicastPeerWithOldChecksumSwitchesUsToIt() {
        var spec = V3_SPEC.withUnicast(true, 255);
        var old = new PacketCounters(UnicastChecksumCompat.CONFIG);
        byte[] p = encode(spec, 100, ME, old);
        var policy = V3.withUnicast(List.of(new UnicastPeer(PEER)), false);
        var validator = new AdvertValidator(policy, counters, stats);
        assertThat(validator.check(ByteBuffer.wrap(p), 0, p.length, new Arrival(), true, null))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(validator.switchedToOldChecksum()).isTrue();
        assertThat(counters.checksumCompat()).isEqualTo(UnicastChecksumCompat.AUTO);

        var never = new PacketCounters(UnicastChecksumCompat.NEVER);
        var strictOne = new AdvertValidator(policy, never, stats);
        assertThat(strictOne.check(ByteBuffer.wrap(p), 0, p.length, new Arrival(), true, null))
                .isEqualTo(Verdict.CHECKSUM);
    }

    @Test
    void afterTheSwitchOnlyOldStyleIsAcceptedWhileWeKeepOurBuffersChecksum() {
        var policy = V3.withUnicast(List.of(new UnicastPeer(PEER), new UnicastPeer(ip("10.99.0.13"))), false);
        var spec = V3_SPEC.withUnicast(true, 255);
        byte[] oldStyle = encode(spec, 100, ME, new PacketCounters(UnicastChecksumCompat.CONFIG));
        byte[] newStyle = encode(spec, 100, ME, new PacketCounters());
        var ours = new AdvertEncoder(AdvertSpec.v3(IpFamily.IPV4, 52, 1_000_000, VIPS, ME).withUnicast(true, 255));
        ByteBuffer out = ByteBuffer.allocate(ours.length());
        ours.encode(out, 0, 100, PEER, counters);
        ours.encode(out, 0, 100, ip("10.99.0.13"), counters);
        int lastPeerChecksum = Octets.u16(out, 26);

        var validator = new AdvertValidator(policy, counters, stats);
        assertThat(validator.check(ByteBuffer.wrap(oldStyle), 0, oldStyle.length, new Arrival(), true, null))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(validator.check(ByteBuffer.wrap(newStyle), 0, newStyle.length, new Arrival(), true, null))
                .isEqualTo(Verdict.CHECKSUM);
        // keepalived 2.2.7's own buffer keeps the pseudo destination of the last peer, for every peer
        ours.encode(out, 0, 100, PEER, counters);
        assertThat(Octets.u16(out, 26)).isEqualTo(lastPeerChecksum);
    }

    @Test
    void destinationMustBeMulticastUnlessUnicast() {
        var policy = V3.withUnicast(List.of(new UnicastPeer(PEER)), false);
        checkCounted(policy, encode(V3_SPEC), Verdict.CAST_MISMATCH);
        byte[] unicastPacket = encode(V3_SPEC.withUnicast(true, 255));
        assertThat(check(V3, unicastPacket)).isEqualTo(Verdict.CAST_MISMATCH);
    }

    @Test
    void everyVipOfOursMustBeInTheAdvertInAnyOrder() {
        byte[] swapped = encode(AdvertSpec.v3(IpFamily.IPV4, 52, 1_000_000, List.of(VIPS.get(1), VIPS.get(0)), PEER));
        assertThat(check(V3, swapped)).isEqualTo(Verdict.ACCEPT);
        byte[] other = encode(AdvertSpec.v3(IpFamily.IPV4, 52, 1_000_000,
                List.of(VIPS.get(0), ip("10.99.0.103")), PEER));
        assertThat(check(V3, other)).isEqualTo(Verdict.VIP_MISSING);
        assertThat(stats.stat(VrrpStat.ADDR_LIST_ERR)).isEqualTo(1);
        assertThat(stats.stat(VrrpStat.ADVERT_RCVD)).isEqualTo(2);
    }

    @Test
    void checkUnicastSrcWantsAKnownPeerWithinItsTtlWindow() {
        byte[] p = encode(V3_SPEC.withUnicast(true, 255));
        var stranger = V3.withUnicast(List.of(new UnicastPeer(ip("10.99.0.13"))), true);
        checkCounted(stranger, p, Verdict.UNICAST_SOURCE);
        var window = V3.withUnicast(List.of(new UnicastPeer(PEER, 250, 254)), true);
        assertThat(check(window, p)).isEqualTo(Verdict.UNICAST_TTL);
        var unchecked = V3.withUnicast(List.of(new UnicastPeer(ip("10.99.0.13"))), false);
        assertThat(check(unchecked, p)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void ipv6UsesAncillaryDataForHopLimitAndCast() {
        byte[] src = ip("fe80::1");
        var vips = List.of(ip("fd00:99::100"));
        var spec = AdvertSpec.v3(IpFamily.IPV6, 53, 1_000_000, vips, src);
        var encoder = new AdvertEncoder(spec);
        ByteBuffer b = ByteBuffer.allocate(encoder.length());
        encoder.encode(b, 0, 100, VrrpWire.ipv6Group(), new PacketCounters());
        var validator = new AdvertValidator(ReceivePolicy.multicast(IpFamily.IPV6, 3, 53, 1_000_000, vips),
                counters, stats);
        assertThat(validator.check(b, 0, b.limit(), new Arrival().set(src, 255, true), true, null))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(validator.check(b, 0, b.limit(), new Arrival().set(src, 1, true), true, null))
                .isEqualTo(Verdict.TTL);
        assertThat(validator.check(b, 0, b.limit(), new Arrival().set(src, -1, true), true, null))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(validator.check(b, 0, b.limit(), new Arrival().set(src, 255, false), true, null))
                .isEqualTo(Verdict.CAST_DISCARDED);
        assertThat(validator.check(b, 0, 7, new Arrival().set(src, 255, true), true, null))
                .isEqualTo(Verdict.TOO_SHORT);
    }

    /** Recomputes the AH ICV after a test changed a protected field. */
    private static void resignAh(byte[] p, byte[] key, boolean unicast) {
        byte[] icv = new byte[12];
        new AhAuthenticator(key).icv(ByteBuffer.wrap(p), 0, 20, p.length, unicast, icv);
        System.arraycopy(icv, 0, p, 20 + 12, 12);
    }
}
