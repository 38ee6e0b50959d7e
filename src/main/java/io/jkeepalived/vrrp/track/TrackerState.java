package io.jkeepalived.vrrp.track;

/** A boolean tracker's view: a script that has not reported yet is PENDING (keepalived's init_state). */
public enum TrackerState {
    PENDING, OK, FAILED;

    public static TrackerState of(boolean ok) {
        return ok ? OK : FAILED;
    }
}
