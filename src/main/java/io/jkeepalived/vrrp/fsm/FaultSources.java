package io.jkeepalived.vrrp.fsm;

/**
 * What keeps an instance in FAULT (keepalived's num_script_if_fault and num_script_init): its own interface
 * down, failed weight-0 trackers, and weight-0 scripts still waiting for their first result.
 */
final class FaultSources {
    /** What a change of the sources asks of the machine. */
    enum Change { NONE, GO_DOWN, TRY_UP }

    private boolean interfaceUp = true;
    private int failed;
    private int pending;

    /** A fault is present (pending scripts alone hold the instance in FAULT but are not a fault). */
    boolean faulted() {
        return !interfaceUp || failed > 0;
    }

    boolean pending() {
        return pending > 0;
    }

    boolean interfaceUp() {
        return interfaceUp;
    }

    int failed() {
        return failed;
    }

    int pendingCount() {
        return pending;
    }

    /**
     * down_instance runs when the first fault appears; try_up_instance when the last fault clears or the
     * last pending script reports, with nothing else holding the instance in FAULT.
     */
    Change update(boolean ifUp, int failedNow, int pendingNow, boolean inFault) {
        boolean wasFaulted = faulted();
        int wasPending = pending;
        interfaceUp = ifUp;
        failed = failedNow;
        pending = pendingNow;
        boolean isFaulted = faulted();
        if (!wasFaulted && isFaulted) return Change.GO_DOWN;
        if (!isFaulted && pending == 0 && (wasFaulted || wasPending > 0) && inFault) return Change.TRY_UP;
        return Change.NONE;
    }
}
