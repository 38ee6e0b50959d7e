package io.jkeepalived.daemon;

import io.jkeepalived.net.linux.SignalFd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This JVM's own command line, to start it again: detached under setsid(1), or inside a network namespace
 * through {@code ip netns exec} ({@code -s}), since setns(2) would move only the calling thread
 * (lab-facts: re-exec under the namespace). Both keep the pid the child starts with (setsid and ip exec
 * in place), so the pid files name the JVM that operators signal.
 */
final class Relaunch {
    /** In the copy's environment: the namespace it was started in. */
    static final String NETNS_MARKER = "JKEEPALIVED_NETNS";

    /** bin/jkeepalived's perl step: block SIGRTMIN+2 and SIGRTMAX-1, then exec the rest in place. */
    private static final String BLOCK_RT = "use POSIX; sigprocmask(SIG_BLOCK, POSIX::SigSet->new("
            + SignalEvents.SIGJSON + ", " + SignalEvents.SIGSTATS_CLEAR
            + ")) or die \"sigprocmask: $!\"; exec {$ARGV[0]} @ARGV or die \"exec: $!\"";

    private Relaunch() {}

    /** java and its arguments as this process was started, or null when /proc does not say. */
    static List<String> selfCommand() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String[] args = info.arguments().orElse(null);
        if (args == null) return null;
        List<String> cmd = new ArrayList<>();
        // a JDK child starts with no signal blocked: block the real-time ones again, as bin/jkeepalived did,
        // or JSON and STATS_CLEAR would kill the relaunched daemon (see SignalEvents)
        if (SignalFd.blocked(SignalEvents.SIGJSON)) cmd.addAll(List.of("perl", "-e", BLOCK_RT, "--"));
        cmd.add(info.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** True when {@code -s NAME} asks for a namespace this process was not started in. */
    static boolean namespaceNeeded(String ns) {
        return ns != null && !ns.equals(System.getenv(NETNS_MARKER));
    }

    static List<String> inNamespace(String ns, List<String> cmd) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(cmd);
        return c;
    }

    /**
     * {@code -n -s NAME}: run the daemon in the namespace and stay in front of it, passing on the signals
     * keepalived takes, and exit with its status.
     */
    static int foregroundInNamespace(String ns, List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(inNamespace(ns, cmd)).inheritIO();
        pb.environment().put(NETNS_MARKER, ns);
        Process child;
        try {
            child = pb.start();
        } catch (java.io.IOException e) {
            System.err.println("jkeepalived: cannot run ip netns exec " + ns + ": " + e.getMessage());
            return 1;
        }
        for (String sig : List.of("TERM", "INT", "HUP", "USR1", "USR2")) {
            sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> forward(sig, child.pid()));
        }
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void forward(String sig, long pid) {
        try {
            new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (java.io.IOException | InterruptedException e) {
            // the child may be gone already; nothing to forward to
        }
    }
}
