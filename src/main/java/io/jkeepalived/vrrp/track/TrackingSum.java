package io.jkeepalived.vrrp.track;

import io.jkeepalived.vrrp.fsm.EffectivePriority;
import io.jkeepalived.vrrp.fsm.VrrpEvent;

/**
 * What one owner's tracked objects add up to (keepalived-features §2.8; vrrp_track.c
 * process_script_update_priority, initialise_*_tracking_priorities; track_file.c
 * process_update_vrrp_track_file_status): the priority adjustment, the trackers that hold it in FAULT, and
 * the weight-0 scripts that have not reported yet. keepalived adds and subtracts as results arrive; summing
 * the current states afresh gives the same totals and cannot drift. Reused between evaluations by one thread.
 */
public final class TrackingSum {
    /** A track_file's contribution at or below this puts the owner in FAULT (track_file.c). */
    public static final int FILE_FAULT = -254;
    /** A track_file's contribution is capped here. */
    static final int FILE_MAX = 253;

    private long adjustment;
    private int failed;
    private int pending;

    public TrackingSum reset() {
        adjustment = 0;
        failed = 0;
        pending = 0;
        return this;
    }

    /**
     * A script, interface, process or BFD: weight 0 faults the owner while failed (while OK with reverse)
     * and holds it in FAULT while pending; a weight adds +W while OK (W &gt; 0) or −|W| while failed
     * (W &lt; 0), negated by reverse, and nothing while pending.
     */
    public TrackingSum add(int weight, boolean reverse, TrackerState state) {
        if (state == TrackerState.PENDING) {
            if (weight == 0) pending++;
            return this;
        }
        boolean ok = state == TrackerState.OK;
        if (EffectivePriority.faults(weight, reverse, ok)) failed++;
        adjustment += EffectivePriority.contribution(weight, reverse, ok);
        return this;
    }

    /**
     * A track_file holding {@code value}: weight 0 faults on a non-zero value (on zero with reverse);
     * otherwise value × weight (negated by reverse) is added, capped at 253, and at −254 or below it faults.
     */
    public TrackingSum addFile(int weight, boolean reverse, long value) {
        int s = fileStatus(weight, reverse, value);
        if (s == FILE_FAULT) {
            failed++;
        } else {
            adjustment += s;
        }
        return this;
    }

    /** One more fault from outside the trackers (no source address, a lost static item of a track_group). */
    public TrackingSum addFault() {
        failed++;
        return this;
    }

    /** A track_file's status as keepalived clamps it: −254 (FAULT) .. 253. */
    public static int fileStatus(int weight, boolean reverse, long value) {
        if (weight == 0) return (value != 0) == !reverse ? FILE_FAULT : 0;
        long product = value * weight * (reverse ? -1L : 1L);
        if (product <= FILE_FAULT) return FILE_FAULT;
        return (int) Math.min(product, FILE_MAX);
    }

    public int adjustment() {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, adjustment));
    }

    public int failed() {
        return failed;
    }

    public int pending() {
        return pending;
    }

    public VrrpEvent.TrackingChanged toEvent() {
        return new VrrpEvent.TrackingChanged(adjustment(), failed, pending);
    }

    /** Whether {@code last} (null: nothing sent yet) already says what this sum says. */
    public boolean sameAs(VrrpEvent.TrackingChanged last) {
        return last != null && last.priorityAdjustment() == adjustment() && last.failedFaultTrackers() == failed
                && last.pendingFaultTrackers() == pending;
    }
}
