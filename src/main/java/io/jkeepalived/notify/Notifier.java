package io.jkeepalived.notify;

import io.jkeepalived.notify.NotifyCommands.Prepared;
import io.jkeepalived.script.ScriptCommand;
import io.jkeepalived.script.ScriptResult;
import io.jkeepalived.script.ScriptRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the outside world of VRRP state changes (keepalived's vrrp_notify.c): notify scripts, then the notify
 * FIFOs (the e-mail alerts, last in keepalived's order, are the daemon's next listener). Every method returns
 * at once: scripts are started by the {@link ScriptRunner} on its own thread and FIFO writes do not block, so
 * the caller (the VRRP event loop) keeps its advert timing whatever a script does.
 */
public final class Notifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private volatile Map<String, Prepared> instances;
    private volatile Map<String, Prepared> groups;
    private volatile Map<String, Boolean> notifyDeleted;
    private volatile List<NotifyFifo> fifos;
    private final ScriptRunner runner;
    private final Duration timeout;
    private final List<CompletableFuture<ScriptResult>> stopRuns = new ArrayList<>();

    /**
     * @param instances     each instance's checked scripts by name
     * @param groups        each sync group's checked scripts by name
     * @param notifyDeleted instances with {@code notify_deleted} (others report DELETED as FAULT)
     * @param fifos         the open FIFOs (notify_fifo, vrrp_notify_fifo), each line goes to all
     * @param timeout       bound for notify scripts other than STOP ones
     */
    public Notifier(Map<String, Prepared> instances, Map<String, Prepared> groups, Map<String, Boolean> notifyDeleted,
                    List<NotifyFifo> fifos, ScriptRunner runner, Duration timeout) {
        this.instances = Map.copyOf(instances);
        this.groups = Map.copyOf(groups);
        this.notifyDeleted = Map.copyOf(notifyDeleted);
        this.fifos = List.copyOf(fifos);
        this.runner = runner;
        this.timeout = timeout;
    }

    /**
     * A reload's new scripts (the FIFOs stay open). An instance or group gone from the new config keeps its
     * old scripts: its DELETED (or FAULT) notification at the reload is the old config's.
     */
    public void replaceScripts(Map<String, Prepared> instances, Map<String, Prepared> groups,
                               Map<String, Boolean> notifyDeleted) {
        this.instances = merged(this.instances, instances);
        this.groups = merged(this.groups, groups);
        this.notifyDeleted = merged(this.notifyDeleted, notifyDeleted);
    }

    /**
     * A reload (vrrp_daemon.c reload_vrrp_thread): the FIFO scripts are TERMed and the FIFOs closed (and
     * unlinked if ours), since the new config may name others; then the new config's scripts and the FIFOs
     * {@code open} opens (which starts their scripts) take over.
     */
    public void reload(NotifySetup.Scripts scripts, java.util.function.Supplier<List<NotifyFifo>> open) {
        for (NotifyFifo f : fifos) f.terminateScript();
        for (NotifyFifo f : fifos) f.close();
        replaceScripts(scripts.instances(), scripts.groups(), scripts.notifyDeleted());
        fifos = List.copyOf(open.get());
    }

    private static <V> Map<String, V> merged(Map<String, V> old, Map<String, V> fresh) {
        Map<String, V> m = new java.util.HashMap<>(old);
        m.putAll(fresh);
        return Map.copyOf(m);
    }

    /** send_instance_notifies: the state's script, the generic notify, the FIFO line. */
    public void instanceState(String name, NotifyState state, int priority) {
        if (state == NotifyState.DELETED && !notifyDeleted.getOrDefault(name, false)) state = NotifyState.FAULT;
        Prepared p = instances.getOrDefault(name, Prepared.NONE);
        start(NotifyCommands.forState(p, NotifyKind.INSTANCE, name, state, priority, timeout), state);
        fifo(FifoLine.of(NotifyKind.INSTANCE, name, state.name(), priority));
    }

    /**
     * vrrp.c clear_diff_vrrp: an instance a reload removed announces DELETED if it has notify_deleted, else
     * FAULT unless it was in FAULT already.
     */
    public void instanceDeleted(String name, boolean wasFault, int priority) {
        boolean flag = notifyDeleted.getOrDefault(name, false);
        if (flag || !wasFault) instanceState(name, NotifyState.DELETED, priority);
    }

    /** send_group_notifies: as for an instance, with priority 0. */
    public void groupState(String name, NotifyState state) {
        Prepared p = groups.getOrDefault(name, Prepared.NONE);
        start(NotifyCommands.forState(p, NotifyKind.GROUP, name, state, 0, timeout), state);
        fifo(FifoLine.of(NotifyKind.GROUP, name, state.name(), 0));
    }

    /** send_event_notify: notify_master_rx_lower_pri (no arguments), then the FIFO line. */
    public void masterRxLowerPri(String name, int priority) {
        ScriptCommand s = instances.getOrDefault(name, Prepared.NONE).masterRxLowerPri();
        if (s != null) start(List.of(s.withTimeout(timeout)), NotifyState.MASTER);
        fifo(FifoLine.of(NotifyKind.INSTANCE, name, FifoLine.MASTER_RX_LOWER_PRI, priority));
    }

    /** send_instance_priority_notifies (vrrp_notify_priority_changes): a FIFO line only. */
    public void priorityChanged(String name, boolean master, int priority) {
        fifo(FifoLine.of(NotifyKind.INSTANCE, name, master ? FifoLine.MASTER_PRIORITY : FifoLine.BACKUP_PRIORITY,
                priority));
    }

    private void start(List<ScriptCommand> commands, NotifyState state) {
        for (ScriptCommand c : commands) {
            CompletableFuture<ScriptResult> f = runner.run(c);
            f.thenAccept(r -> {
                if (r instanceof ScriptResult.TimedOut) {
                    log.info("Notify script {} timed out after {} ms - killed with its process group",
                            c.argv().getFirst(), c.timeout().toMillis());
                }
            });
            if (state == NotifyState.STOP) {
                synchronized (stopRuns) {
                    stopRuns.add(f);
                }
            }
        }
    }

    private void fifo(String line) {
        for (NotifyFifo f : fifos) f.write(line);
    }

    /**
     * Shutdown has begun: the FIFO scripts get SIGTERM before the STOP notifies, as keepalived's tracked
     * children do; notify scripts still running are left to finish.
     */
    public void shuttingDown() {
        for (NotifyFifo f : fifos) f.terminateScript();
    }

    /**
     * Waits for the STOP scripts started at shutdown (each bounded by its one second), as keepalived's VRRP
     * child waits for its children before it exits.
     */
    public void awaitStopScripts(Duration limit) {
        CompletableFuture<?>[] runs;
        synchronized (stopRuns) {
            runs = stopRuns.toArray(CompletableFuture[]::new);
        }
        try {
            CompletableFuture.allOf(runs).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the runner kills them at their timeout; nothing more to wait for
        }
    }

    /** Closes the FIFOs (unlinking those created). The runner belongs to the caller. */
    @Override
    public void close() {
        for (NotifyFifo f : fifos) f.close();
    }
}
