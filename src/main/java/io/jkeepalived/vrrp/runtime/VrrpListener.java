package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.vrrp.fsm.VrrpState;

/**
 * What the VRRP runtime tells the rest of the daemon (notify scripts, notify FIFO, SMTP alerts, metrics).
 * Called on the event-loop thread: an implementation must hand the work to its own threads and return at
 * once, so that a slow script or mail server never delays an advert (issue 6).
 */
public interface VrrpListener {
    VrrpListener NONE = new VrrpListener() {
    };

    /**
     * An instance entered {@code state} (MASTER, BACKUP, FAULT, or STOP at shutdown): keepalived's
     * notify_master/backup/fault/stop, the generic notify ("INSTANCE name STATE priority"), FIFO and SMTP.
     */
    default void instanceState(String instance, VrrpState state, int priority) {
    }

    /**
     * A reload removed the instance (vrrp.c clear_diff_vrrp): keepalived announces DELETED where the instance
     * has notify_deleted, else FAULT, and nothing for an instance already in FAULT without notify_deleted.
     * This default is the FAULT half, for listeners that do not know the instance's notify_deleted.
     */
    default void instanceDeleted(String instance, boolean wasFault, int priority) {
        if (!wasFault) instanceState(instance, VrrpState.FAULT, priority);
    }

    /** A sync group entered {@code state}: the group's notify scripts ("GROUP name STATE priority"). */
    default void groupState(String group, VrrpState state, int priority) {
    }

    /** notify_master_rx_lower_pri: a MASTER received an advert with a lower priority. */
    default void masterRxLowerPri(String instance, int priority) {
    }

    /** notify_priority_changes: the FIFO's MASTER_PRIORITY / BACKUP_PRIORITY line. */
    default void priorityChanged(String instance, VrrpState state, int priority) {
    }
}
