package io.jkeepalived.notify;

/** Whether a notification is about a vrrp_instance or a vrrp_sync_group: the generic notify's first word. */
public enum NotifyKind {
    INSTANCE, GROUP
}
