package io.jkeepalived.vrrp.fsm;

import io.jkeepalived.vrrp.fsm.VrrpEvent.AdvertReceived;

/**
 * What a BACKUP does with an advert (RFC 5798 §6.4.2, keepalived vrrp.c vrrp_state_backup): priority 0
 * cuts the wait to Skew_Time; an equal or higher priority (or any priority under nopreempt, or during
 * preempt_delay) restarts the master-down timer; a lower priority is discarded so the timer runs out
 * and we preempt.
 */
final class BackupAdvertRules {
    private BackupAdvertRules() {
    }

    static void receive(VrrpMachine m, AdvertReceived a) {
        InstanceSpec spec = m.spec();
        PreemptDelay delay = m.preemptDelay();
        int prio = a.priority();
        int ours = m.effectivePriority();
        if (prio == 0) {
            m.detail(m.tag() + " Backup received priority 0 advertisement");
            m.masterStopping();
        } else if (spec.nopreempt() || prio >= ours || delay.holdsBack(m.now())) {
            m.adoptMasterInterval(a);
            m.recordMaster(a.source(), prio);
            m.nextMasterReason(TransitionReason.MASTER_NO_RESPONSE);
            if (delay.configured()) {
                if (prio >= ours) {
                    if (delay.running()) {
                        m.detail(m.tag() + " stop preempt delay");
                        delay.clear();
                    }
                } else if (!delay.running()) {
                    m.detail(m.tag() + " start preempt delay (" + delay.text() + ")");
                    delay.start(m.now());
                }
            }
        } else {
            m.log(m.tag() + " received lower priority (" + prio + ") advert from " + AddressText.of(a.source())
                    + " - discarding");
            m.discardAdvert(a.source());
        }
    }
}
