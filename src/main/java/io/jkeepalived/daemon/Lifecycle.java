package io.jkeepalived.daemon;

import io.jkeepalived.config.model.KeepalivedConfig;

/**
 * What the daemon drives: the runtime rooms (VRRP, checkers, IPVS) behind one narrow interface. The
 * daemon owns the process (flags, logs, pid files, signals); an implementation owns the protocol work.
 * All calls come from the daemon's main thread, one at a time.
 */
public interface Lifecycle {
    /** Start with the configuration read at start-up and the command line's runtime flags. */
    void start(KeepalivedConfig config, RuntimeFlags flags);

    /** SIGHUP: a new configuration was read without errors that stop keepalived; apply it. */
    void reload(KeepalivedConfig config);

    /** SIGTERM/SIGINT: stop everything (release VIPs unless -V, IPVS unless -I). */
    void stop();

    /** SIGUSR1: the text of /tmp/keepalived.data. */
    String data();

    /** SIGUSR2: the text of /tmp/keepalived.stats. */
    String stats();

    /** SIGRTMAX-1 (STATS_CLEAR): the stats text, with the counts zeroed after it was taken. */
    default String clearStats() {
        return stats();
    }

    /** SIGRTMIN+2 (JSON): the text of /tmp/keepalived.json; null when there is nothing to write. */
    String json();
}
