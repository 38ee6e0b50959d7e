package io.jkeepalived.daemon;

import io.jkeepalived.net.linux.SignalFd;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * keepalived's signals (reference §4.3) turned into events for the daemon's main thread: the JVM runs
 * each handler on a fresh thread, which only queues. SIGRTMIN+2 (JSON) and SIGRTMAX-1 (STATS_CLEAR) cannot
 * be caught through sun.misc.Signal, which knows no real-time signals: bin/jkeepalived starts java with them
 * blocked and one platform thread reads them from a signalfd (when the launcher could only ignore them,
 * they never arrive and the thread is not started).
 */
final class SignalEvents {
    /** What a signal asks of the daemon. */
    enum Kind { STOP, RELOAD, DATA, STATS, STATS_CLEAR, JSON }

    /** keepalived --signum=JSON and --signum=STATS_CLEAR on Linux/glibc: SIGRTMIN+2, SIGRTMAX-1. */
    static final int SIGJSON = 36;
    static final int SIGSTATS_CLEAR = 63;

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
        realTime();
    }

    private void realTime() {
        if (!SignalFd.blocked(SIGJSON) && !SignalFd.blocked(SIGSTATS_CLEAR)) return;
        SignalFd fd = SignalFd.open(SIGJSON, SIGSTATS_CLEAR);
        Thread t = Thread.ofPlatform().daemon().name("rt-signals").unstarted(() -> {
            for (int sig; (sig = fd.next()) > 0; ) {
                if (sig == SIGJSON) queue.add(Kind.JSON);
                else if (sig == SIGSTATS_CLEAR) queue.add(Kind.STATS_CLEAR);
            }
        });
        t.start();
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
