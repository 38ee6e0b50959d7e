package io.jkeepalived.daemon;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.daemon.cli.Options;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Running in the background without fork(2): the JVM starts itself again under setsid(1) (a new session,
 * no controlling terminal, stdio on /dev/null) and returns once the copy has written its pid file, the way
 * keepalived's parent returns after xdaemon(). keepalived checks the configuration and the pid files before
 * it forks, so failures show in the foreground: here the same checks run first, and when one fails the
 * daemon runs in the foreground to report it with keepalived's messages and exit status.
 */
final class Detach {
    /** Set in the copy's environment: it is the detached daemon and must not detach again. */
    static final String MARKER = "JKEEPALIVED_DETACHED";
    private static final long START_TIMEOUT_MS = 60_000;

    private Detach() {}

    static boolean isDetachedCopy() {
        return System.getenv(MARKER) != null;
    }

    /** True when the daemon would get past configuration and "already running". Quiet. */
    static boolean wouldStart(Options o) {
        LoadResult r = ConfigLoader.load(ConfigTest.loadOptions(o));
        if (r.mainFileMissing() || r.missingParameter() || Daemon.cannotRun(r)) return false;
        List<Path> files = new ArrayList<>(List.of(o.pidFile()));
        if (o.runVrrp()) files.add(o.vrrpPidFile());
        if (o.runCheckers()) files.add(o.checkersPidFile());
        return !PidFile.anyRunning(files, PidFile::isAlive, m -> {});
    }

    /**
     * Starts the background copy, inside namespace {@code ns} when not null; returns 0 once its pid file
     * names it, else its exit status.
     */
    static int start(Options o, String ns) {
        List<String> self = Relaunch.selfCommand();
        if (self == null) {
            System.err.println("jkeepalived: cannot read this process's command line to detach; use -n");
            return 1;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("setsid");
        cmd.addAll(ns == null ? self : Relaunch.inNamespace(ns, self));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(MARKER, "1");
        if (ns != null) pb.environment().put(Relaunch.NETNS_MARKER, ns);
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            System.err.println("jkeepalived: cannot start the background daemon: " + e.getMessage());
            return 1;
        }
        long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            long written = PidFile.read(o.pidFile());
            if (written == child.pid() && child.isAlive()) return 0;
            if (!child.isAlive()) return child.exitValue();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        System.err.println("jkeepalived: the background daemon did not write " + o.pidFile() + " within "
                + START_TIMEOUT_MS / 1000 + " s");
        return 1;
    }
}
