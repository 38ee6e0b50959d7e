package io.jkeepalived.daemon;

import io.jkeepalived.notify.Notifier;
import io.jkeepalived.notify.NotifyState;
import io.jkeepalived.vrrp.fsm.VrrpState;
import io.jkeepalived.vrrp.runtime.VrrpListener;

/**
 * Adapts the VRRP runtime's transitions to the notify room (notify scripts and FIFOs), then passes them on to
 * {@code next} (the e-mail alerts): keepalived's order. The two rooms do not know each other (STYLE.md arrows).
 * Called on the VRRP event loop; the {@link Notifier} returns at once.
 */
final class NotifyListener implements VrrpListener {
    private final Notifier notifier;
    private final VrrpListener next;

    NotifyListener(Notifier notifier, VrrpListener next) {
        this.notifier = notifier;
        this.next = next;
    }

    /** The notify word for a VRRP state; INIT is never announced (keepalived's get_iscript has no script). */
    static NotifyState of(VrrpState state) {
        return switch (state) {
            case MASTER -> NotifyState.MASTER;
            case BACKUP -> NotifyState.BACKUP;
            case FAULT -> NotifyState.FAULT;
            case STOP -> NotifyState.STOP;
            case INIT -> null;
        };
    }

    @Override
    public void instanceState(String instance, VrrpState state, int priority) {
        NotifyState s = of(state);
        if (s != null) notifier.instanceState(instance, s, priority);
        next.instanceState(instance, state, priority);
    }

    @Override
    public void instanceDeleted(String instance, boolean wasFault, int priority) {
        notifier.instanceDeleted(instance, wasFault, priority);
        next.instanceDeleted(instance, wasFault, priority);
    }

    @Override
    public void groupState(String group, VrrpState state, int priority) {
        NotifyState s = of(state);
        if (s != null) notifier.groupState(group, s);
        next.groupState(group, state, priority);
    }

    @Override
    public void masterRxLowerPri(String instance, int priority) {
        notifier.masterRxLowerPri(instance, priority);
        next.masterRxLowerPri(instance, priority);
    }

    @Override
    public void priorityChanged(String instance, VrrpState state, int priority) {
        notifier.priorityChanged(instance, state == VrrpState.MASTER, priority);
        next.priorityChanged(instance, state, priority);
    }
}
