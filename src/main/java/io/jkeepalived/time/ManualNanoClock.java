package io.jkeepalived.time;

import java.time.Duration;

/**
 * A clock moved only by hand, for timelines in tests (Agrona's CachedNanoClock habit): nothing sleeps,
 * the test advances time and then polls what is due. Single-threaded, like the event loop it stands in for.
 */
public final class ManualNanoClock implements NanoClock {
    private long now;

    public ManualNanoClock() {
        this(0L);
    }

    public ManualNanoClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Moves forward by {@code nanos} (≥ 0) and returns the new time. */
    public long advanceNanos(long nanos) {
        if (nanos < 0) throw new IllegalArgumentException("a monotonic clock cannot go back: " + nanos);
        now = Math.addExact(now, nanos);
        return now;
    }

    public long advance(Duration d) {
        return advanceNanos(d.toNanos());
    }

    public long advanceMillis(long millis) {
        return advanceNanos(Math.multiplyExact(millis, 1_000_000L));
    }

    /** Jumps to an absolute time that is not earlier than now. */
    public long setNanos(long nanos) {
        if (nanos < now) throw new IllegalArgumentException("a monotonic clock cannot go back: " + nanos + " < " + now);
        now = nanos;
        return now;
    }
}
