package io.jkeepalived.notify.smtp;

/**
 * The states an alert can announce for a VRRP instance or sync group (vrrp_notify.c's smtp notifiers).
 * Kept here rather than borrowed from the VRRP room: notify does not know vrrp, the daemon maps one to the other.
 */
public enum AlertState {
    MASTER, BACKUP, FAULT, STOP, DELETED
}
