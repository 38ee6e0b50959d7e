package io.jkeepalived.daemon;

import io.jkeepalived.notify.smtp.AlertState;
import io.jkeepalived.notify.smtp.SmtpAlerts;
import io.jkeepalived.vrrp.fsm.VrrpState;
import io.jkeepalived.vrrp.runtime.VrrpListener;

/**
 * Passes the VRRP runtime's transitions to the e-mail alerts (vrrp_notify.c send_instance_notifies and
 * send_group_notifies end with the SMTP notifier). Runs on the event loop; the alerts only queue.
 */
final class SmtpVrrpListener implements VrrpListener {
    private volatile SmtpAlerts alerts;

    SmtpVrrpListener(SmtpAlerts alerts) {
        this.alerts = alerts;
    }

    /** A reload's new global_defs: later transitions go to {@code next}; answers the alerts it replaces. */
    SmtpAlerts swap(SmtpAlerts next) {
        SmtpAlerts old = alerts;
        alerts = next;
        return old;
    }

    /** The alerts in use (the checkers' alerts go there too). */
    SmtpAlerts current() {
        return alerts;
    }

    @Override
    public void instanceState(String instance, VrrpState state, int priority) {
        AlertState s = of(state);
        if (s != null) alerts.instanceEntered(instance, s);
    }

    @Override
    public void groupState(String group, VrrpState state, int priority) {
        AlertState s = of(state);
        if (s != null) alerts.groupEntered(group, s);
    }

    /** INIT is never mailed (keepalived's notifiers return for any state they have no words for). */
    static AlertState of(VrrpState state) {
        return switch (state) {
            case MASTER -> AlertState.MASTER;
            case BACKUP -> AlertState.BACKUP;
            case FAULT -> AlertState.FAULT;
            case STOP -> AlertState.STOP;
            case INIT -> null;
        };
    }
}
