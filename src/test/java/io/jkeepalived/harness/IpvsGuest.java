package io.jkeepalived.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real IPVS for tests: runs a shell script as root in a QEMU guest booted from Debian's kernel (the host
 * kernel here has no IPVS), through {@code bin/lib/ipvs-guest.sh}. The guest sees the host's root read-only
 * with its own proc, sys, dev and a tmpfs on /tmp, /run and /dev/shm, so host binaries (ipvsadm, keepalived,
 * java, this project's jar) run there, but files under the host's /tmp are NOT visible: keep what the guest
 * reads elsewhere. Every IPVS scheduler module is loaded and lo is up; the guest has no other network.
 * <p>
 * A boot costs 7–15 s of two cores under software emulation: run one guest at a time (this class does),
 * and put all of a test's steps in one script rather than booting per step.
 */
public final class IpvsGuest {
    /** Boot and a short script with room for a loaded machine; a JVM in the guest takes ~2 s more. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(3);
    /** The first use downloads Debian's kernel and busybox (~70 MB) and builds the initramfs. */
    private static final Duration BUILD_DEADLINE = Duration.ofMinutes(10);

    private static boolean built;

    private IpvsGuest() {}

    /** Runs {@code script} with bash in the guest; its stdout, stderr and exit status come back. */
    public static CommandResult run(String script) {
        return run(script, DEFAULT_DEADLINE);
    }

    /**
     * As {@link #run(String)}; a guest still running after {@code deadline} is stopped and the result has exit
     * code 124, one that failed before reporting a status 125 (with its console on stderr).
     */
    public static synchronized CommandResult run(String script, Duration deadline) {
        requireRoot();
        build();
        long secs = Math.max(1, deadline.toSeconds());
        List<String> command = List.of(launcher().toString(), "run", "-t", Long.toString(secs), "--",
                "bash", "-c", script);
        // the launcher enforces the deadline on QEMU itself; this one only guards against a stuck launcher
        return Shell.run(command, deadline.plusSeconds(30));
    }

    private static void build() {
        if (built) return;
        Packages.require("ipvsadm", "ipvsadm");
        Shell.run(List.of(launcher().toString(), "build"), BUILD_DEADLINE).orThrow();
        built = true;
    }

    private static Path launcher() {
        return NetLab.home().resolve("bin/lib/ipvs-guest.sh");
    }

    private static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("IPVS guest tests need root (QEMU shares the host root); run bin/test as"
                    + " root, or exclude them with -DexcludedGroups=integration");
        }
    }
}
