package io.jkeepalived.time;

/**
 * Monotonic time in nanoseconds, injected wherever time is needed (STYLE.md habit 1). Values only mean
 * something relative to each other from the same clock; they never go backwards. Pure cores do not hold
 * a clock at all: the shell reads it once per event and passes the value in.
 */
@FunctionalInterface
public interface NanoClock {

    long nanoTime();

    /** The JVM's monotonic clock ({@link System#nanoTime()}, CLOCK_MONOTONIC on Linux). */
    static NanoClock system() {
        return SystemNanoClock.INSTANCE;
    }
}
