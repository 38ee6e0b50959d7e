package io.jkeepalived.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Facts of the host a config is judged against, read from files (no kernel calls: that is net/'s job). */
public final class HostNames {
    private HostNames() {}

    /** The node name up to its first '.', keepalived's default config id. */
    public static String shortHostName() {
        String h;
        try {
            h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (java.io.IOException e) {
            h = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        int dot = h.indexOf('.');
        return dot < 0 ? h : h.substring(0, dot);
    }

    /** The full node name (for router_id's default). */
    public static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** Whether an interface exists in this process's network namespace (sysfs shows the caller's namespace). */
    public static boolean interfaceExists(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) return false;
        return Files.exists(Path.of("/sys/class/net", name));
    }
}
