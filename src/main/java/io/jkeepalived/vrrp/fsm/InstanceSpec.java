package io.jkeepalived.vrrp.fsm;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What the state machine needs to know about one {@code vrrp_instance}, already completed the way
 * keepalived completes it after parsing (vrrp.c vrrp_complete_instance): strict-mode and owner corrections
 * applied, nopreempt/preempt_delay cleared where keepalived clears them, GARP values resolved from globals.
 * Kept apart from the config model so the machine depends on nothing but itself.
 *
 * @param name                 instance name, as in log lines {@code (VI_1) …}
 * @param vrid                 virtual_router_id, 1..255
 * @param version              vrrp version
 * @param priority             configured priority 1..255; 255 = address owner (RFC 5798 §6.1)
 * @param initialMaster        keepalived's completed initial wish: {@code state MASTER}, or no {@code state}
 *                             and priority 255 (an owner with {@code state BACKUP} starts as a plain backup);
 *                             only an owner wishing MASTER goes master at once
 * @param advertInterval       advert_int: v2 whole seconds 1..255, v3 multiples of 10 ms up to 40.95 s
 * @param downTimerAdverts     down_timer_adverts 1..100 (RFC value 3)
 * @param nopreempt            keepalived.conf(5) nopreempt
 * @param preemptDelay         keepalived.conf(5) preempt_delay (zero = none)
 * @param lowerPrioNoAdvert    master stays silent on lower-priority adverts
 * @param higherPrioSendAdvert master sends one advert before yielding to a higher priority
 * @param accept               accept mode (RFC 5798 §6.1 Accept_Mode); false = no_accept
 * @param unicast              adverts go to unicast peers
 * @param sourceAddress        our advert source (unicast_src_ip, mcast_src_ip or the interface's primary
 *                             address) used for the equal-priority tie-break; null when unknown
 * @param garp                 gratuitous ARP / NA schedule
 * @param notifyPriorityChanges notify_priority_changes (FIFO priority events)
 * @param logDetail            keepalived's {@code -D}: also emit the detail log lines
 */
public record InstanceSpec(
        String name,
        int vrid,
        VrrpVersion version,
        int priority,
        boolean initialMaster,
        Duration advertInterval,
        int downTimerAdverts,
        boolean nopreempt,
        Duration preemptDelay,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        boolean accept,
        boolean unicast,
        InetAddress sourceAddress,
        GarpSchedule garp,
        boolean notifyPriorityChanges,
        boolean logDetail) {

    /** RFC 5798 §6.1: the address owner's priority. */
    public static final int OWNER_PRIORITY = 255;

    public InstanceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(advertInterval, "advertInterval");
        Objects.requireNonNull(preemptDelay, "preemptDelay");
        Objects.requireNonNull(garp, "garp");
        if (vrid < 1 || vrid > 255) throw new IllegalArgumentException("vrid out of 1..255: " + vrid);
        if (priority < 1 || priority > 255) throw new IllegalArgumentException("priority out of 1..255: " + priority);
        if (downTimerAdverts < 1 || downTimerAdverts > 100) {
            throw new IllegalArgumentException("down_timer_adverts out of 1..100: " + downTimerAdverts);
        }
        if (preemptDelay.isNegative()) throw new IllegalArgumentException("negative preempt_delay");
        long micros = advertInterval.toNanos() / 1_000;
        boolean ok = version == VrrpVersion.V2
                ? micros % 1_000_000 == 0 && micros >= 1_000_000 && micros <= 255_000_000L
                : micros % 10_000 == 0 && micros >= 10_000 && micros <= 40_950_000L;
        if (!ok || advertInterval.toNanos() % 1_000 != 0) {
            throw new IllegalArgumentException("advert interval " + advertInterval + " not valid for " + version);
        }
    }

    public boolean owner() {
        return priority == OWNER_PRIORITY;
    }

    public static Builder builder(String name, int vrid) {
        return new Builder(name, vrid);
    }

    /**
     * Starts from keepalived's defaults (v2, priority 100, advert_int 1, down_timer_adverts 3, preempt,
     * accept); without {@link #initialMaster} the wish follows the priority, MASTER for 255.
     */
    public static final class Builder {
        private final String name;
        private final int vrid;
        private VrrpVersion version = VrrpVersion.V2;
        private int priority = 100;
        private Boolean initialMaster;
        private Duration advertInterval = Duration.ofSeconds(1);
        private int downTimerAdverts = 3;
        private boolean nopreempt;
        private Duration preemptDelay = Duration.ZERO;
        private boolean lowerPrioNoAdvert;
        private boolean higherPrioSendAdvert;
        private boolean accept = true;
        private boolean unicast;
        private InetAddress sourceAddress;
        private GarpSchedule garp = GarpSchedule.DEFAULT;
        private boolean notifyPriorityChanges;
        private boolean logDetail;

        private Builder(String name, int vrid) {
            this.name = name;
            this.vrid = vrid;
        }

        public Builder version(VrrpVersion v) { version = v; return this; }
        public Builder priority(int p) { priority = p; return this; }
        public Builder initialMaster(boolean b) { initialMaster = b; return this; }
        public Builder advertInterval(Duration d) { advertInterval = d; return this; }
        public Builder downTimerAdverts(int n) { downTimerAdverts = n; return this; }
        public Builder nopreempt(boolean b) { nopreempt = b; return this; }
        public Builder preemptDelay(Duration d) { preemptDelay = d; return this; }
        public Builder lowerPrioNoAdvert(boolean b) { lowerPrioNoAdvert = b; return this; }
        public Builder higherPrioSendAdvert(boolean b) { higherPrioSendAdvert = b; return this; }
        public Builder accept(boolean b) { accept = b; return this; }
        public Builder unicast(boolean b) { unicast = b; return this; }
        public Builder sourceAddress(InetAddress a) { sourceAddress = a; return this; }
        public Builder garp(GarpSchedule g) { garp = g; return this; }
        public Builder notifyPriorityChanges(boolean b) { notifyPriorityChanges = b; return this; }
        public Builder logDetail(boolean b) { logDetail = b; return this; }

        public InstanceSpec build() {
            boolean wantMaster = initialMaster != null ? initialMaster : priority == OWNER_PRIORITY;
            return new InstanceSpec(name, vrid, version, priority, wantMaster, advertInterval, downTimerAdverts,
                    nopreempt, preemptDelay, lowerPrioNoAdvert, higherPrioSendAdvert, accept, unicast,
                    sourceAddress, garp, notifyPriorityChanges, logDetail);
        }
    }
}
