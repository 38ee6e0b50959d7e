package io.jkeepalived.check;

import io.jkeepalived.config.model.CheckTiming;
import io.jkeepalived.config.model.Checker;
import io.jkeepalived.config.model.DnsCheck;
import io.jkeepalived.config.model.FileCheck;
import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.HttpGetCheck;
import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.config.model.MiscCheck;
import io.jkeepalived.config.model.PingCheck;
import io.jkeepalived.config.model.RealServer;
import io.jkeepalived.config.model.SmtpCheck;
import io.jkeepalived.config.model.SslGetCheck;
import io.jkeepalived.config.model.TcpCheck;
import io.jkeepalived.config.model.TrackFile;
import io.jkeepalived.config.model.UdpCheck;
import io.jkeepalived.config.model.Url;
import io.jkeepalived.config.model.VirtualServer;
import io.jkeepalived.time.DeadlineQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * keepalived's checker child minus the I/O: one timer per checker on a {@link DeadlineQueue}, the first
 * probe at one second plus a random part of warmup (check_api.c register_checkers_thread), then whatever
 * delay each checker's cycle asks for. Time comes in as arguments, randomness through an injected function,
 * probes go out through a {@link Launcher}: a manual clock runs a whole timeline in a unit test.
 * Single-threaded: the runtime calls it from its one scheduler thread.
 */
public final class CheckScheduler {
    /** keepalived's BOOTSTRAP_DELAY: checkers start one second after the checker process. */
    static final long BOOTSTRAP_NANOS = 1_000_000_000L;

    /** Starts a probe; its outcome comes back through {@link #complete}. */
    @FunctionalInterface
    public interface Launcher {
        void launch(int checker, Probe probe, int urlIndex);
    }

    /** Makes the probe for a checker (the real network ones, or a test's fakes). */
    @FunctionalInterface
    public interface ProbeFactory {
        Probe create(Checker checker, RealServer rs, VirtualServer vs);
    }

    private record Entry(CheckerCycle cycle, Probe probe, int timer, long warmupNanos, long hardLimitNanos,
                         String rsLabel, String vsLabel, String identity) {}

    private final LvsPool pool;
    private final LvsEvents events;
    private final List<Entry> entries = new ArrayList<>();
    private final DeadlineQueue timers = new DeadlineQueue();
    private final long[] launchedAt;
    private final boolean[] inFlight;
    private final LongUnaryOperator randomBelow;
    private final List<String> unsupported = new ArrayList<>();
    private final FileChecks files;
    private final boolean[] enabled;
    private java.util.function.Predicate<java.net.InetAddress> isLocal = a -> true;

    /**
     * @param randomBelow given a bound n ≥ 0, a value in [0, n] (keepalived: warmup × random() / RAND_MAX)
     */
    public CheckScheduler(LvsConfig lvs, GlobalDefs.Lvs globals, LvsEvents events, ProbeFactory probes,
                          LongUnaryOperator randomBelow) {
        this(lvs, globals, List.of(), events, probes, randomBelow, FileChecks::readNumber);
    }

    /**
     * @param trackFiles the track_file blocks FILE_CHECKs name
     * @param fileReader a track file's number (FileChecks.readNumber reads the real file)
     */
    public CheckScheduler(LvsConfig lvs, GlobalDefs.Lvs globals, List<TrackFile> trackFiles, LvsEvents events,
                          ProbeFactory probes, LongUnaryOperator randomBelow,
                          java.util.function.Function<String, java.util.OptionalLong> fileReader) {
        this.events = events;
        this.pool = new LvsPool(lvs, globals, events);
        this.randomBelow = randomBelow;
        this.files = new FileChecks(pool, events, fileReader);
        boolean logAll = globals != null && globals.checkerLogAllFailures();
        List<LvsPool.Vs> vss = pool.virtualServers();
        for (int v = 0; v < vss.size(); v++) {
            LvsPool.Vs vs = vss.get(v);
            for (int r = 0; r < vs.realServers.size(); r++) {
                LvsPool.Rs rs = vs.realServers.get(r);
                for (Checker c : rs.cfg.checkers()) {
                    if (c instanceof FileCheck f && files.add(f, rs, trackFiles)) continue;
                    CheckerCycle cycle = cycle(c, rs, logAll);
                    if (cycle == null) {
                        unsupported.add(c.keyword());
                        continue;
                    }
                    Probe probe = probes.create(c, rs.cfg, vs.cfg);
                    entries.add(new Entry(cycle, probe, timers.newTimer(), timing(c).warmup().toNanos(),
                            hardLimit(c), rs.label, vs.label, identity(c)));
                }
            }
        }
        launchedAt = new long[entries.size()];
        inFlight = new boolean[entries.size()];
        enabled = new boolean[entries.size()];
    }

    private CheckerCycle cycle(Checker c, LvsPool.Rs rs, boolean logAll) {
        CheckTiming t = timing(c);
        return switch (c) {
            case TcpCheck x -> new CheckerCycle(CheckKind.TCP, t, rs, pool, events, logAll, null, false, false, null);
            case HttpGetCheck h -> new CheckerCycle(CheckKind.HTTP, t, rs, pool, events, logAll, paths(h.urls()),
                    h.fastRecovery(), false, null);
            case SslGetCheck s -> new CheckerCycle(CheckKind.SSL, t, rs, pool, events, logAll, paths(s.urls()),
                    s.fastRecovery(), false, null);
            case SmtpCheck x -> new CheckerCycle(CheckKind.SMTP, t, rs, pool, events, logAll, null, false, false, null);
            case DnsCheck x -> new CheckerCycle(CheckKind.DNS, t, rs, pool, events, logAll, null, false, false, null);
            case UdpCheck x -> new CheckerCycle(CheckKind.UDP, t, rs, pool, events, logAll, null, false, false, null);
            case PingCheck x -> new CheckerCycle(CheckKind.PING, t, rs, pool, events, logAll, null, false, false, null);
            case MiscCheck m -> new CheckerCycle(CheckKind.MISC, t, rs, pool, events, logAll, null, false, m.dynamic(),
                    m.script().argv().isEmpty() ? m.script().text() : m.script().argv().getFirst());
            default -> null;
        };
    }

    static CheckTiming timing(Checker c) {
        return switch (c) {
            case TcpCheck x -> x.timing();
            case HttpGetCheck x -> x.timing();
            case SslGetCheck x -> x.timing();
            case SmtpCheck x -> x.timing();
            case DnsCheck x -> x.timing();
            case UdpCheck x -> x.timing();
            case PingCheck x -> x.timing();
            case MiscCheck x -> x.timing();
            default -> null;
        };
    }

    /**
     * How long a probe may take in all before the runtime gives up on it. keepalived bounds each connect, write
     * and read by connect_timeout; a probe that needs several of them (HTTP, SMTP) gets that many, and a script
     * its misc_timeout and the 2 s between SIGTERM and SIGKILL, plus a second of slack.
     */
    static long hardLimit(Checker c) {
        long second = 1_000_000_000L;
        return switch (c) {
            case HttpGetCheck h -> 4 * h.connection().connectTimeout().toNanos() + second;
            case SslGetCheck h -> 5 * h.connection().connectTimeout().toNanos() + second;
            case SmtpCheck m -> 6 * m.connection().connectTimeout().toNanos() + second;
            case MiscCheck m -> m.timeout().toNanos() + CheckScripts.MISC_KILL_GRACE.toNanos() + second;
            case TcpCheck t -> t.connection().connectTimeout().toNanos() + second;
            case DnsCheck d -> d.connection().connectTimeout().toNanos() + second;
            case UdpCheck u -> u.connection().connectTimeout().toNanos() + second;
            case PingCheck p -> p.connection().connectTimeout().toNanos() + second;
            default -> 60 * second;
        };
    }

    /** The outcome a probe past its hard limit counts as. */
    public Outcome overdue(int checker) {
        return entries.get(checker).cycle().overdue();
    }

    /** The hard limit of the checker's probe, in nanoseconds. */
    public long hardLimitNanos(int checker) {
        return entries.get(checker).hardLimitNanos();
    }

    private static String[] paths(List<Url> urls) {
        return urls.stream().map(Url::path).toArray(String[]::new);
    }

    public LvsPool pool() {
        return pool;
    }

    /** FILE_CHECK: re-reads the track files and applies changed numbers (the runtime calls it each second). */
    public void pollFiles() {
        if (!files.isEmpty()) files.poll();
    }

    /** Checker keywords that have no runtime yet (BFD_CHECK; a FILE_CHECK naming no track_file), one per checker. */
    public List<String> unsupported() {
        return List.copyOf(unsupported);
    }

    public int size() {
        return entries.size();
    }

    /** A checker's configuration without its line number: what a reload compares (each checker's compare()). */
    static String identity(Checker c) {
        return c.toString().replaceAll(", line=\\d+\\]$", "]");
    }

    /** check_daemon.c start_check: the table first (init_services), then each checker's first timer. */
    public void start(long now) {
        start(now, null);
    }

    /**
     * After a reload ({@code previous} is the scheduler of the configuration before it, already stopped): first
     * ipwrapper.c clear_diff_services and migrate_checkers, then the same start as at first.
     */
    public void start(long now, CheckScheduler previous) {
        if (previous != null) migrate(previous);
        pool.initServices();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            LvsPool.Vs vs = e.cycle.state().rs.vs;
            // ha_suspend: no checks while the virtual server's address is not on this host (check_api.c)
            enabled[i] = !suspendable(vs) || isLocal.test(address(vs));
            events.log((enabled[i] ? "A" : "Dea") + "ctivating healthchecker for service " + e.rsLabel + " for VS " + e.vsLabel);
            long warmup = e.warmupNanos > 0 ? randomBelow.applyAsLong(e.warmupNanos) : 0;
            timers.schedule(e.timer, now + BOOTSTRAP_NANOS + warmup);
        }
    }

    private void migrate(CheckScheduler old) {
        for (LvsPool.Vs ovs : old.pool.virtualServers()) {
            LvsPool.Vs nvs = pool.virtualServers().stream().filter(v -> v.label.equals(ovs.label)).findFirst().orElse(null);
            if (nvs == null) {
                events.log(ovs.cfg.service() instanceof io.jkeepalived.config.model.VirtualServer.Service.Group g
                        ? "Removing Virtual Server Group [" + g.name() + "]" : "Removing Virtual Server " + ovs.label);
                old.pool.removeVirtualServer(ovs);
                continue;
            }
            nvs.alive = ovs.alive;
            nvs.quorumUp = ovs.quorumUp;
            nvs.reloaded = true;
            for (LvsPool.Rs ors : ovs.realServers) {
                LvsPool.Rs nrs = nvs.realServers.stream().filter(r -> r.address.equals(ors.address)).findFirst().orElse(null);
                if (nrs == null) {
                    events.log("service " + ors.label + " no longer exist");
                    old.pool.removeRealServer(ors);
                    continue;
                }
                nrs.alive = ors.alive;
                nrs.set = ors.set;
                nrs.previousWeight = ors.effectiveWeight;
                long configured = nrs.effectiveWeight;
                nrs.effectiveWeight = ors.effectiveWeight;
                nrs.reloaded = true;
                migrateCheckers(old, ors, nrs);
                // the weight from the new configuration, with the checkers' contributions carried over
                nrs.effectiveWeight = configured + checkerWeights(nrs);
            }
            old.pool.updateVsNotifies(ovs);
            pool.migrateSorry(ovs, nvs);
        }
    }

    private long checkerWeights(LvsPool.Rs rs) {
        long sum = 0;
        for (Entry e : entries) if (e.cycle.state().rs == rs) sum += e.cycle.state().curWeight;
        return sum;
    }

    /** ipwrapper.c migrate_checkers. */
    private void migrateCheckers(CheckScheduler old, LvsPool.Rs ors, LvsPool.Rs nrs) {
        List<Entry> olds = new ArrayList<>();
        for (Entry e : old.entries) if (e.cycle.state().rs == ors) olds.add(e);
        boolean anyRun = false;
        nrs.numFailedCheckers = 0;
        List<Entry> mine = new ArrayList<>();
        for (Entry e : entries) {
            if (e.cycle.state().rs != nrs) continue;
            mine.add(e);
            Entry match = null;
            for (Entry o : olds) {
                if (o.identity.equals(e.identity)) {
                    match = o;
                    break;
                }
            }
            if (match != null) olds.remove(match);
            e.cycle.reloaded(match == null ? null : match.cycle);
            CheckerState st = e.cycle.state();
            if (st.hasRun && !st.isUp) nrs.numFailedCheckers++;
            if (st.hasRun) anyRun = true;
        }
        if (nrs.numFailedCheckers > 0 || (!nrs.alive && !anyRun)) {
            for (Entry e : mine) {
                CheckerState st = e.cycle.state();
                if (st.hasRun) continue;
                if (st.alpha && st.isUp) {
                    st.isUp = false;
                    nrs.numFailedCheckers++;
                }
                e.cycle.oneFailureIsEnough();
            }
        }
        if (nrs.numFailedCheckers == 0 && !nrs.alive) pool.bringUp(nrs);
    }

    private static boolean suspendable(LvsPool.Vs vs) {
        return vs.cfg.haSuspend() && vs.cfg.service() instanceof io.jkeepalived.config.model.VirtualServer.Service.Address;
    }

    private static java.net.InetAddress address(LvsPool.Vs vs) {
        return ((io.jkeepalived.config.model.VirtualServer.Service.Address) vs.cfg.service()).endpoint().address();
    }

    /** How ha_suspend learns whether an address is on this host (the runtime asks the kernel's interfaces). */
    public void addressCheck(java.util.function.Predicate<java.net.InetAddress> check) {
        this.isLocal = check;
    }

    /** ha_suspend: the virtual servers' addresses looked at again; checkers follow their address. */
    public void pollAddresses() {
        Boolean[] localOf = new Boolean[pool.virtualServers().size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            LvsPool.Vs vs = e.cycle.state().rs.vs;
            if (!suspendable(vs)) continue;
            int v = pool.virtualServers().indexOf(vs);
            if (localOf[v] == null) localOf[v] = isLocal.test(address(vs));
            if (localOf[v] != enabled[i]) {
                events.log((localOf[v] ? "Activat" : "Suspend") + "ing healthchecker for service " + e.rsLabel
                        + " for VS " + e.vsLabel);
                enabled[i] = localOf[v];
            }
        }
    }

    /** The earliest pending probe, or {@link DeadlineQueue#NO_DEADLINE}. */
    public long nextDeadline() {
        return timers.nextDeadline();
    }

    /** Launches every probe that is due. */
    public void runDue(long now, Launcher launcher) {
        timers.poll(now, (timer, at) -> {
            int i = timer; // timers were taken in entry order, from 0
            Entry e = entries.get(i);
            if (!enabled[i]) {
                timers.schedule(e.timer, at + e.cycle.delayLoopNanos());
                return;
            }
            launchedAt[i] = at;
            inFlight[i] = true;
            e.cycle.probing();
            launcher.launch(i, e.probe, e.cycle.urlIndex());
        }, Integer.MAX_VALUE);
    }

    /** A probe's outcome: the cycle decides, and the checker's next probe is scheduled. */
    public void complete(int checker, Outcome outcome, long now) {
        if (!inFlight[checker]) return;
        inFlight[checker] = false;
        Entry e = entries.get(checker);
        long delay = e.cycle.onOutcome(outcome);
        // MISC_CHECK counts its delay from the script's start (check_misc.c: last_ran), the others from the end
        long next = e.cycle.kind() == CheckKind.MISC ? Math.max(launchedAt[checker] + delay, now + 1_000) : now + delay;
        timers.schedule(e.timer, next);
    }

    /** SIGTERM: no more probes; every server out of the table (omega runs the down notifiers). */
    public void stop() {
        for (Entry e : entries) timers.cancel(e.timer);
        pool.clearServices();
    }
}
