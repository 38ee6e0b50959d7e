package io.jkeepalived.vrrp.track;

/** The trackers' current states by name, as the runtime holds them (unknown names count as down / 0). */
public interface TrackerView {
    TrackerState script(String name);

    TrackerState process(String name);

    /** keepalived's IF_FLAGS_UP: administratively up and running. */
    boolean interfaceUp(String name);

    /** A track_file's last value read (0 when missing). */
    long fileValue(String name);
}
