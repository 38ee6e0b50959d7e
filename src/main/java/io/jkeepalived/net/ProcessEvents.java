package io.jkeepalived.net;

import java.util.function.Consumer;

/**
 * The kernel's process events (the netlink connector keepalived's track_process listens to).
 * {@link #poll} blocks a platform thread; {@link #wakeup} releases it from any thread.
 */
public interface ProcessEvents extends AutoCloseable {
    /** {@link #poll} result: {@link #wakeup} was called. */
    int WOKEN = -1;
    /** {@link #poll} result: nothing arrived in time. */
    int TIMED_OUT = -2;
    /** {@link #poll} result: the kernel dropped events (ENOBUFS): the listener must look at /proc again. */
    int OVERRUN = -3;

    /**
     * Waits up to {@code timeoutMillis} (-1 forever) and hands each event to {@code sink}; returns how many,
     * or {@link #WOKEN}, {@link #TIMED_OUT} or {@link #OVERRUN}.
     */
    int poll(Consumer<ProcessEvent> sink, int timeoutMillis);

    void wakeup();

    @Override
    void close();
}
