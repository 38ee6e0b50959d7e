package io.jkeepalived.vrrp.fsm;

/**
 * Priority arithmetic with trackers (keepalived-features §2.8, vrrp_track.c): each weighted tracker adds
 * its contribution to the configured priority, the sum is clamped to 1..254, and an owner (255) never moves.
 */
public final class EffectivePriority {
    private EffectivePriority() {
    }

    /** The priority adverts carry, given the configured (base) priority and the trackers' sum. */
    public static int of(int basePriority, int adjustment) {
        if (basePriority == InstanceSpec.OWNER_PRIORITY) return basePriority;
        long total = (long) basePriority + adjustment;
        if (total < 1) return 1;
        if (total >= InstanceSpec.OWNER_PRIORITY) return InstanceSpec.OWNER_PRIORITY - 1;
        return (int) total;
    }

    /**
     * One weighted tracker's contribution: weight W &gt; 0 adds W while OK, W &lt; 0 subtracts |W| while
     * failed; {@code reverse} flips the sign (W &gt; 0: −W while OK; W &lt; 0: +|W| while failed).
     * Weight 0 contributes nothing (it is a fault tracker, see {@link #faults}).
     */
    public static int contribution(int weight, boolean reverse, boolean ok) {
        int signed = reverse ? -weight : weight;
        if (weight > 0) return ok ? signed : 0;
        if (weight < 0) return ok ? 0 : signed;
        return 0;
    }

    /** Whether a weight-0 tracker puts the instance in FAULT: when failed, or with reverse when OK. */
    public static boolean faults(int weight, boolean reverse, boolean ok) {
        return weight == 0 && ok == reverse;
    }
}
