package io.jkeepalived.vrrp.fsm;

/**
 * Instance states, with keepalived's numbers (vrrp.h) and the words its notify scripts and FIFO use.
 * FAULT is keepalived's own (not RFC), STOP is where every instance ends at shutdown.
 */
public enum VrrpState {
    INIT(0, "INIT"),
    BACKUP(1, "BACKUP"),
    MASTER(2, "MASTER"),
    FAULT(3, "FAULT"),
    STOP(98, "STOP");

    private final int code;
    private final String word;

    VrrpState(int code, String word) {
        this.code = code;
        this.word = word;
    }

    /** keepalived's numeric state (as in the JSON/data dumps). */
    public int code() {
        return code;
    }

    /** The word in log lines, notify arguments and FIFO lines: {@code MASTER}, {@code BACKUP}, … */
    public String word() {
        return word;
    }
}
