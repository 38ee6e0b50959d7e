package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.TrackProcess;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vrrp_track_processes in use (keepalived's core/track_process.c). keepalived follows the kernel's
 * process events (the netlink connector), which refuses to work outside the initial network namespace; here
 * /proc is scanned every {@value #SCAN_MILLIS} ms on a thread of its own, wherever the daemon runs, and
 * changed counts go to the loop as {@link TrackerMessage.ProcessesCounted}. The loop applies quorum and the
 * fork/terminate delays ({@link ProcessQuorum}) on its own timers.
 */
final class ProcessTrackers {
    private static final Logger log = LoggerFactory.getLogger(ProcessTrackers.class);
    static final long SCAN_MILLIS = 250;

    private final List<ProcessQuorum> quorums = new ArrayList<>();
    private final List<ProcessMatch> matches = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Consumer<TrackerMessage> inbox;
    private final DeadlineQueue timers;
    private final Path proc;
    private int[] timerIds = new int[0];
    private Thread thread;
    private volatile boolean stopping;

    ProcessTrackers(List<TrackProcess> used, DeadlineQueue timers, Consumer<TrackerMessage> inbox, Path proc) {
        this.timers = timers;
        this.inbox = inbox;
        this.proc = proc;
        for (TrackProcess p : used) {
            if (p.process() == null || byName.containsKey(p.name())) continue;
            byName.put(p.name(), quorums.size());
            quorums.add(new ProcessQuorum(p));
            matches.add(new ProcessMatch(p));
        }
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

    private void watch(long[] last) {
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
        long[] counts = new long[matches.size()];
        boolean needCmdline = false;
        boolean needComm = false;
        for (ProcessMatch m : matches) {
            if (m.needsCommandLine()) needCmdline = true;
            else needComm = true;
        }
        byte[] buf = new byte[4096];
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(proc)) {
            for (Path pid : dir) {
                String n = pid.getFileName().toString();
                if (n.isEmpty() || n.charAt(0) <= '0' || n.charAt(0) > '9') continue;
                String comm = null;
                if (needComm) {
                    int len = readInto(pid.resolve("stat"), buf);
                    if (len < 0) continue;
                    comm = comm(buf, len);
                    if (comm == null) continue;
                }
                byte[] cmdline = null;
                int cmdLen = 0;
                if (needCmdline) {
                    cmdLen = readInto(pid.resolve("cmdline"), buf);
                    if (cmdLen < 0) continue;
                    cmdline = Arrays.copyOf(buf, cmdLen);
                }
                for (int i = 0; i < matches.size(); i++) {
                    if (matches.get(i).matches(comm, cmdline, cmdLen)) counts[i]++;
                }
            }
        } catch (IOException e) {
            // /proc unreadable: nothing counted
        }
        return counts;
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
        stopping = true;
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
