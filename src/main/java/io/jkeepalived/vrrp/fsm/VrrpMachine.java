package io.jkeepalived.vrrp.fsm;

import io.jkeepalived.vrrp.fsm.VrrpDecision.AddVips;
import io.jkeepalived.vrrp.fsm.VrrpDecision.ArmTimer;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Log;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Notify;
import io.jkeepalived.vrrp.fsm.VrrpDecision.NotifyPriorityChanged;
import io.jkeepalived.vrrp.fsm.VrrpDecision.RemoveVips;
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendAdvert;
import io.jkeepalived.vrrp.fsm.VrrpDecision.StateChanged;
import io.jkeepalived.vrrp.fsm.VrrpEvent.AdvertReceived;
import io.jkeepalived.vrrp.fsm.VrrpEvent.GroupSync;
import io.jkeepalived.vrrp.fsm.VrrpEvent.InterfaceDown;
import io.jkeepalived.vrrp.fsm.VrrpEvent.InterfaceUp;
import io.jkeepalived.vrrp.fsm.VrrpEvent.Shutdown;
import io.jkeepalived.vrrp.fsm.VrrpEvent.Start;
import io.jkeepalived.vrrp.fsm.VrrpEvent.TimerFired;
import io.jkeepalived.vrrp.fsm.VrrpEvent.TrackingChanged;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The VRRP state machine of one instance, as keepalived 2.2.7 runs it (vrrp.c vrrp_state_backup,
 * vrrp_state_master_rx/tx, vrrp_state_leave_master/fault; vrrp_scheduler.c vrrp_init_state,
 * try_up_instance; vrrp_track.c down_instance, vrrp_set_effective_priority) on top of RFC 3768 / 5798 §6.4.
 *
 * <p>Pure: {@link #handle} takes an event and the current monotonic time and returns decisions; the
 * machine owns exactly one timer (keepalived's "sands"), reported as {@link ArmTimer} / DisarmTimer at the
 * end of a batch whenever it moved (and always after {@link TimerFired}). One owner thread.
 */
public final class VrrpMachine {
    /** {@link #timerDeadline()} when no timer is armed. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;
    /** keepalived's "time out from BACKUP very quickly" for an owner at start-up: 1 µs. */
    private static final long OWNER_START_NANOS = 1_000L;

    private final InstanceSpec spec;
    private final String tag;
    private final long advertMicros;
    private final PreemptDelay preemptDelay;
    private final GarpPlan garp;

    private VrrpState state = VrrpState.INIT;
    private VrrpState wantState;
    private int basePriority;
    private int adjustment;
    private int effectivePriority;
    private long masterAdvertMicros;
    private long masterDownNanos;
    private long deadline = NO_DEADLINE;
    private long startupDelayEnds = NO_DEADLINE;
    private boolean vipsSet;
    private boolean interfaceUp = true;
    private int failedTrackers;
    private int pendingTrackers;
    private InetAddress masterSource;
    private int masterPriority;
    private TransitionReason nextMasterReason = TransitionReason.MASTER_NO_RESPONSE;

    private List<VrrpDecision> out;
    private long now;

    public VrrpMachine(InstanceSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.tag = "(" + spec.name() + ")";
        this.advertMicros = spec.advertInterval().toNanos() / 1_000L;
        this.preemptDelay = new PreemptDelay(spec.preemptDelay().toNanos());
        this.garp = new GarpPlan(spec.garp());
        this.basePriority = spec.priority();
        this.wantState = spec.initialMaster() ? VrrpState.MASTER : VrrpState.BACKUP;
        this.effectivePriority = spec.priority();
        this.masterAdvertMicros = advertMicros;
        this.masterDownNanos = masterDownNanos();
    }

    /** Applies one event at {@code nowNanos}; the returned decisions are to be executed in order. */
    public List<VrrpDecision> handle(VrrpEvent event, long nowNanos) {
        List<VrrpDecision> batch = new ArrayList<>(6);
        handleInto(event, nowNanos, batch);
        return List.copyOf(batch);
    }

    /**
     * As {@link #handle}, appending to a list the caller owns and clears between events, so that the
     * event loop's steady state (an advert tick, a backup hearing its master) allocates no collections.
     */
    public void handleInto(VrrpEvent event, long nowNanos, List<VrrpDecision> batch) {
        Objects.requireNonNull(event, "event");
        out = Objects.requireNonNull(batch, "batch");
        now = nowNanos;
        long before = deadline;
        try {
            if (state != VrrpState.STOP) {
                switch (event) {
                    case Start s -> start(s.startupDelayNanos());
                    case AdvertReceived a -> advert(a);
                    case TimerFired t -> timerFired(t.groupAllowsMaster());
                    case GroupSync g -> SyncGroupRules.apply(this, g.to());
                    case TrackingChanged t -> tracking(t);
                    case InterfaceUp u -> faultSources(true, failedTrackers, pendingTrackers);
                    case InterfaceDown d -> faultSources(false, failedTrackers, pendingTrackers);
                    case Shutdown s -> shutdown(s.releaseVips());
                }
            }
            // After TimerFired the runtime's timer is spent, so say where it stands even if unchanged.
            if (deadline != before || event instanceof TimerFired) {
                out.add(deadline == NO_DEADLINE ? VrrpDecision.DISARM_TIMER : new ArmTimer(deadline));
            }
        } finally {
            out = null;
        }
    }

    // ---- start-up (vrrp.c vrrp_complete_init, vrrp_restore_interfaces_startup; vrrp_scheduler.c vrrp_init_state) ----

    private void start(long startupDelayNanos) {
        if (state != VrrpState.INIT) return;
        if (startupDelayNanos > 0) startupDelayEnds = now + startupDelayNanos;
        boolean faulted = faulted();
        if (faulted) {
            wantState = VrrpState.FAULT;
            // The cause ("(VI_1): entering FAULT state (interface eth0 down)") is the tracking code's line.
            log(tag + " entering FAULT state");
            enter(VrrpState.FAULT, TransitionReason.STARTUP);
            notifyState();
        }
        // Addresses left over from an earlier run are removed whatever the state (forced, errors ignored).
        out.add(new RemoveVips(spec.accept()));
        masterDownNanos = masterDownNanos();
        if (faulted) {
            deadline = NO_DEADLINE;
        } else if (pendingTrackers > 0) {
            // waiting for a weight-0 script's first result: FAULT without a notify
            log(tag + " Entering FAULT STATE (init)");
            enter(VrrpState.FAULT, TransitionReason.STARTUP);
            deadline = NO_DEADLINE;
        } else if (spec.initialMaster() && basePriority == InstanceSpec.OWNER_PRIORITY) {
            // keepalived logs nothing here: the owner passes through BACKUP and times out after 1 µs.
            nextMasterReason = TransitionReason.PREEMPTED;
            enter(VrrpState.BACKUP, TransitionReason.STARTUP);
            masterDownNanos = OWNER_START_NANOS;
            deadline = backupDeadline();
        } else {
            nextMasterReason = TransitionReason.MASTER_NO_RESPONSE;
            log(tag + " Entering BACKUP STATE (init)");
            enter(VrrpState.BACKUP, TransitionReason.STARTUP);
            notifyState();
            deadline = backupDeadline();
        }
    }

    // ---- timers (vrrp_scheduler.c vrrp_dispatcher_read_timeout) ----

    private void timerFired(boolean groupAllowsMaster) {
        if (deadline == NO_DEADLINE || now < deadline) return;
        if (state == VrrpState.BACKUP) {
            detail(tag + " Receive advertisement timeout");
            wantState = VrrpState.MASTER;
            if (groupAllowsMaster) {
                gotoMaster(nextMasterReason);
            } else {
                // vrrp_sync_can_goto_master: wait for the other members to want MASTER too
                masterDownNanos = masterDownNanos();
                deadline = backupDeadline();
            }
        } else if (state == VrrpState.MASTER) {
            masterTransmit();
            deadline = now + advertNanos();
        }
    }

    /** RFC 5798 §6.4.2 "Master_Down_Timer fires": send an advert first, then claim the addresses. */
    void gotoMaster(TransitionReason reason) {
        enter(VrrpState.MASTER, reason);
        deadline = now + advertNanos();
        masterTransmit();
    }

    void gotoMasterForGroup() {
        wantState = VrrpState.MASTER;
        gotoMaster(TransitionReason.SYNC_GROUP);
    }

    /** vrrp_state_master_tx: the advert goes out before the GARPs, so the old master drops the VIPs first. */
    private void masterTransmit() {
        out.add(SendAdvert.of(effectivePriority));
        if (!vipsSet) {
            log(tag + " Entering MASTER STATE");
            becomeMaster();
            garp.delayedBurst(now, out);
        } else {
            garp.advertTick(now, out);
        }
    }

    private void becomeMaster() {
        if (spec.version() == VrrpVersion.V3 && masterAdvertMicros != advertMicros) {
            detail(tag + " changing advert interval from " + masterAdvertMicros / 1000 + "ms to locally configured "
                    + advertMicros / 1000 + "ms");
        }
        // RFC 5798 §6.4.3: a master advertises its own interval.
        masterAdvertMicros = advertMicros;
        out.add(new AddVips(spec.accept()));
        vipsSet = true;
        garp.becameMaster(now, out);
        notifyState();
    }

    // ---- adverts ----

    private void advert(AdvertReceived a) {
        // Adverts are ignored in INIT and FAULT (vrrp_dispatcher_read).
        if (state == VrrpState.BACKUP) {
            BackupAdvertRules.receive(this, a);
            deadline = backupDeadline();
        } else if (state == VrrpState.MASTER) {
            MasterAdvertRules.receive(this, a);
            // keepalived restarts the advert timer after any advert unless the master stays silent
            if (state == VrrpState.MASTER && !spec.lowerPrioNoAdvert()) deadline = now + advertNanos();
        }
    }

    /** RFC 5798 §6.4.2: a v3 backup sets Master_Adver_Interval from the master's advert. */
    void adoptMasterInterval(AdvertReceived a) {
        if (spec.version() != VrrpVersion.V3) return;
        long micros = VrrpTimers.wireIntervalMicros(VrrpVersion.V3, a.maxAdvertInterval());
        if (micros == masterAdvertMicros) return;
        detail(tag + " advertisement interval updated from " + masterAdvertMicros / 1000 + "ms to "
                + micros / 1000 + "ms by master");
        masterAdvertMicros = micros;
    }

    // ---- leaving MASTER (vrrp_state_leave_master) ----

    void leaveMaster(VrrpState want, boolean sendStopAdvert, TransitionReason reason) {
        wantState = want;
        if (want == VrrpState.BACKUP) {
            log(tag + " Entering BACKUP STATE");
            preemptDelay.clear();
        } else {
            log(tag + " Entering FAULT STATE");
            out.add(SendAdvert.of(0));
        }
        restoreInterface(sendStopAdvert);
        enter(want, reason);
        notifyState();
        masterDownNanos = masterDownNanos();
        deadline = state == VrrpState.BACKUP ? backupDeadline() : NO_DEADLINE;
    }

    /** vrrp_restore_interface: optional priority-0 advert (RFC 5798 §6.4.3 Shutdown), then drop the VIPs. */
    private void restoreInterface(boolean sendStopAdvert) {
        if (sendStopAdvert) {
            out.add(SendAdvert.of(0));
            detail(tag + " sent 0 priority");
        }
        if (vipsSet) {
            out.add(new RemoveVips(spec.accept()));
            vipsSet = false;
        }
    }

    // ---- tracking, faults (vrrp_track.c, vrrp_scheduler.c try_up_instance) ----

    private void tracking(TrackingChanged t) {
        adjustment = t.priorityAdjustment();
        setEffectivePriority();
        faultSources(interfaceUp, t.failedFaultTrackers(), t.pendingFaultTrackers());
    }

    private void faultSources(boolean ifUp, int failed, int pending) {
        boolean wasFaulted = faulted();
        int wasPending = pendingTrackers;
        interfaceUp = ifUp;
        failedTrackers = failed;
        pendingTrackers = pending;
        boolean isFaulted = faulted();
        if (!wasFaulted && isFaulted) {
            downInstance();
        } else if (!isFaulted && pending == 0 && (wasFaulted || wasPending > 0) && state == VrrpState.FAULT) {
            // the last fault cleared, or the last weight-0 script gave its first result
            tryUp();
        }
    }

    private void downInstance() {
        if (state == VrrpState.INIT) return;
        if (state == VrrpState.MASTER) {
            leaveMaster(VrrpState.FAULT, true, TransitionReason.FAULT);
            return;
        }
        enterFault(TransitionReason.FAULT, state != VrrpState.FAULT);
    }

    /** vrrp_state_leave_fault towards FAULT from BACKUP (or FAULT): no advert, VIPs are not up. */
    void enterFault(TransitionReason reason, boolean logIt) {
        wantState = VrrpState.FAULT;
        if (logIt) log(tag + " Entering FAULT STATE");
        enter(VrrpState.FAULT, reason);
        notifyState();
        masterAdvertMicros = advertMicros;
        masterDownNanos = masterDownNanos();
        deadline = NO_DEADLINE;
    }

    private void tryUp() {
        if (state == VrrpState.INIT) return;
        masterAdvertMicros = advertMicros;
        if (spec.initialMaster() && basePriority == InstanceSpec.OWNER_PRIORITY) {
            wantState = VrrpState.MASTER;
            gotoMaster(TransitionReason.PREEMPTED);
        } else {
            enterBackupFromFault(TransitionReason.FAULT_CLEARED);
        }
        if (spec.unicast() && spec.sourceAddress() != null) out.add(VrrpDecision.ANNOUNCE_SOURCE_ADDRESS);
    }

    /** vrrp_state_leave_fault towards BACKUP: a full master-down interval at our own advert interval. */
    void enterBackupFromFault(TransitionReason reason) {
        wantState = VrrpState.BACKUP;
        masterAdvertMicros = advertMicros;
        if (state != VrrpState.BACKUP) log(tag + " Entering BACKUP STATE");
        enter(VrrpState.BACKUP, reason);
        notifyState();
        preemptDelay.clear();
        nextMasterReason = TransitionReason.MASTER_NO_RESPONSE;
        masterDownNanos = masterDownNanos();
        deadline = backupDeadline();
    }

    /** vrrp_set_effective_priority: a backup's pending master-down expiry shifts by the change. */
    private void setEffectivePriority() {
        if (basePriority == InstanceSpec.OWNER_PRIORITY) return;
        // total = configured priority + trackers, clamped under the current base (254 after an owner clash)
        int updated = EffectivePriority.of(basePriority, spec.priority() - basePriority + adjustment);
        if (updated == effectivePriority) return;
        log(tag + " Changing effective priority from " + effectivePriority + " to " + updated);
        effectivePriority = updated;
        long old = masterDownNanos;
        masterDownNanos = masterDownNanos();
        if (state == VrrpState.BACKUP && deadline != NO_DEADLINE) {
            // a shorter interval may already have passed: then the timer is due at once
            deadline = Math.max(now, deadline + masterDownNanos - old);
        }
        if (spec.notifyPriorityChanges()) out.add(new NotifyPriorityChanged(state, effectivePriority));
    }

    // ---- shutdown (vrrp_daemon.c vrrp_terminate_phase1, vrrp_notify.c notify_shutdown) ----

    private void shutdown(boolean releaseVips) {
        if (state == VrrpState.MASTER && releaseVips) restoreInterface(true);
        enter(VrrpState.STOP, TransitionReason.SHUTDOWN);
        notifyState();
        deadline = NO_DEADLINE;
    }

    // ---- small pieces shared with MasterAdvertRules ----

    private boolean faulted() {
        return !interfaceUp || failedTrackers > 0;
    }

    private void enter(VrrpState to, TransitionReason reason) {
        if (to == state) return;
        out.add(new StateChanged(state, to, reason));
        state = to;
    }

    private void notifyState() {
        out.add(new Notify(state, effectivePriority));
    }

    void log(String line) {
        out.add(new Log(line));
    }

    void detail(String line) {
        if (spec.logDetail()) out.add(new Log(line));
    }

    void emit(VrrpDecision d) {
        out.add(d);
    }

    /** keepalived's owner clash (both 255): the local side drops to 254 and keeps it. */
    void demoteOwner() {
        basePriority = InstanceSpec.OWNER_PRIORITY - 1;
        effectivePriority = basePriority;
    }

    /** An advert we accept as coming from the master: the master-down interval starts over. */
    void recordMaster(InetAddress source, int priority) {
        wantState = VrrpState.BACKUP;
        masterSource = source;
        masterPriority = priority;
        masterDownNanos = masterDownNanos();
    }

    /** The master said it is stopping: take over after Skew_Time (RFC 5798 §6.4.2). */
    void masterStopping() {
        masterDownNanos = skewNanos();
        nextMasterReason = TransitionReason.PRIORITY_ZERO;
    }

    /** A discarded advert leaves the running master-down timer where it was. */
    void discardAdvert(InetAddress source) {
        masterSource = source;
        nextMasterReason = TransitionReason.PREEMPTED;
        masterDownNanos = Math.max(0L, deadline - now);
    }

    void nextMasterReason(TransitionReason reason) {
        nextMasterReason = reason;
    }

    PreemptDelay preemptDelay() {
        return preemptDelay;
    }

    /** A lower-priority router claims mastership: GARP bursts so neighbours keep pointing at us. */
    void lowerPriorityGarps() {
        garp.lowerPriorityAdvert(now, out);
    }

    /**
     * vrrp_init_instance_sands for BACKUP: the master-down interval counts from now, or from the end of
     * vrrp_startup_delay while that has not passed yet.
     */
    private long backupDeadline() {
        if (startupDelayEnds != NO_DEADLINE && now < startupDelayEnds) return startupDelayEnds + masterDownNanos;
        startupDelayEnds = NO_DEADLINE;
        return now + masterDownNanos;
    }

    private long advertNanos() {
        return advertMicros * 1_000L;
    }

    private long skewNanos() {
        return VrrpTimers.skewForPriorityMicros(spec.version(), effectivePriority, masterAdvertMicros) * 1_000L;
    }

    private long masterDownNanos() {
        return VrrpTimers.masterDownMicros(spec.version(), spec.downTimerAdverts(), effectivePriority,
                masterAdvertMicros) * 1_000L;
    }

    String tag() {
        return tag;
    }

    long now() {
        return now;
    }

    // ---- read-only view for the runtime, dumps and tests ----

    public InstanceSpec spec() {
        return spec;
    }

    public VrrpState state() {
        return state;
    }

    /**
     * keepalived's wantstate: what this instance would be in without its sync group (MASTER once its
     * master-down timer ran out even if the group held it back, BACKUP after hearing a master, FAULT).
     */
    public VrrpState wantState() {
        return wantState;
    }

    public int effectivePriority() {
        return effectivePriority;
    }

    /** The armed deadline, or {@link #NO_DEADLINE}. */
    public long timerDeadline() {
        return deadline;
    }

    /** Everything else worth showing (data dumps, JSON, tests). */
    public VrrpStatus status() {
        return new VrrpStatus(state, effectivePriority, deadline, masterAdvertMicros, masterDownNanos, vipsSet,
                masterSource, masterPriority);
    }
}
