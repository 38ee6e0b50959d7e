package io.jkeepalived.check;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.model.Checker;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.time.DeadlineQueue;
import io.jkeepalived.time.ManualNanoClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the checker scheduler on a manual clock against fake servers: each probe's outcome is decided by a
 * test-supplied function of the real server's address, and completes at once (or after a set latency).
 * Everything the core says is recorded as "t=SECONDS line".
 */
final class Timeline implements LvsEvents {
    final ManualNanoClock clock = new ManualNanoClock(0);
    final List<String> lines = new ArrayList<>();
    final List<IpvsCommand> ipvs = new ArrayList<>();
    final List<String> alerts = new ArrayList<>();
    final List<String> fifo = new ArrayList<>();
    CheckScheduler scheduler;
    /** Outcome of a probe, by "ip:port" of the checked real server; default: up. */
    final Map<String, Function<Integer, Outcome>> servers = new HashMap<>();
    private final ArrayDeque<long[]> pending = new ArrayDeque<>();
    private final Map<Integer, Outcome> pendingOutcome = new HashMap<>();
    long latencyNanos;

    Timeline(String conf) {
        this(conf, bound -> 0);
    }

    /** FILE_CHECK: the number in each track file, by path (absent = 0). */
    final Map<String, Long> files = new HashMap<>();

    Timeline(String conf, java.util.function.LongUnaryOperator random) {
        this(conf, random, Map.of());
    }

    Timeline(String conf, java.util.function.LongUnaryOperator random, Map<String, Long> initialFiles) {
        KeepalivedConfig config = load(conf);
        files.putAll(initialFiles);
        scheduler = new CheckScheduler(config.lvs(), config.globalDefs().lvs(), config.vrrp().trackFiles(), this,
                this::probe, random, path -> java.util.OptionalLong.of(files.getOrDefault(path, 0L)));
    }

    static KeepalivedConfig load(String conf) {
        try {
            Path dir = Files.createTempDirectory("jkt-check");
            Path file = dir.resolve("keepalived.conf");
            Files.writeString(file, conf);
            LoadResult r = ConfigLoader.load(LoadOptions.of(file));
            Files.delete(file);
            Files.delete(dir);
            return r.config();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Probe probe(Checker c, io.jkeepalived.config.model.RealServer rs, io.jkeepalived.config.model.VirtualServer vs) {
        String key = rs.address().host() + ":" + rs.address().port();
        return url -> servers.getOrDefault(key, u -> Outcome.up()).apply(url);
    }

    void set(String server, Outcome outcome) {
        servers.put(server, u -> outcome);
    }

    void start() {
        scheduler.start(clock.nanoTime());
    }

    /** SIGHUP with {@code conf}: a new scheduler takes over from the running one (probes in flight are dropped). */
    void reload(String conf) {
        KeepalivedConfig config = load(conf);
        CheckScheduler old = scheduler;
        pending.clear();
        pendingOutcome.clear();
        scheduler = new CheckScheduler(config.lvs(), config.globalDefs().lvs(), config.vrrp().trackFiles(), this,
                this::probe, b -> 0, path -> java.util.OptionalLong.of(files.getOrDefault(path, 0L)));
        scheduler.start(clock.nanoTime(), old);
    }

    /** Advances the clock to {@code seconds}, firing every timer and completing every probe on the way. */
    void runUntil(double seconds) {
        long end = (long) (seconds * 1e9);
        while (true) {
            long next = scheduler.nextDeadline();
            long done = pending.isEmpty() ? DeadlineQueue.NO_DEADLINE : pending.peekFirst()[1];
            long t = Math.min(next, done);
            if (t > end) break;
            clock.setNanos(Math.max(t, clock.nanoTime()));
            if (done <= next) {
                long[] p = pending.pollFirst();
                scheduler.complete((int) p[0], pendingOutcome.remove((int) p[0]), clock.nanoTime());
            } else {
                scheduler.runDue(clock.nanoTime(), (id, probe, url) -> {
                    try {
                        pendingOutcome.put(id, probe.run(url));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    pending.addLast(new long[] {id, clock.nanoTime() + latencyNanos});
                });
            }
        }
        clock.setNanos(Math.max(end, clock.nanoTime()));
    }

    private String stamp() {
        double s = clock.nanoTime() / 1e9;
        return "t=" + (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " ";
    }

    @Override
    public void log(String line) {
        lines.add(stamp() + line);
    }

    @Override
    public void ipvs(IpvsCommand command) {
        ipvs.add(command);
    }

    @Override
    public void notify(Script script) {
        lines.add(stamp() + "notify " + script.text());
    }

    @Override
    public void fifo(String line) {
        fifo.add(stamp() + line.strip());
    }

    @Override
    public void smtpAlert(String vs, String rs, String state, String message) {
        alerts.add(stamp() + (rs == null ? vs : rs) + " " + state + " " + message);
    }
}
