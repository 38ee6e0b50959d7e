package io.jkeepalived.vrrp.fsm;

import io.jkeepalived.vrrp.fsm.VrrpDecision.NotifyMasterRxLowerPri;
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendAdvert;
import io.jkeepalived.vrrp.fsm.VrrpEvent.AdvertReceived;

/**
 * What a MASTER does with an advert (RFC 5798 §6.4.3, keepalived vrrp.c vrrp_state_master_rx): answer a
 * priority-0 advert at once, defend against a lower priority (or equal priority from a lower address),
 * yield to a higher priority (or equal priority from a higher address). Addresses compare as unsigned
 * integers.
 */
final class MasterAdvertRules {
    private MasterAdvertRules() {
    }

    static void receive(VrrpMachine m, AdvertReceived a) {
        InstanceSpec spec = m.spec();
        int prio = a.priority();
        int ours = m.effectivePriority();
        int cmp = AddressText.compare(a.source(), spec.sourceAddress());

        if (prio == 0 || (spec.higherPrioSendAdvert() && (prio > ours || (prio == ours && cmp > 0)))) {
            m.emit(SendAdvert.of(ours));
            if (prio == 0) {
                // RFC 5798 §6.4.3: the stopping router's backups must hear us before their skew time.
                m.detail(m.tag() + " Master received priority 0 message");
                return;
            }
        }

        if (prio == ours) {
            if (cmp == 0) {
                m.log(m.tag() + " WARNING - equal priority advert received from remote host with our IP address.");
            } else if (ours == InstanceSpec.OWNER_PRIORITY) {
                m.log(m.tag() + " CONFIGURATION ERROR: local instance and a remote instance are both configured"
                        + " as address owner, please fix - reducing local priority");
                m.demoteOwner();
                ours = m.effectivePriority();
            }
        }

        if (prio < ours || (prio == ours && cmp < 0)) {
            defend(m, a, ours);
            return;
        }

        if (prio > ours || (prio == ours && cmp > 0)) {
            if (prio > ours) {
                m.log(m.tag() + " Master received advert from " + AddressText.of(a.source())
                        + " with higher priority " + prio + ", ours " + ours);
            } else {
                m.log(m.tag() + " Master received advert from " + AddressText.of(a.source())
                        + " with same priority " + prio + " but higher IP address than ours");
            }
            m.adoptMasterInterval(a);
            m.recordMaster(a.source(), prio);
            // No priority-0 advert: the new master is already there.
            m.leaveMaster(VrrpState.BACKUP, false, TransitionReason.HIGHER_PRIORITY);
        }
    }

    /** A lower-priority router thinks it is master: re-assert ourselves and refresh ARP caches. */
    private static void defend(VrrpMachine m, AdvertReceived a, int ours) {
        InstanceSpec spec = m.spec();
        m.log(m.tag() + " Received advert from " + AddressText.of(a.source()) + " with lower priority "
                + a.priority() + ", ours " + ours + (spec.lowerPrioNoAdvert() ? "" : ", forcing new election"));
        if (!spec.lowerPrioNoAdvert()) m.emit(SendAdvert.of(ours));
        m.lowerPriorityGarps();
        m.emit(new NotifyMasterRxLowerPri(ours));
    }
}
