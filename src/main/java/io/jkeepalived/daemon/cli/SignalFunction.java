package io.jkeepalived.daemon.cli;

/**
 * {@code --signum=SIGFUNC}: the signal that asks keepalived for each function, as keepalived 2.2.7 on
 * Linux x86-64 prints them (measured: STOP 15, RELOAD 1, DATA 10, STATS 12, STATS_CLEAR 63 = SIGRTMAX-1,
 * JSON 36 = SIGRTMIN+2). TDUMP exists only in keepalived's THREAD_DUMP builds, not Debian's: "Unknown sigfunc".
 */
public enum SignalFunction {
    STOP(15),
    RELOAD(1),
    DATA(10),
    STATS(12),
    STATS_CLEAR(63),
    JSON(36);

    public final int number;

    SignalFunction(int number) {
        this.number = number;
    }

    /** The function named exactly (keepalived compares case-sensitively), or null. */
    public static SignalFunction named(String name) {
        for (SignalFunction f : values()) {
            if (f.name().equals(name)) return f;
        }
        return null;
    }
}
