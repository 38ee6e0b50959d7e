package io.jkeepalived.vrrp.runtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receive buffers the receivers fill and the loop gives back: at most {@code max}, made when first
 * needed rather than up front. A buffer is 8 KiB; 256 made at start were 2 MiB of heap for a daemon that,
 * with one instance, never has more than a few packets in flight (docs/BENCHMARKS.md, resident memory).
 * Once made, a buffer is reused, so the steady state allocates nothing.
 */
final class PacketPool {
    private final ArrayBlockingQueue<InboundPacket> free;
    private final AtomicInteger made = new AtomicInteger();
    private final int max;

    PacketPool(int max) {
        this.max = max;
        this.free = new ArrayBlockingQueue<>(max);
    }

    /** A free buffer, a new one while fewer than {@code max} exist, or null when all are in use. */
    InboundPacket poll() {
        InboundPacket p = free.poll();
        if (p != null) return p;
        if (made.incrementAndGet() <= max) return new InboundPacket();
        made.decrementAndGet();
        return null;
    }

    /** Gives a buffer back. */
    void offer(InboundPacket p) {
        free.offer(p);
    }

    /** Buffers made so far. */
    int made() {
        return Math.min(made.get(), max);
    }
}
