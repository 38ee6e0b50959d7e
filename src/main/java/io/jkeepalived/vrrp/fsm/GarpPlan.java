package io.jkeepalived.vrrp.fsm;

import io.jkeepalived.vrrp.fsm.VrrpDecision.SendGratuitousArps;
import java.util.List;

/**
 * When a master asks for gratuitous ARP / unsolicited NA bursts (keepalived-features §2.7, vrrp.c
 * vrrp_state_become_master / master_tx / master_rx): at the transition and again after
 * garp_master_delay, every garp_master_refresh (checked on advert ticks), and on hearing a lower
 * priority, with a second burst after garp_lower_prio_delay.
 */
final class GarpPlan {
    private final GarpSchedule schedule;
    private long refreshDue;

    GarpPlan(GarpSchedule schedule) {
        this.schedule = schedule;
    }

    /** Right after the VIPs are added. */
    void becameMaster(long now, List<VrrpDecision> out) {
        if (schedule.masterRepeat() > 0) {
            out.add(new SendGratuitousArps(schedule.masterRepeat(), now, GarpReason.BECAME_MASTER));
        }
        if (schedule.masterRefresh().isPositive()) refreshDue = now + schedule.masterRefresh().toNanos();
    }

    /** The second burst, after the notifies. */
    void delayedBurst(long now, List<VrrpDecision> out) {
        if (schedule.masterDelay().isPositive() && schedule.masterRepeat() > 0) {
            out.add(new SendGratuitousArps(schedule.masterRepeat(), now + schedule.masterDelay().toNanos(),
                    GarpReason.MASTER_DELAYED));
        }
    }

    /** On each advert a master sends: the refresh goes out on the first tick after it fell due. */
    void advertTick(long now, List<VrrpDecision> out) {
        if (!schedule.masterRefresh().isPositive() || now <= refreshDue) return;
        if (schedule.masterRefreshRepeat() > 0) {
            out.add(new SendGratuitousArps(schedule.masterRefreshRepeat(), now, GarpReason.REFRESH));
        }
        refreshDue = now + schedule.masterRefresh().toNanos();
    }

    /** A lower-priority router claims mastership: refresh the neighbours' caches. */
    void lowerPriorityAdvert(long now, List<VrrpDecision> out) {
        if (schedule.lowerPrioRepeat() == 0) return;
        out.add(new SendGratuitousArps(schedule.lowerPrioRepeat(), now, GarpReason.LOWER_PRIORITY_ADVERT));
        if (schedule.lowerPrioDelay().isPositive()) {
            out.add(new SendGratuitousArps(schedule.lowerPrioRepeat(), now + schedule.lowerPrioDelay().toNanos(),
                    GarpReason.LOWER_PRIORITY_DELAYED));
        }
    }
}
