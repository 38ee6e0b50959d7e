package io.jkeepalived.vrrp.packet;

import static io.jkeepalived.vrrp.packet.Addresses.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictLogTest {
    static final byte[] SRC = ip("10.99.0.11");

    private static String logFor(ReceivePolicy policy, byte[] packet) {
        var validator = new AdvertValidator(policy, new PacketCounters(), new ReceiveCounters());
        validator.check(ByteBuffer.wrap(packet), 0, packet.length, new Arrival(), true, null);
        return VerdictLog.line(validator, "VI_1", "eth0");
    }

    private static byte[] advert(AdvertSpec spec) {
        var encoder = new AdvertEncoder(spec);
        ByteBuffer b = ByteBuffer.allocate(encoder.length());
        encoder.encode(b, 0, 100, VrrpWire.ipv4Group(), new PacketCounters());
        return b.array();
    }

    @Test
    void linesReadAsKeepalivedWritesThem() {
        var vips = List.of(ip("10.99.0.101"));
        var policy = ReceivePolicy.multicast(IpFamily.IPV4, 2, 7, 1_000_000, vips);
        assertThat(logFor(policy, advert(AdvertSpec.v2(7, 3_000_000, AuthType.NONE, null, vips, SRC))))
                .isEqualTo("(VI_1) advertisement interval mismatch mine=1 sec rcv'd=3 sec");
        byte[] ttl = advert(AdvertSpec.v2(7, 1_000_000, AuthType.NONE, null, vips, SRC));
        ttl[8] = 64;
        assertThat(logFor(policy, ttl)).isEqualTo("(VI_1) invalid TTL/HL. Received 64 and expect 255");
        assertThat(logFor(policy, advert(AdvertSpec.v2(7, 1_000_000, AuthType.NONE, null,
                List.of(ip("10.99.0.102")), SRC))))
                .isEqualTo("(VI_1) ip address associated with VRID 7 not present in MASTER advert: 10.99.0.101");
        assertThat(logFor(policy, new byte[10])).isEqualTo("IPv4 VRRP packet too short - 10 bytes");
        assertThat(logFor(ReceivePolicy.multicast(IpFamily.IPV4, 2, 8, 1_000_000, vips), ttl))
                .isEqualTo("Unknown VRID(7) received on interface(eth0). ignoring...");
        assertThat(logFor(policy, advert(AdvertSpec.v2(7, 1_000_000, AuthType.NONE, null, vips, SRC)))).isNull();
    }

    @Test
    void ipv6AddressesAreCompressedLikeInetNtop() {
        assertThat(AddressText.of(ip("fd00:99::100"))).isEqualTo("fd00:99::100");
        assertThat(AddressText.of(ip("fe80::a840:60ff:feb6:4972"))).isEqualTo("fe80::a840:60ff:feb6:4972");
        assertThat(AddressText.of(ip("ff02::12"))).isEqualTo("ff02::12");
        assertThat(AddressText.of(ip("::"))).isEqualTo("::");
        assertThat(AddressText.of(ip("1:0:0:2:0:0:0:3"))).isEqualTo("1:0:0:2::3");
        assertThat(AddressText.of(ip("1:0:2:3:4:5:6:7"))).isEqualTo("1:0:2:3:4:5:6:7");
    }
}
