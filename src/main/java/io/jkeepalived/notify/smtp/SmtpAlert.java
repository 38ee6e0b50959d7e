package io.jkeepalived.notify.smtp;

import java.util.Optional;

/**
 * One e-mail alert: its Subject and its one-line body, in keepalived 2.2.7's words (core/smtp.c smtp_alert,
 * vrrp/vrrp_notify.c, check/*). keepalived cuts the subject to 255 bytes and the body to 511.
 */
public record SmtpAlert(String subject, String body) {
    static final int MAX_SUBJECT = 255;
    static final int MAX_BODY = 511;

    public SmtpAlert {
        subject = cut(subject, MAX_SUBJECT);
        body = cut(body, MAX_BODY);
    }

    /** A VRRP instance entered {@code state}: "[router_id] VRRP Instance VI_1 - Entering MASTER state". */
    public static SmtpAlert instance(String routerId, String instance, AlertState state) {
        String what = switch (state) {
            case MASTER -> "=> VRRP Instance is now owning VRRP VIPs <=";
            case BACKUP, FAULT -> "=> VRRP Instance is no longer owning VRRP VIPs <=";
            case STOP -> "=> VRRP Instance stopping <=";
            case DELETED -> "=> VRRP Deleted at reload <=";
        };
        return new SmtpAlert(prefix(routerId) + "VRRP Instance " + instance + " - " + headline(state), what);
    }

    /** A sync group entered {@code state}; keepalived has no group text for DELETED, so none is sent. */
    public static Optional<SmtpAlert> group(String routerId, String group, AlertState state) {
        String what = switch (state) {
            case MASTER -> "=> All VRRP group instances are now in MASTER state <=";
            case BACKUP -> "=> All VRRP group instances are now in BACKUP state <=";
            case FAULT -> "=> All VRRP group instances are now in FAULT state <=";
            case STOP -> "=> All VRRP group instances are now stopping <=";
            case DELETED -> null;
        };
        if (what == null) return Optional.empty();
        return Optional.of(new SmtpAlert(prefix(routerId) + "VRRP Group " + group + " - " + headline(state), what));
    }

    /**
     * A real server went UP or DOWN: "[router_id] Realserver [10.0.0.2]:tcp:80 of virtual server
     * [10.0.0.1]:tcp:80 - UP". The checker names both ends in keepalived's FMT_RS/FMT_VS text and gives the
     * body (e.g. "=> TCP CHECK succeed on service <=").
     */
    public static SmtpAlert realServer(String routerId, String realServer, String virtualServer, boolean up, String body) {
        return new SmtpAlert(prefix(routerId) + "Realserver " + realServer + " of virtual server " + virtualServer
                + " - " + (up ? "UP" : "DOWN"), body);
    }

    /** A real server removed at reload or shutdown: always "DOWN", body "=> Shutting down <=" or "=> Removing <=". */
    public static SmtpAlert realServerRemoved(String routerId, String realServer, String virtualServer, boolean stopping) {
        return realServer(routerId, realServer, virtualServer, false,
                stopping ? "=> Shutting down <=" : "=> Removing <=");
    }

    /** A virtual server's quorum went UP or DOWN: "[router_id] Virtualserver [10.0.0.1]:tcp:80 - UP". */
    public static SmtpAlert virtualServer(String routerId, String virtualServer, boolean up, String body) {
        return new SmtpAlert(prefix(routerId) + "Virtualserver " + virtualServer + " - " + (up ? "UP" : "DOWN"), body);
    }

    private static String headline(AlertState state) {
        return switch (state) {
            case MASTER -> "Entering MASTER state";
            case BACKUP -> "Entering BACKUP state";
            case FAULT -> "Entering FAULT state";
            case STOP -> "Stopping";
            case DELETED -> "Deleted";
        };
    }

    // keepalived always has a router_id by then (router_id, else the host's name), "[(null)]" cannot happen
    private static String prefix(String routerId) {
        return "[" + routerId + "] ";
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
