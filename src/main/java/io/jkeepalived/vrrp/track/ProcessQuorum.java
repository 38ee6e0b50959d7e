package io.jkeepalived.vrrp.track;

import io.jkeepalived.config.model.TrackProcess;

/**
 * A vrrp_track_process's quorum with its debounce (track_process.c): OK while quorum ≤ running ≤ quorum_max.
 * Reaching quorum waits {@code fork_delay} and losing it waits {@code terminate_delay} ({@code delay} sets
 * both); a count that comes back before its timer expires cancels the change. The first count (read from
 * /proc at start) applies at once. "Quorum gained/lost for tracked process NAME" is logged on a change.
 */
public final class ProcessQuorum {
    /** {@link #deadline()} when no debounce timer runs. */
    public static final long NONE = Long.MAX_VALUE;

    private final String name;
    private final long quorum;
    private final long quorumMax;
    private final long forkDelayNanos;
    private final long terminateDelayNanos;
    private long count = -1;
    private boolean haveQuorum;
    private long deadline = NONE;

    public ProcessQuorum(TrackProcess p) {
        this(p.name(), p.quorum(), p.quorumMax(), p.forkMicros() * 1_000, p.terminateMicros() * 1_000);
    }

    public ProcessQuorum(String name, long quorum, long quorumMax, long forkDelayNanos, long terminateDelayNanos) {
        this.name = name;
        this.quorum = quorum;
        this.quorumMax = quorumMax;
        this.forkDelayNanos = forkDelayNanos;
        this.terminateDelayNanos = terminateDelayNanos;
    }

    public String name() {
        return name;
    }

    public TrackerState state() {
        return TrackerState.of(haveQuorum);
    }

    public long count() {
        return count;
    }

    /** When the runtime must call {@link #timerExpired}, or {@link #NONE}. */
    public long deadline() {
        return deadline;
    }

    private boolean target() {
        return count >= quorum && count <= quorumMax;
    }

    /** The number of matching processes now; true when the quorum state changed (log line in keepalived's words). */
    public boolean counted(long running, long now, java.util.function.Consumer<String> log) {
        boolean first = count < 0;
        count = running;
        boolean target = target();
        if (first) {
            haveQuorum = target;
            return false;
        }
        if (target == haveQuorum) {
            deadline = NONE;
            return false;
        }
        long delay = target ? forkDelayNanos : terminateDelayNanos;
        if (delay > 0) {
            if (deadline == NONE) deadline = now + delay;
            return false;
        }
        return change(target, log);
    }

    /** The debounce timer ran out: the count as it stands now decides. */
    public boolean timerExpired(long now, java.util.function.Consumer<String> log) {
        if (deadline == NONE || now < deadline) return false;
        deadline = NONE;
        boolean target = target();
        return target != haveQuorum && change(target, log);
    }

    private boolean change(boolean target, java.util.function.Consumer<String> log) {
        deadline = NONE;
        haveQuorum = target;
        log.accept("Quorum " + (target ? "gained" : "lost") + " for tracked process " + name);
        return true;
    }
}
