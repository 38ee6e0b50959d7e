package io.jkeepalived.check;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.time.DeadlineQueue;
import io.jkeepalived.time.NanoClock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * keepalived's checker process as threads: one scheduler thread owns the {@link CheckScheduler} (all checker
 * and pool state), probes run on virtual threads (PING_CHECK on a few platform threads: its native call pins
 * a carrier) and hand their outcomes back by queue. Nothing else is shared.
 */
public final class CheckerRuntime {
    private record Done(int checker, long seq, Outcome outcome) {}

    private final CheckScheduler scheduler;
    private final NanoClock clock;
    private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final ExecutorService pings = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("ping-", 0).factory());
    private volatile boolean running;
    private volatile IpvsTable desired = new IpvsTable(java.util.List.of());
    private Thread thread;
    private long snapshotAt = -1;
    private long filesReadAt;
    private final DeadlineQueue watchdog = new DeadlineQueue();
    private final int[] watchdogTimer;
    private final Thread[] probeThreads;
    private final long[] launches;

    public CheckerRuntime(LvsConfig lvs, GlobalDefs.Lvs globals, LvsEvents events, CheckScheduler.ProbeFactory probes,
                          NanoClock clock) {
        this(lvs, globals, java.util.List.of(), events, probes, clock);
    }

    public CheckerRuntime(LvsConfig lvs, GlobalDefs.Lvs globals, java.util.List<io.jkeepalived.config.model.TrackFile> trackFiles,
                          LvsEvents events, CheckScheduler.ProbeFactory probes, NanoClock clock) {
        this.scheduler = new CheckScheduler(lvs, globals, trackFiles, events, probes,
                bound -> bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1), FileChecks::readNumber);
        this.clock = clock;
        scheduler.addressCheck(CheckerRuntime::isLocal);
        this.watchdogTimer = new int[scheduler.size()];
        // taken in order, so a watchdog timer's id is its checker's index
        for (int i = 0; i < watchdogTimer.length; i++) watchdogTimer[i] = watchdog.newTimer();
        this.probeThreads = new Thread[scheduler.size()];
        this.launches = new long[scheduler.size()];
    }

    public CheckScheduler scheduler() {
        return scheduler;
    }

    /** The table the checkers want now (a snapshot, safe from any thread). */
    public IpvsTable desired() {
        return desired;
    }

    public synchronized void start() {
        start(null);
    }

    /**
     * Starts after a reload: {@code previous} (the runtime of the old configuration) stops probing, and its
     * servers' states carry over to this one's (keepalived's clear_diff_services and migrate_checkers).
     */
    public synchronized void start(CheckerRuntime previous) {
        if (previous != null) previous.halt();
        running = true;
        scheduler.start(clock.nanoTime(), previous == null ? null : previous.scheduler);
        desired = scheduler.pool().desired();
        filesReadAt = clock.nanoTime();
        thread = Thread.ofPlatform().name("checkers").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            long now = clock.nanoTime();
            Done d;
            while ((d = done.poll()) != null) {
                completed(d);
            }
            watchdog.poll(clock.nanoTime(), this::overdue, Integer.MAX_VALUE);
            if (now - filesReadAt >= 1_000_000_000L) {
                filesReadAt = now;
                scheduler.pollFiles();
                scheduler.pollAddresses();
            }
            snapshot();
            scheduler.runDue(clock.nanoTime(), this::launch);
            long next = Math.min(scheduler.nextDeadline(), watchdog.nextDeadline());
            long wait = next == DeadlineQueue.NO_DEADLINE ? 1_000_000_000L : Math.max(0, next - clock.nanoTime());
            try {
                d = done.poll(Math.min(wait, 1_000_000_000L), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (d != null) completed(d);
        }
    }

    /** Stops the scheduler thread and the probes, leaving the table as it is. */
    private synchronized void halt() {
        if (!running) return;
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread t : probeThreads) if (t != null) t.interrupt();
        pings.shutdownNow();
    }

    private void completed(Done d) {
        // an outcome that arrives after the watchdog gave up on its probe is stale
        if (d.seq() != launches[d.checker()]) return;
        watchdog.cancel(watchdogTimer[d.checker()]);
        probeThreads[d.checker()] = null;
        scheduler.complete(d.checker(), d.outcome(), clock.nanoTime());
    }

    /** A probe past its hard limit: interrupted (closing its socket) and counted as a failure. */
    private void overdue(int checker, long now) {
        Thread t = probeThreads[checker];
        if (t != null) t.interrupt();
        probeThreads[checker] = null;
        launches[checker]++;
        scheduler.complete(checker, scheduler.overdue(checker), now);
    }

    private static boolean isLocal(java.net.InetAddress a) {
        try {
            return java.net.NetworkInterface.getByInetAddress(a) != null;
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    private void snapshot() {
        long c = scheduler.pool().changes();
        if (c != snapshotAt) {
            snapshotAt = c;
            desired = scheduler.pool().desired();
        }
    }

    private void launch(int checker, Probe probe, int url) {
        long seq = ++launches[checker];
        watchdog.schedule(watchdogTimer[checker], clock.nanoTime() + scheduler.hardLimitNanos(checker));
        Runnable r = () -> {
            Outcome o;
            try {
                o = probe.run(url);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                o = new Outcome.Down(e.toString());
            }
            if (running) done.add(new Done(checker, seq, o));
        };
        if (probe instanceof PingProbe) pings.execute(r);
        else probeThreads[checker] = Thread.ofVirtual().name("check-" + checker).start(r);
    }

    /**
     * Stops probing and, unless {@code keepTable} (-I, --dont-release-ipvs), clears the services as
     * keepalived's clear_services does at shutdown.
     */
    public synchronized void stop(boolean keepTable) {
        if (!running) return;
        halt();
        if (!keepTable) scheduler.stop();
        desired = scheduler.pool().desired();
    }
}
