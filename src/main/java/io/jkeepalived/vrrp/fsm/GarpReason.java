package io.jkeepalived.vrrp.fsm;

/** Why a burst of gratuitous ARPs / unsolicited NAs is asked for (keepalived.conf(5) garp_* keywords). */
public enum GarpReason {
    /** On becoming master: garp_master_repeat at once. */
    BECAME_MASTER,
    /** The second burst garp_master_delay after becoming master. */
    MASTER_DELAYED,
    /** garp_master_refresh, checked on each advert tick while master. */
    REFRESH,
    /** Master heard a lower priority advert: garp_lower_prio_repeat at once. */
    LOWER_PRIORITY_ADVERT,
    /** … and again after garp_lower_prio_delay. */
    LOWER_PRIORITY_DELAYED
}
