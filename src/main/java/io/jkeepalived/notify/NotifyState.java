package io.jkeepalived.notify;

/** The states notify scripts are told of, in keepalived's words (vrrp_notify.c notify_script_exec). */
public enum NotifyState {
    MASTER, BACKUP, FAULT, STOP, DELETED
}
