package io.jkeepalived.daemon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code -v}: a version block in keepalived's shape. The first line keeps keepalived's
 * {@code Keepalived vX.Y.Z} prefix so that scripts reading the version keep working.
 */
public final class VersionText {
    public static final String KEEPALIVED_VERSION = "2.2.7";
    public static final String JKEEPALIVED_VERSION = "0.1.0";
    /** What start-up and stop log lines name, where keepalived logs its version_string. */
    public static final String VERSION_STRING =
            "Keepalived v" + KEEPALIVED_VERSION + " (jkeepalived v" + JKEEPALIVED_VERSION + ")";

    private VersionText() {}

    public static String block() {
        return VERSION_STRING + "\n\n"
                + "jkeepalived: keepalived " + KEEPALIVED_VERSION + " rebuilt in Java\n"
                + "keepalived: Copyright(C) 2001-2022 Alexandre Cassen, <acassen@gmail.com>\n\n"
                + "Running on " + uname() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")\n";
    }

    /** {@code sysname release version}, as keepalived prints uname(2). */
    public static String uname() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + kernelVersion();
    }

    private static String kernelVersion() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/version")).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
