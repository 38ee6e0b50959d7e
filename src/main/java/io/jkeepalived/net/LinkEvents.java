package io.jkeepalived.net;

import java.util.function.Consumer;

/**
 * The kernel's announcements of link and address changes. {@link #poll} blocks a platform thread;
 * {@link #wakeup} releases it from any thread.
 */
public interface LinkEvents extends AutoCloseable {
    /** {@link #poll} result: {@link #wakeup} was called. */
    int WOKEN = -1;
    /** {@link #poll} result: nothing arrived in time. */
    int TIMED_OUT = -2;

    /**
     * Waits up to {@code timeoutMillis} (-1 forever) and hands each event to {@code sink}; returns how many,
     * or {@link #WOKEN} or {@link #TIMED_OUT}. Lost announcements are reported as {@link NetEvent.Overrun}.
     */
    int poll(Consumer<NetEvent> sink, int timeoutMillis);

    void wakeup();

    @Override
    void close();
}
