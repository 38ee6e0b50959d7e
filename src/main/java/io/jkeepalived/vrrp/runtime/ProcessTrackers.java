package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.TrackProcess;
import io.jkeepalived.net.NetException;
import io.jkeepalived.net.ProcessEvent;
import io.jkeepalived.net.ProcessEvents;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.linux.ProcessConnector;
import io.jkeepalived.time.DeadlineQueue;
import io.jkeepalived.vrrp.track.ProcessMatch;
import io.jkeepalived.vrrp.track.ProcessQuorum;
import io.jkeepalived.vrrp.track.TrackerState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vrrp_track_processes in use (keepalived's core/track_process.c). Like keepalived, a thread of its own
 * follows the kernel's process events (the netlink connector) and re-checks the pid of each exec, comm
 * change and fork against the trackers, forgetting it at exit, with a full /proc scan every
 * {@value #RESCAN_MILLIS} ms as a safety net. The connector refuses to work outside the initial network
 * namespace (lab-facts): then /proc is scanned every {@value #SCAN_MILLIS} ms instead. Changed counts go to
 * the loop as {@link TrackerMessage.ProcessesCounted}; the loop applies quorum and the fork/terminate delays
 * ({@link ProcessQuorum}) on its own timers.
 */
final class ProcessTrackers {
    private static final Logger log = LoggerFactory.getLogger(ProcessTrackers.class);
    static final long SCAN_MILLIS = 250;
    static final long RESCAN_MILLIS = 5_000;

    /** How the watching thread learns of processes. */
    enum Mode { STARTING, EVENTS, SCANNING }

    private final List<ProcessQuorum> quorums = new ArrayList<>();
    private final List<ProcessMatch> matches = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Consumer<TrackerMessage> inbox;
    private final DeadlineQueue timers;
    private final Path proc;
    private final boolean needCmdline;
    private final boolean needComm;
    private int[] timerIds = new int[0];
    private final Supplier<ProcessEvents> connector;
    private Thread thread;
    private volatile boolean stopping;
    private volatile ProcessEvents events;
    private volatile Mode mode = Mode.STARTING;
    private final Object lock = new Object();

    ProcessTrackers(List<TrackProcess> used, DeadlineQueue timers, Consumer<TrackerMessage> inbox, Path proc) {
        this(used, timers, inbox, proc, ProcessConnector::open);
    }

    /** {@code connector} opens the process events in the calling thread's namespace, or throws. */
    ProcessTrackers(List<TrackProcess> used, DeadlineQueue timers, Consumer<TrackerMessage> inbox, Path proc,
            Supplier<ProcessEvents> connector) {
        this.connector = connector;
        this.timers = timers;
        this.inbox = inbox;
        this.proc = proc;
        for (TrackProcess p : used) {
            if (p.process() == null || byName.containsKey(p.name())) continue;
            byName.put(p.name(), quorums.size());
            quorums.add(new ProcessQuorum(p));
            matches.add(new ProcessMatch(p));
        }
        boolean cmd = false;
        boolean com = false;
        for (ProcessMatch m : matches) {
            if (m.needsCommandLine()) cmd = true;
            else com = true;
        }
        this.needCmdline = cmd;
        this.needComm = com;
    }

    boolean isEmpty() {
        return quorums.isEmpty();
    }

    TrackerState state(String name) {
        Integer i = byName.get(name);
        return i == null ? TrackerState.FAILED : quorums.get(i).state();
    }

    /** The first scan, applied at once (keepalived's read_procs at start-up), then the scanning thread. */
    void start(long now) {
        timerIds = new int[quorums.size()];
        for (int i = 0; i < timerIds.length; i++) timerIds[i] = timers.newTimer();
        long[] first = scan();
        for (int i = 0; i < quorums.size(); i++) quorums.get(i).counted(first[i], now, log::info);
        thread = Thread.ofPlatform().daemon(true).name("vrrp-track-process").start(() -> watch(first));
    }

    Mode mode() {
        return mode;
    }

    private void watch(long[] first) {
        ProcessEvents ev = null;
        try {
            ev = connector.get();
        } catch (RuntimeException e) {
            log.info(refusal(e));
        }
        if (ev == null) {
            mode = Mode.SCANNING;
            scanEvery(first);
            return;
        }
        synchronized (lock) {
            if (stopping) {
                ev.close();
                return;
            }
            events = ev;
        }
        mode = Mode.EVENTS;
        boolean failed = false;
        try {
            follow(ev, first);
        } catch (RuntimeException e) {
            log.info("process monitor netlink recv error - {}", e.getMessage());
            failed = true;
        } finally {
            synchronized (lock) {
                events = null; // stop() must not wake a closed socket (a second stop, a failed receive)
                ev.close();
            }
        }
        if (failed) {
            // /proc scanning carries on, as where the connector refuses
            mode = Mode.SCANNING;
            scanEvery(first);
        }
    }

    /** keepalived's words when the listen request fails (track_process.c), else the failure itself. */
    static String refusal(RuntimeException e) {
        if (e instanceof NetException n && n.errno() > 0) {
            return "Failed to set/clear process event listen - errno " + n.errno() + " - " + Libc.strerror(n.errno());
        }
        return "Failed to set/clear process event listen - " + e.getMessage();
    }

    /** Event mode: each event re-checks one pid; a full scan every RESCAN_MILLIS or after lost events. */
    private void follow(ProcessEvents ev, long[] first) {
        long[] seen = first.clone();
        Map<Integer, boolean[]> matched = scanPids();
        long rescanAt = System.nanoTime() + RESCAN_MILLIS * 1_000_000;
        List<ProcessEvent> got = new ArrayList<>();
        byte[] buf = new byte[4096];
        while (!stopping) {
            got.clear();
            int wait = (int) Math.max(1, (rescanAt - System.nanoTime()) / 1_000_000);
            int n = ev.poll(got::add, wait);
            if (n == ProcessEvents.WOKEN) return;
            if (n == ProcessEvents.OVERRUN || System.nanoTime() - rescanAt >= 0) {
                matched = scanPids();
                rescanAt = System.nanoTime() + RESCAN_MILLIS * 1_000_000;
            } else {
                for (ProcessEvent e : got) apply(matched, e, buf);
            }
            long[] now = counts(matched);
            if (!Arrays.equals(now, seen)) {
                seen = now;
                inbox.accept(new TrackerMessage.ProcessesCounted(this, now.clone()));
            }
        }
    }

    /** Threads' events are ignored, as keepalived does: /proc counts processes. */
    private void apply(Map<Integer, boolean[]> matched, ProcessEvent e, byte[] buf) {
        switch (e) {
            case ProcessEvent.Exec(int pid, int tgid) when pid == tgid -> recheck(matched, pid, buf);
            case ProcessEvent.Comm(int pid, int tgid, String comm) when pid == tgid -> recheck(matched, pid, buf);
            case ProcessEvent.Fork(int pp, int pt, int child, int ct) when child == ct -> recheck(matched, child, buf);
            case ProcessEvent.Exit(int pid, int tgid, int code, int sig) when pid == tgid -> matched.remove(pid);
            default -> { }
        }
    }

    private void recheck(Map<Integer, boolean[]> matched, int pid, byte[] buf) {
        boolean[] m = check(proc.resolve(Integer.toString(pid)), buf);
        if (m == null) matched.remove(pid);
        else matched.put(pid, m);
    }

    private long[] counts(Map<Integer, boolean[]> matched) {
        long[] counts = new long[matches.size()];
        for (boolean[] m : matched.values()) {
            for (int i = 0; i < counts.length; i++) if (m[i]) counts[i]++;
        }
        return counts;
    }

    private void scanEvery(long[] last) {
        long[] seen = last.clone();
        while (!stopping) {
            try {
                Thread.sleep(SCAN_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long[] now = scan();
            if (!Arrays.equals(now, seen)) {
                seen = now;
                inbox.accept(new TrackerMessage.ProcessesCounted(this, now.clone()));
            }
        }
    }

    /** Counts, per tracker, the processes it matches now. */
    long[] scan() {
        return counts(scanPids());
    }

    /** The pids that some tracker matches now, with which trackers match them. */
    private Map<Integer, boolean[]> scanPids() {
        Map<Integer, boolean[]> matched = new HashMap<>();
        byte[] buf = new byte[4096];
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(proc)) {
            for (Path pid : dir) {
                String n = pid.getFileName().toString();
                if (n.isEmpty() || n.charAt(0) <= '0' || n.charAt(0) > '9') continue;
                boolean[] m = check(pid, buf);
                if (m != null) matched.put(Integer.parseInt(n), m);
            }
        } catch (IOException | NumberFormatException e) {
            // /proc unreadable: nothing counted
        }
        return matched;
    }

    /** Which trackers the process in {@code pid} (a /proc/PID directory) matches, or null for none. */
    private boolean[] check(Path pid, byte[] buf) {
        String comm = null;
        if (needComm) {
            int len = readInto(pid.resolve("stat"), buf);
            if (len < 0) return null;
            comm = comm(buf, len);
            if (comm == null) return null;
        }
        byte[] cmdline = null;
        int cmdLen = 0;
        if (needCmdline) {
            cmdLen = readInto(pid.resolve("cmdline"), buf);
            if (cmdLen < 0) return null;
            cmdline = Arrays.copyOf(buf, cmdLen);
        }
        boolean[] m = null;
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).matches(comm, cmdline, cmdLen)) {
                if (m == null) m = new boolean[matches.size()];
                m[i] = true;
            }
        }
        return m;
    }

    /** /proc/PID/stat's comm (between the first '(' and the ')' after it), or null for a zombie. */
    private static String comm(byte[] buf, int len) {
        int open = -1;
        for (int i = 2; i < len; i++) {
            if (buf[i] == '(') {
                open = i;
                break;
            }
        }
        if (open < 0) return null;
        int close = -1;
        for (int i = open; i < len; i++) {
            if (buf[i] == ')') {
                close = i;
                break;
            }
        }
        if (close < 0) return null;
        if (close + 2 < len && buf[close + 2] == 'Z') return null;
        return new String(buf, open + 1, close - open - 1, StandardCharsets.UTF_8);
    }

    private static int readInto(Path p, byte[] buf) {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(buf, 0, buf.length);
        } catch (IOException e) {
            return -1;
        }
    }

    /** New counts from the scanning thread: the indexes of trackers whose quorum state changed. */
    List<String> counted(TrackerMessage.ProcessesCounted c, long now) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < quorums.size(); i++) {
            ProcessQuorum q = quorums.get(i);
            if (q.counted(c.running()[i], now, log::info)) changed.add(q.name());
            rearm(i);
        }
        return changed;
    }

    boolean owns(int timerId) {
        for (int id : timerIds) if (id == timerId) return true;
        return false;
    }

    /** A debounce timer ran out: the name of the tracker whose state changed, or null. */
    String timerExpired(int timerId, long now) {
        for (int i = 0; i < timerIds.length; i++) {
            if (timerIds[i] != timerId) continue;
            ProcessQuorum q = quorums.get(i);
            boolean changed = q.timerExpired(now, log::info);
            rearm(i);
            return changed ? q.name() : null;
        }
        return null;
    }

    private void rearm(int i) {
        long d = quorums.get(i).deadline();
        if (d == ProcessQuorum.NONE) timers.cancel(timerIds[i]);
        else timers.schedule(timerIds[i], d);
    }

    void stop() {
        synchronized (lock) {
            stopping = true;
            if (events != null) events.wakeup();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int id : timerIds) timers.release(id);
        timerIds = new int[0];
    }
}
