package io.jkeepalived.daemon;

import io.jkeepalived.check.IpvsCommand;
import io.jkeepalived.check.LvsEvents;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.notify.smtp.SmtpAlerts;
import java.util.function.Supplier;

/**
 * The checkers' events with their SMTP alerts mailed (check_*.c and ipwrapper.c call smtp_alert): everything
 * goes on to {@code next} as before, and each alert is also queued for the mail sender, which returns at once.
 */
final class SmtpLvsEvents implements LvsEvents {
    private final LvsEvents next;
    private final Supplier<SmtpAlerts> alerts;

    SmtpLvsEvents(LvsEvents next, Supplier<SmtpAlerts> alerts) {
        this.next = next;
        this.alerts = alerts;
    }

    @Override
    public void log(String line) {
        next.log(line);
    }

    @Override
    public void ipvs(IpvsCommand command) {
        next.ipvs(command);
    }

    @Override
    public void notify(Script script) {
        next.notify(script);
    }

    @Override
    public void fifo(String line) {
        next.fifo(line);
    }

    /** {@code rs} null: the virtual server's quorum ("[rid] Virtualserver VS - UP"); else a real server. */
    @Override
    public void smtpAlert(String vs, String rs, String state, String message) {
        next.smtpAlert(vs, rs, state, message);
        boolean up = "UP".equals(state);
        if (rs == null) alerts.get().virtualServerChanged(vs, up, message);
        else alerts.get().realServerChanged(rs, vs, up, message);
    }
}
