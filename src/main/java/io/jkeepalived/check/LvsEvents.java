package io.jkeepalived.check;

import io.jkeepalived.config.model.Script;

/**
 * The port through which the checker core's decisions leave it: log lines in keepalived's words, IPVS
 * commands, notify scripts (notify_up/down, quorum_up/down) and SMTP alerts. Called on the scheduler's thread.
 */
public interface LvsEvents {
    void log(String line);

    void ipvs(IpvsCommand command);

    /** A notify script to start and not wait for (keepalived's notify_exec). */
    void notify(Script script);

    /**
     * A line for notify_fifo and lvs_notify_fifo (ipwrapper.c notify_fifo_vs/notify_fifo_rs):
     * {@code VS [vs] UP|DOWN} or {@code RS [rs] [vs] UP|DOWN}, with its newline.
     */
    default void fifo(String line) {}

    /** keepalived's smtp_alert for a real server ({@code rs} set) or a virtual server. */
    void smtpAlert(String vs, String rs, String state, String message);
}
