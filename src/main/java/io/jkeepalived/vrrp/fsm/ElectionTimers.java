package io.jkeepalived.vrrp.fsm;

/**
 * An instance's timing state, keepalived's sands / ms_down_timer / master_adver_int (RFC 5798 §6.1, §6.2):
 * the single deadline (advert timer as MASTER, master-down timer as BACKUP), the master-down interval in
 * force and Master_Adver_Interval. Arithmetic in keepalived's microseconds, deadlines in nanoseconds.
 */
final class ElectionTimers {
    private final VrrpVersion version;
    private final int downTimerAdverts;
    private final long advertMicros;

    private long masterAdvertMicros;
    private long masterDownNanos;
    private long deadline = VrrpMachine.NO_DEADLINE;
    private long startupDelayEnds = VrrpMachine.NO_DEADLINE;

    ElectionTimers(InstanceSpec spec) {
        this.version = spec.version();
        this.downTimerAdverts = spec.downTimerAdverts();
        this.advertMicros = spec.advertInterval().toNanos() / 1_000L;
        this.masterAdvertMicros = advertMicros;
        this.masterDownNanos = masterDownFor(spec.priority());
    }

    long deadline() {
        return deadline;
    }

    boolean due(long now) {
        return deadline != VrrpMachine.NO_DEADLINE && now >= deadline;
    }

    long advertMicros() {
        return advertMicros;
    }

    long masterAdvertMicros() {
        return masterAdvertMicros;
    }

    long masterDownNanos() {
        return masterDownNanos;
    }

    /** global_defs vrrp_startup_delay: BACKUP's first deadlines count from its end. */
    void delayStart(long now, long delayNanos) {
        if (delayNanos > 0) startupDelayEnds = now + delayNanos;
    }

    /** RFC 5798 §6.4.2: a v3 backup follows the master's interval. */
    void followMasterInterval(long micros) {
        masterAdvertMicros = micros;
    }

    /** Masters, and instances leaving FAULT, use their own interval. */
    void useOwnAdvertInterval() {
        masterAdvertMicros = advertMicros;
    }

    void recomputeMasterDown(int priority) {
        masterDownNanos = masterDownFor(priority);
    }

    void setMasterDown(long nanos) {
        masterDownNanos = nanos;
    }

    /** Priority 0 heard: Skew_Time only (RFC 5798 §6.4.2). */
    void shortenToSkew(int priority) {
        masterDownNanos = VrrpTimers.skewForPriorityMicros(version, priority, masterAdvertMicros) * 1_000L;
    }

    /** A discarded advert: keepalived keeps the remaining time as the interval, so the deadline stays. */
    void keepRunning(long now) {
        masterDownNanos = Math.max(0L, deadline - now);
    }

    /** vrrp_set_effective_priority: a backup's pending expiry moves by the change of interval. */
    void priorityChanged(long now, int priority, boolean backup) {
        long old = masterDownNanos;
        masterDownNanos = masterDownFor(priority);
        if (backup && deadline != VrrpMachine.NO_DEADLINE) {
            // a shorter interval may already have passed: then the timer is due at once
            deadline = Math.max(now, deadline + masterDownNanos - old);
        }
    }

    /**
     * vrrp_init_instance_sands for BACKUP: the master-down interval counts from now, or from the end of
     * vrrp_startup_delay while that has not passed yet.
     */
    void armMasterDown(long now) {
        if (startupDelayEnds != VrrpMachine.NO_DEADLINE && now < startupDelayEnds) {
            deadline = startupDelayEnds + masterDownNanos;
            return;
        }
        startupDelayEnds = VrrpMachine.NO_DEADLINE;
        deadline = now + masterDownNanos;
    }

    /** vrrp_init_instance_sands for MASTER: next advert one Advertisement_Interval from now. */
    void armAdvert(long now) {
        deadline = now + advertMicros * 1_000L;
    }

    /** A kept MASTER after a reload: its advert timer is due at once (vrrp_init_instance_sands). */
    void armAt(long at) {
        deadline = at;
    }

    void disarm() {
        deadline = VrrpMachine.NO_DEADLINE;
    }

    private long masterDownFor(int priority) {
        return VrrpTimers.masterDownMicros(version, downTimerAdverts, priority, masterAdvertMicros) * 1_000L;
    }
}
