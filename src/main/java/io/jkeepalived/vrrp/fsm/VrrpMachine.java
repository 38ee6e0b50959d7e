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
import io.jkeepalived.vrrp.fsm.VrrpEvent.AdvertRefused;
import io.jkeepalived.vrrp.fsm.VrrpEvent.GroupSync;
import io.jkeepalived.vrrp.fsm.VrrpEvent.InterfaceDown;
import io.jkeepalived.vrrp.fsm.VrrpEvent.InterfaceUp;
import io.jkeepalived.vrrp.fsm.VrrpEvent.Resume;
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
    private final ElectionTimers timers;
    private final PreemptDelay preemptDelay;
    private final GarpPlan garp;

    private VrrpState state = VrrpState.INIT;
    private VrrpState wantState;
    private int basePriority;
    private int adjustment;
    private int effectivePriority;
    private boolean vipsSet;
    private final FaultSources faults = new FaultSources();
    private InetAddress masterSource;
    private int masterPriority;
    private TransitionReason nextMasterReason = TransitionReason.MASTER_NO_RESPONSE;
    /** Set by the sync group before each event: other members hold this one in FAULT (or FAULT init). */
    private boolean groupHoldsFault;
    private boolean groupHoldsInit;

    private List<VrrpDecision> out;
    private long now;

    public VrrpMachine(InstanceSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.tag = "(" + spec.name() + ")";
        this.timers = new ElectionTimers(spec);
        this.preemptDelay = new PreemptDelay(spec.preemptDelay().toNanos());
        this.garp = new GarpPlan(spec.garp());
        this.basePriority = spec.priority();
        this.wantState = spec.initialMaster() ? VrrpState.MASTER : VrrpState.BACKUP;
        this.effectivePriority = spec.priority();
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
        long before = timers.deadline();
        try {
            if (state != VrrpState.STOP) {
                switch (event) {
                    case Start s -> start(s.startupDelayNanos());
                    case Resume r -> resume(r);
                    case AdvertReceived a -> advert(a);
                    case AdvertRefused r -> refused();
                    case TimerFired t -> timerFired(t.groupAllowsMaster());
                    case GroupSync g -> SyncGroupRules.apply(this, g.to());
                    case TrackingChanged t -> tracking(t);
                    case InterfaceUp u -> faultSources(true, faults.failed(), faults.pendingCount());
                    case InterfaceDown d -> faultSources(false, faults.failed(), faults.pendingCount());
                    case Shutdown s -> shutdown(s.releaseVips());
                }
            }
            // After TimerFired the runtime's timer is spent, so say where it stands even if unchanged.
            long deadline = timers.deadline();
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
        timers.delayStart(now, startupDelayNanos);
        // vrrp.c vrrp_complete_init: a member of a sync group in FAULT starts in FAULT too
        boolean faulted = faults.faulted() || groupHoldsFault;
        if (faulted) {
            wantState = VrrpState.FAULT;
            // The cause ("(VI_1): entering FAULT state (interface eth0 down)") is the tracking code's line.
            log(tag + " entering FAULT state");
            enter(VrrpState.FAULT, TransitionReason.STARTUP);
            notifyState();
        }
        // Addresses left over from an earlier run are removed whatever the state (forced, errors ignored).
        out.add(new RemoveVips(spec.accept()));
        timers.recomputeMasterDown(effectivePriority);
        if (faulted) {
            timers.disarm();
        } else if (faults.pending() || groupHoldsInit) {
            // waiting for a weight-0 script's first result: FAULT without a notify, and without a line for
            // the instance's own script (keepalived 2.2.7, measured); a sync group's hold says "(init)"
            if (!faults.pending()) log(tag + " Entering FAULT STATE (init)");
            enter(VrrpState.FAULT, TransitionReason.STARTUP);
            timers.disarm();
        } else if (spec.initialMaster() && basePriority == InstanceSpec.OWNER_PRIORITY) {
            // keepalived logs nothing here: the owner passes through BACKUP and times out after 1 µs.
            nextMasterReason = TransitionReason.PREEMPTED;
            enter(VrrpState.BACKUP, TransitionReason.STARTUP);
            timers.setMasterDown(OWNER_START_NANOS);
            timers.armMasterDown(now);
        } else {
            nextMasterReason = TransitionReason.MASTER_NO_RESPONSE;
            log(tag + " Entering BACKUP STATE (init)");
            enter(VrrpState.BACKUP, TransitionReason.STARTUP);
            notifyState();
            timers.armMasterDown(now);
        }
    }

    /**
     * A reload kept this instance. keepalived copies the old state over unless the new instance is in
     * FAULT (or waits for scripts); a kept MASTER re-sets its VIPs ("setting VIPs.") and its advert timer
     * fires at once (reload_master), a kept BACKUP restarts its master-down timer; neither logs a transition.
     */
    private void resume(Resume r) {
        if (state != VrrpState.INIT) return;
        if (faults.faulted() && r.previous() == VrrpState.FAULT) {
            // already in FAULT before the reload: no new log line and no notify (vrrp_complete_init)
            wantState = VrrpState.FAULT;
            enter(VrrpState.FAULT, TransitionReason.STARTUP);
            timers.disarm();
            return;
        }
        if (faults.faulted() || faults.pending()
                || r.previous() != VrrpState.MASTER && r.previous() != VrrpState.BACKUP) {
            start(0L);
            return;
        }
        wantState = r.previous();
        timers.useOwnAdvertInterval();
        timers.recomputeMasterDown(effectivePriority);
        if (r.previous() == VrrpState.MASTER) {
            enter(VrrpState.MASTER, TransitionReason.STARTUP);
            out.add(new AddVips(spec.accept()));
            vipsSet = true;
            if (r.vipsAdded()) garp.becameMaster(now, out);
            timers.armAt(now);
        } else {
            enter(VrrpState.BACKUP, TransitionReason.STARTUP);
            timers.armMasterDown(now);
        }
    }

    // ---- timers (vrrp_scheduler.c vrrp_dispatcher_read_timeout) ----

    private void timerFired(boolean groupAllowsMaster) {
        if (!timers.due(now)) return;
        if (state == VrrpState.BACKUP) {
            detail(tag + " Receive advertisement timeout");
            wantState = VrrpState.MASTER;
            if (groupAllowsMaster) {
                gotoMaster(nextMasterReason);
            } else {
                // vrrp_sync_can_goto_master: wait for the other members to want MASTER too
                timers.recomputeMasterDown(effectivePriority);
                timers.armMasterDown(now);
            }
        } else if (state == VrrpState.MASTER) {
            masterTransmit();
            timers.armAdvert(now);
        }
    }

    /** RFC 5798 §6.4.2 "Master_Down_Timer fires": send an advert first, then claim the addresses. */
    void gotoMaster(TransitionReason reason) {
        enter(VrrpState.MASTER, reason);
        timers.armAdvert(now);
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
        if (spec.version() == VrrpVersion.V3 && timers.masterAdvertMicros() != timers.advertMicros()) {
            detail(tag + " changing advert interval from " + timers.masterAdvertMicros() / 1000
                    + "ms to locally configured " + timers.advertMicros() / 1000 + "ms");
        }
        // RFC 5798 §6.4.3: a master advertises its own interval.
        timers.useOwnAdvertInterval();
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
            timers.armMasterDown(now);
        } else if (state == VrrpState.MASTER) {
            MasterAdvertRules.receive(this, a);
            // keepalived restarts the advert timer after any advert unless the master stays silent
            if (state == VrrpState.MASTER && !spec.lowerPrioNoAdvert()) timers.armAdvert(now);
        }
    }

    /** A BACKUP's master-down timer runs on (vrrp_state_backup ignore_advert); a MASTER's advert timer restarts. */
    private void refused() {
        if (state == VrrpState.MASTER && !spec.lowerPrioNoAdvert()) timers.armAdvert(now);
    }

    /** RFC 5798 §6.4.2: a v3 backup sets Master_Adver_Interval from the master's advert. */
    void adoptMasterInterval(AdvertReceived a) {
        if (spec.version() != VrrpVersion.V3) return;
        long micros = VrrpTimers.wireIntervalMicros(VrrpVersion.V3, a.maxAdvertInterval());
        if (micros == timers.masterAdvertMicros()) return;
        detail(tag + " advertisement interval updated from " + timers.masterAdvertMicros() / 1000 + "ms to "
                + micros / 1000 + "ms by master");
        timers.followMasterInterval(micros);
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
        timers.recomputeMasterDown(effectivePriority);
        if (state == VrrpState.BACKUP) {
            timers.armMasterDown(now);
        } else {
            timers.disarm();
        }
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
        faultSources(faults.interfaceUp(), t.failedFaultTrackers(), t.pendingFaultTrackers());
    }

    private void faultSources(boolean ifUp, int failed, int pending) {
        switch (faults.update(ifUp, failed, pending, state == VrrpState.FAULT)) {
            case GO_DOWN -> downInstance();
            case TRY_UP -> tryUp();
            case NONE -> { }
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
        timers.useOwnAdvertInterval();
        timers.recomputeMasterDown(effectivePriority);
        timers.disarm();
    }

    private void tryUp() {
        if (state == VrrpState.INIT) return;
        timers.useOwnAdvertInterval();
        if (groupHoldsFault || groupHoldsInit) {
            // try_up_instance: another member of the sync group is still down, so this one waits in FAULT
            wantState = spec.initialMaster() && basePriority == InstanceSpec.OWNER_PRIORITY
                    ? VrrpState.MASTER : VrrpState.BACKUP;
            timers.recomputeMasterDown(effectivePriority);
            return;
        }
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
        timers.useOwnAdvertInterval();
        if (state != VrrpState.BACKUP) log(tag + " Entering BACKUP STATE");
        enter(VrrpState.BACKUP, reason);
        notifyState();
        preemptDelay.clear();
        nextMasterReason = TransitionReason.MASTER_NO_RESPONSE;
        timers.recomputeMasterDown(effectivePriority);
        timers.armMasterDown(now);
    }

    /** vrrp_set_effective_priority: a backup's pending master-down expiry shifts by the change. */
    private void setEffectivePriority() {
        if (basePriority == InstanceSpec.OWNER_PRIORITY) return;
        // total = configured priority + trackers, clamped under the current base (254 after an owner clash)
        int updated = EffectivePriority.of(basePriority, spec.priority() - basePriority + adjustment);
        if (updated == effectivePriority) return;
        log(tag + " Changing effective priority from " + effectivePriority + " to " + updated);
        effectivePriority = updated;
        timers.priorityChanged(now, effectivePriority, state == VrrpState.BACKUP);
        if (spec.notifyPriorityChanges()) out.add(new NotifyPriorityChanged(state, effectivePriority));
    }

    // ---- shutdown (vrrp_daemon.c vrrp_terminate_phase1, vrrp_notify.c notify_shutdown) ----

    private void shutdown(boolean releaseVips) {
        if (state == VrrpState.MASTER && releaseVips) restoreInterface(true);
        enter(VrrpState.STOP, TransitionReason.SHUTDOWN);
        notifyState();
        timers.disarm();
    }

    // ---- small pieces shared with MasterAdvertRules ----

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
        timers.recomputeMasterDown(effectivePriority);
    }

    /** The master said it is stopping: take over after Skew_Time (RFC 5798 §6.4.2). */
    void masterStopping() {
        timers.shortenToSkew(effectivePriority);
        nextMasterReason = TransitionReason.PRIORITY_ZERO;
    }

    /** A discarded advert leaves the running master-down timer where it was. */
    void discardAdvert(InetAddress source) {
        masterSource = source;
        nextMasterReason = TransitionReason.PREEMPTED;
        timers.keepRunning(now);
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

    String tag() {
        return tag;
    }

    long now() {
        return now;
    }

    // ---- sync groups (vrrp_sync.c) ----

    /**
     * The sync group says, before an event, whether its other members are down (num_member_fault) or
     * still waiting for weight-0 scripts (num_member_init): then this member stays in FAULT when its own
     * faults clear, and starts in FAULT (vrrp_scheduler.c try_up_instance, vrrp_init_state).
     */
    public void groupHold(boolean otherMembersFaulted, boolean otherMembersInit) {
        groupHoldsFault = otherMembersFaulted;
        groupHoldsInit = otherMembersInit;
    }

    /** Its own interface or weight-0 trackers have failed (keepalived's num_script_if_fault &gt; 0). */
    public boolean ownFault() {
        return faults.faulted();
    }

    /** Weight-0 scripts still without a first result (keepalived's num_script_init &gt; 0). */
    public boolean ownInit() {
        return faults.pending();
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
        return timers.deadline();
    }

    /** Everything else worth showing (data dumps, JSON, tests). */
    public VrrpStatus status() {
        return new VrrpStatus(state, effectivePriority, timers.deadline(), timers.masterAdvertMicros(),
                timers.masterDownNanos(), vipsSet, masterSource, masterPriority);
    }
}
