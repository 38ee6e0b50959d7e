package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.GarpGroup;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * vrrp_garp_interval / vrrp_gna_interval and garp_group (keepalived.conf(5)): a minimum gap between
 * gratuitous ARPs (and, apart, unsolicited NAs) on one interface or one garp_group's set of interfaces,
 * a VMAC counting as its base (vrrp_arp.c send_gratuitous_arp, vrrp_ndisc.c, vrrp_scheduler.c
 * vrrp_arp_thread). A packet that may not go yet waits; an address waits at most once, so the repeats of a
 * burst that fall inside the gaps collapse into one (keepalived's per-address garp_gna_pending): measured
 * with keepalived 2.2.7, vrrp_garp_interval 0.5 and four VIPs send the first at once and the others one
 * every 0.5 s. Waiting packets of an instance that drops its VIPs are forgotten. Loop thread only; times
 * are the loop's nanoseconds.
 */
final class GarpPacer {
    /** Where a waiting packet belongs: the instance and the index of the VIP in its list. */
    record Waiting(InstanceRuntime instance, int vip, String pacingKey, boolean ipv6, long rank) {
    }

    /** Sends a waiting packet (the instance knows the address and device). */
    interface Sender {
        void send(InstanceRuntime instance, int vip);
    }

    private final long garpNanos;
    private final long gnaNanos;
    private final Map<String, long[]> groupIntervals = new HashMap<>();
    private final Map<String, String> groupOf = new HashMap<>();
    /** Per pacing key: the earliest time of the next GARP [0] and NA [1]; absent = no packet sent yet. */
    private final Map<String, long[]> next = new HashMap<>();
    /** By instance order then VIP order: keepalived's thread walks its instances and their VIPs. */
    private final TreeMap<Long, Waiting> waiting = new TreeMap<>();
    private final UnaryOperator<String> baseOf;
    private final ToIntFunction<InstanceRuntime> order;

    /**
     * @param garpMicros global vrrp_garp_interval (0 = none)
     * @param gnaMicros  global vrrp_gna_interval (0 = none)
     * @param groups     garp_group blocks: their interfaces share one pace
     * @param baseOf     an interface's base (a VMAC's parent), or the interface itself
     * @param order      an instance's position in the configuration
     */
    GarpPacer(long garpMicros, long gnaMicros, List<GarpGroup> groups, UnaryOperator<String> baseOf,
            ToIntFunction<InstanceRuntime> order) {
        this.order = order;
        this.garpNanos = garpMicros * 1_000;
        this.gnaNanos = gnaMicros * 1_000;
        this.baseOf = baseOf;
        for (int g = 0; g < groups.size(); g++) {
            String key = "garp_group#" + g;
            groupIntervals.put(key, new long[] {groups.get(g).garpIntervalMicros() * 1_000,
                    groups.get(g).gnaIntervalMicros() * 1_000});
            for (String ifName : groups.get(g).interfaces()) groupOf.putIfAbsent(ifName, key);
        }
    }

    /** Whether any interface is paced at all (when not, the runtime sends straight away). */
    boolean active() {
        return garpNanos > 0 || gnaNanos > 0 || !groupIntervals.isEmpty();
    }

    private String key(String dev) {
        String base = baseOf.apply(dev);
        return groupOf.getOrDefault(base, base);
    }

    private long interval(String key, boolean ipv6) {
        long[] g = groupIntervals.get(key);
        if (g != null) return ipv6 ? g[1] : g[0];
        return ipv6 ? gnaNanos : garpNanos;
    }

    /**
     * A packet for VIP {@code vip} of {@code instance} on {@code dev} is due now: true when it may go
     * (and the gap starts again), false when it waits (then the caller's timer is to be set to {@link #nextWake}).
     */
    boolean admit(InstanceRuntime instance, int vip, String dev, boolean ipv6, long now) {
        String key = key(dev);
        long gap = interval(key, ipv6);
        if (gap <= 0) return true;
        long[] n = next.computeIfAbsent(key, k -> new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
        int slot = ipv6 ? 1 : 0;
        if (n[slot] != Long.MIN_VALUE && now < n[slot]) {
            long rank = (long) order.applyAsInt(instance) << 32 | vip;
            waiting.putIfAbsent(rank, new Waiting(instance, vip, key, ipv6, rank));
            return false;
        }
        n[slot] = now + gap;
        return true;
    }

    /** The instance dropped its VIPs (vrrp.c vrrp_remove_delayed_arp). */
    void forget(InstanceRuntime instance) {
        waiting.values().removeIf(w -> w.instance() == instance);
    }

    /** Sends what may go at {@code now}, instance by instance and VIP by VIP; the next wake-up or NO_WAKE. */
    long run(long now, Sender sender) {
        long wake = NO_WAKE;
        for (Iterator<Waiting> it = waiting.values().iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            long[] n = next.get(w.pacingKey());
            int slot = w.ipv6() ? 1 : 0;
            if (n == null || now >= n[slot]) {
                it.remove();
                long gap = interval(w.pacingKey(), w.ipv6());
                if (n != null) n[slot] = now + gap;
                sender.send(w.instance(), w.vip());
            } else {
                wake = Math.min(wake, n[slot]);
            }
        }
        return wake;
    }

    /** The earliest time a waiting packet may go, or NO_WAKE. */
    long nextWake() {
        long wake = NO_WAKE;
        for (Waiting w : waiting.values()) {
            long[] n = next.get(w.pacingKey());
            wake = Math.min(wake, n == null ? Long.MIN_VALUE : n[w.ipv6() ? 1 : 0]);
        }
        return wake;
    }

    static final long NO_WAKE = Long.MAX_VALUE;
}
