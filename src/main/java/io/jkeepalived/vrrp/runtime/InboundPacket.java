package io.jkeepalived.vrrp.runtime;

import java.nio.ByteBuffer;

/**
 * One received packet on its way from a receiver thread to the event loop: a pooled buffer, filled by the
 * receiver, read by the loop, then given back (STYLE.md habits 5 and 6: no allocation per packet, one owner
 * at a time, handed over through the loop's queue).
 */
final class InboundPacket {
    /** Large enough for a v3 IPv6 advert with 255 VIPs (8 + 255 × 16) or an IPv4 one with AH. */
    static final int CAPACITY = 8192;

    final byte[] data = new byte[CAPACITY];
    final ByteBuffer buffer = ByteBuffer.wrap(data);
    final byte[] source = new byte[16];
    int length;
    int ttl;
    boolean multicastDestination;
    AdvertSocket socket;
}
