package io.jkeepalived.daemon;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * keepalived's signals (reference §4.3) turned into events for the daemon's main thread: the JVM runs
 * each handler on a fresh thread, which only queues. SIGRTMIN+2 (JSON) and SIGRTMAX-1 (STATS_CLEAR) cannot
 * be caught through sun.misc.Signal, which knows no real-time signals.
 */
final class SignalEvents {
    /** What a signal asks of the daemon. */
    enum Kind { STOP, RELOAD, DATA, STATS }

    private final BlockingQueue<Kind> queue = new LinkedBlockingQueue<>();

    /** @param ignoreInt {@code --ignore-sigint}: SIGINT does not stop the daemon */
    void install(boolean ignoreInt) {
        on("TERM", Kind.STOP);
        if (ignoreInt) {
            Signal.handle(new Signal("INT"), sig -> {});
        } else {
            on("INT", Kind.STOP);
        }
        on("HUP", Kind.RELOAD);
        on("USR1", Kind.DATA);
        on("USR2", Kind.STATS);
    }

    private void on(String name, Kind kind) {
        Signal.handle(new Signal(name), sig -> queue.add(kind));
    }

    /** The next event, or null after {@code timeoutMs}. */
    Kind next(long timeoutMs) throws InterruptedException {
        return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Lets code inside the daemon ask for a stop (a fatal runtime error) as a signal would. */
    void post(Kind kind) {
        queue.add(kind);
    }
}
