package io.jkeepalived.notify.smtp;

/**
 * What the daemon tells the e-mail alerts (keepalived.conf(5): smtp_alert). Every call returns at once: the
 * mail is queued for a background sender, so it may be made from the VRRP event loop or a checker.
 */
public interface SmtpAlerts extends AutoCloseable {
    /** No mail at all (no smtp_server or no notification_email). */
    SmtpAlerts NONE = new SmtpAlerts() {
        @Override
        public void instanceEntered(String instance, AlertState state) {
        }

        @Override
        public void groupEntered(String group, AlertState state) {
        }

        @Override
        public void realServerChanged(String realServer, String virtualServer, boolean up, String body) {
        }

        @Override
        public void virtualServerChanged(String virtualServer, boolean up, String body) {
        }

        @Override
        public void close() {
        }
    };

    /** A VRRP instance entered {@code state}: mailed when the instance's smtp_alert is on (vrrp_smtp_notifier). */
    void instanceEntered(String instance, AlertState state);

    /** A sync group entered {@code state}: mailed when the group's smtp_alert is on (vrrp_sync_smtp_notifier). */
    void groupEntered(String group, AlertState state);

    /**
     * A real server went up or down. The checker calls this only when the real server's smtp_alert is on (it
     * defaults to on, keepalived's check_data.c) and names both ends in keepalived's "[ip]:proto:port" form.
     */
    void realServerChanged(String realServer, String virtualServer, boolean up, String body);

    /** A virtual server's quorum was gained or lost (ipwrapper.c; its smtp_alert defaults to off). */
    void virtualServerChanged(String virtualServer, boolean up, String body);

    /** Stops queueing; what is queued gets a short time to go out (the STOP alerts of a shutdown). */
    @Override
    void close();
}
