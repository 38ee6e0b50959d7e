package io.jkeepalived.vrrp.fsm;

/**
 * keepalived.conf(5) preempt_delay: a higher-priority backup keeps accepting a lower-priority master's
 * adverts until the delay, started by the first such advert, has run out (vrrp.c preempt_time).
 */
final class PreemptDelay {
    private final long delayNanos;
    private boolean running;
    private long endsAt;

    PreemptDelay(long delayNanos) {
        this.delayNanos = delayNanos;
    }

    boolean configured() {
        return delayNanos > 0;
    }

    /** Whether a lower-priority advert must still be accepted at {@code now}. */
    boolean holdsBack(long now) {
        return configured() && (!running || endsAt > now);
    }

    boolean running() {
        return running;
    }

    void start(long now) {
        running = true;
        endsAt = now + delayNanos;
    }

    void clear() {
        running = false;
    }

    /** keepalived's "%lu.%6.6lu" rendering of the delay, seconds and microseconds. */
    String text() {
        long micros = delayNanos / 1_000L;
        return micros / 1_000_000L + "." + String.format("%06d", micros % 1_000_000L);
    }
}
