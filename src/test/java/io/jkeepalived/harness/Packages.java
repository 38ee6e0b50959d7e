package io.jkeepalived.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Installs a Debian package when the command a test needs is missing (as bin/test does for its own list),
 * so a fresh machine runs the tests without a hand-made setup step.
 */
public final class Packages {
    private Packages() {}

    /** Makes sure {@code command} exists, installing {@code pkg} with apt-get when it does not. */
    public static synchronized void require(String command, String pkg) {
        if (onPath(command)) return;
        List<String> install = List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", pkg);
        CommandResult r = Shell.run(install, Duration.ofMinutes(5));
        if (!r.ok()) {
            Shell.run(List.of("apt-get", "update", "-qq"), Duration.ofMinutes(5));
            r = Shell.run(install, Duration.ofMinutes(5));
        }
        if (!onPath(command)) throw new IllegalStateException("cannot install " + pkg + " for " + command + ":\n" + r.describe());
    }

    private static boolean onPath(String command) {
        for (String d : List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            if (Files.isExecutable(Path.of(d, command))) return true;
        }
        return false;
    }
}
