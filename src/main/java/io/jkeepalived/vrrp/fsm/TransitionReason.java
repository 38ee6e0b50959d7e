package io.jkeepalived.vrrp.fsm;

/**
 * Why a state changed. The master reasons follow RFC 6527's vrrpv3StatisticsMasterReason as keepalived
 * records them (next_master_reason): no response from the master, its priority-0 advert, or preemption.
 */
public enum TransitionReason {
    /** Leaving INIT at start-up. */
    STARTUP,
    /** BACKUP's master-down timer ran out without hearing the master. */
    MASTER_NO_RESPONSE,
    /** BACKUP's timer ran out after the master announced priority 0 (RFC 5798 §6.4.2). */
    PRIORITY_ZERO,
    /** Taking over from a lower priority master, or an owner claiming its addresses. */
    PREEMPTED,
    /** MASTER heard a higher priority (or equal priority, higher address) advert (RFC 5798 §6.4.3). */
    HIGHER_PRIORITY,
    /** A fault appeared (interface down, weight-0 tracker failed). */
    FAULT,
    /** The last fault cleared. */
    FAULT_CLEARED,
    /** The instance's sync group pulled it along. */
    SYNC_GROUP,
    /** The daemon is stopping. */
    SHUTDOWN
}
