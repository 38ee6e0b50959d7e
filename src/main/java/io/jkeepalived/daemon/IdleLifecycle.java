package io.jkeepalived.daemon;

import io.jkeepalived.config.model.KeepalivedConfig;
import java.time.Instant;

/** The daemon's runtime until VRRP and the checkers exist: it keeps the configuration and idles. */
final class IdleLifecycle implements Lifecycle {
    private KeepalivedConfig config;
    private Instant started;
    private int reloads;

    @Override
    public void start(KeepalivedConfig c, RuntimeFlags flags) {
        config = c;
        started = Instant.now();
    }

    @Override
    public void reload(KeepalivedConfig c) {
        config = c;
        reloads++;
    }

    @Override
    public void stop() {
        config = null;
    }

    @Override
    public String data() {
        return "------< Global definitions >------\n"
                + " jkeepalived started = " + started + "\n"
                + " Reloads = " + reloads + "\n"
                + " Configuration loaded = " + (config != null) + "\n"
                + "------< VRRP Topology >------\n";
    }

    @Override
    public String stats() {
        return "";
    }

    @Override
    public String json() {
        // keepalived writes no file without VRRP instances (vrrp_print_json)
        return null;
    }
}
