package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketPoolTest {
    @Test
    void makesBuffersOnlyWhenNoneIsFreeAndReusesThoseGivenBack() {
        PacketPool pool = new PacketPool(4);
        assertThat(pool.made()).isZero();
        InboundPacket a = pool.poll();
        pool.offer(a);
        assertThat(pool.poll()).isSameAs(a);
        assertThat(pool.made()).isEqualTo(1);
    }

    @Test
    void givesNothingOnceAllBuffersAreInUse() {
        PacketPool pool = new PacketPool(2);
        InboundPacket a = pool.poll();
        InboundPacket b = pool.poll();
        assertThat(pool.poll()).isNull();
        assertThat(pool.made()).isEqualTo(2);
        pool.offer(b);
        assertThat(pool.poll()).isSameAs(b);
        assertThat(a).isNotNull();
    }
}
