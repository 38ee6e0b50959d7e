package io.jkeepalived.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever an instance may send, an instance configured alike accepts it and reads the same fields back. */
class RoundTripProperties {

    @Property(tries = 1000)
    void encodedAdvertsPassTheMatchingChecks(@ForAll boolean ipv6, @ForAll boolean v2,
            @ForAll @IntRange(min = 1, max = 255) int vrid, @ForAll @IntRange(min = 0, max = 255) int priority,
            @ForAll @IntRange(min = 0, max = 40) int vipCount, @ForAll @IntRange(min = 0, max = 2) int auth,
            @ForAll @IntRange(min = 1, max = 4095) int centis, @ForAll boolean unicast,
            @ForAll @IntRange(min = 1, max = 255) int ttl, @ForAll long seed) {
        IpFamily family = ipv6 ? IpFamily.IPV6 : IpFamily.IPV4;
        int version = v2 && !ipv6 ? 2 : 3;
        int vips = version == 3 ? Math.max(1, vipCount) : vipCount;
        AuthType authType = version == 2 ? AuthType.values()[auth] : AuthType.NONE;
        long interval = version == 2 ? (centis / 100 + 1) * 1_000_000L : centis * 10_000L;
        var random = new java.util.Random(seed);
        List<byte[]> addresses = new ArrayList<>();
        for (int i = 0; i < vips; i++) {
            byte[] a = new byte[family.addressLength()];
            random.nextBytes(a);
            addresses.add(a);
        }
        byte[] source = new byte[family.addressLength()];
        random.nextBytes(source);
        byte[] peer = new byte[family.addressLength()];
        random.nextBytes(peer);
        peer[0] = 10; // not multicast
        source[0] = 10;
        byte[] key = new byte[8];
        random.nextBytes(key);
        boolean reallyUnicast = unicast;
        byte[] destination = reallyUnicast ? peer : ipv6 ? VrrpWire.ipv6Group() : VrrpWire.ipv4Group();

        var spec = new AdvertSpec(family, version, vrid, interval, authType, key, addresses,
                reallyUnicast ? ttl : 255, source, reallyUnicast, null, false);
        var encoder = new AdvertEncoder(spec);
        var sendCounters = new PacketCounters();
        sendCounters.nextAdvert();
        ByteBuffer b = ByteBuffer.allocate(encoder.length() + 3);
        int n = encoder.encode(b, 3, priority, destination, sendCounters);

        var policy = new ReceivePolicy(family, version, vrid, interval, authType, key, addresses, reallyUnicast,
                reallyUnicast ? List.of(new UnicastPeer(source)) : List.of(), reallyUnicast, null, false, false);
        var validator = new AdvertValidator(policy, new PacketCounters(), new ReceiveCounters());
        var arrival = new Arrival().set(source, reallyUnicast ? ttl : 255, !reallyUnicast);
        assertThat(validator.check(b, 3, n, arrival, true, null)).isEqualTo(Verdict.ACCEPT);
        AdvertView v = validator.view();
        assertThat(v.vrid()).isEqualTo(vrid);
        assertThat(v.priority()).isEqualTo(priority);
        assertThat(v.addressCount()).isEqualTo(vips);
        assertThat(v.advertIntervalMicros()).isEqualTo(interval);
        if (ipv6) {
            assertThat(InternetChecksum.ipv6VrrpValid(b, 3, n, source, destination)).isTrue();
        }
    }
}
