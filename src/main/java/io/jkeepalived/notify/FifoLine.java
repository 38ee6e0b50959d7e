package io.jkeepalived.notify;

/**
 * A notify FIFO line (vrrp_notify.c notify_fifo): {@code INSTANCE "VI_1" MASTER 100} and a newline. A group's
 * priority is always 0. Besides the states, instance lines carry the events MASTER_RX_LOWER_PRI,
 * MASTER_PRIORITY and BACKUP_PRIORITY.
 */
public final class FifoLine {
    public static final String MASTER_RX_LOWER_PRI = "MASTER_RX_LOWER_PRI";
    public static final String MASTER_PRIORITY = "MASTER_PRIORITY";
    public static final String BACKUP_PRIORITY = "BACKUP_PRIORITY";

    private FifoLine() {
    }

    public static String of(NotifyKind kind, String name, String word, int priority) {
        return kind.name() + " \"" + name + "\" " + word + " " + priority + "\n";
    }
}
