package io.jkeepalived.script;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs external programs the way keepalived's system_call_script() does (lib/notify.c): each in its own
 * session and process group (so a hung one is killed with all its children), as its {@link RunAs} user with
 * that user's group as the only supplementary group, stdin/stdout/stderr on /dev/null, the daemon's
 * environment and working directory.
 *
 * <p>The JDK cannot make a child a session leader or change its user, so the program is started through
 * util-linux's {@code setsid} (which execs in place: a JDK child is never a group leader, so its pid stays the
 * group's id) and, for another user, {@code setpriv}. {@link #run} returns at once: starting, timing out and
 * reaping happen on the runner's own platform thread, and the returned future completes there, so a caller
 * (the VRRP event loop) is never delayed by a script; callbacks must be quick or hand work on.
 */
public final class ScriptRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScriptRunner.class);
    private static final File DEV_NULL = new File("/dev/null");

    private final ScheduledExecutorService loop;
    private final RunAs ours;
    private final File workingDirectory;
    private final java.util.Set<String> hiddenEnvironment;
    private final String setsid;
    private final String setpriv;
    private final Map<Long, Run> running = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong exited = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong notStarted = new AtomicLong();

    /** A runner for a daemon running as {@code ours} (scripts as that identity need no setpriv). */
    public ScriptRunner(RunAs ours) {
        this(ours, null, java.util.Set.of());
    }

    /**
     * @param ours              the daemon's identity (scripts run as it need no setpriv)
     * @param workingDirectory  the scripts' working directory, null for the daemon's (keepalived's is "/"
     *                          once it has daemonised, the caller's with -n)
     * @param hiddenEnvironment variables of the daemon's own that scripts must not see (the launcher's)
     */
    public ScriptRunner(RunAs ours, Path workingDirectory, java.util.Set<String> hiddenEnvironment) {
        this.ours = ours;
        this.workingDirectory = workingDirectory == null ? null : workingDirectory.toFile();
        this.hiddenEnvironment = java.util.Set.copyOf(hiddenEnvironment);
        this.setsid = tool("setsid");
        this.setpriv = tool("setpriv");
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "script-runner");
            t.setDaemon(true);
            return t;
        });
    }

    /** A runner for this process's own identity. */
    public ScriptRunner() {
        this(ScriptIdentity.self());
    }

    private static String tool(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return name;
    }

    /** Starts {@code command}; the future completes once it has ended (or been killed, or failed to start). */
    public CompletableFuture<ScriptResult> run(ScriptCommand command) {
        CompletableFuture<ScriptResult> result = new CompletableFuture<>();
        try {
            loop.execute(() -> launch(command, result));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            notStarted.incrementAndGet();
            result.complete(new ScriptResult.NotStarted("script runner closed"));
        }
        return result;
    }

    /** The argv given to the JDK: setsid [setpriv ...] program args. */
    List<String> launchArgv(ScriptCommand command) {
        List<String> argv = new ArrayList<>();
        argv.add(setsid);
        RunAs as = command.runAs();
        if (!as.equals(ours)) {
            argv.add(setpriv);
            argv.add("--regid=" + as.gid());
            argv.add("--groups=" + as.gid());
            argv.add("--reuid=" + as.uid());
            argv.add("--");
        }
        argv.addAll(command.argv());
        return argv;
    }

    private void launch(ScriptCommand command, CompletableFuture<ScriptResult> result) {
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(launchArgv(command))
                    .directory(workingDirectory)
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            if (!hiddenEnvironment.isEmpty()) pb.environment().keySet().removeAll(hiddenEnvironment);
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            notStarted.incrementAndGet();
            log.info("Error exec-ing command '{}', error: {}", command.argv().getFirst(), e.getMessage());
            result.complete(new ScriptResult.NotStarted(String.valueOf(e.getMessage())));
            return;
        }
        started.incrementAndGet();
        Run run = new Run(command, process, result);
        running.put(process.pid(), run);
        if (command.timeout().isPositive()) {
            run.timer = loop.schedule(() -> expire(run), command.timeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        process.onExit().whenCompleteAsync((p, e) -> finished(run), loop);
    }

    /** Timeout: SIGTERM to the group with a grace period when asked, else (or after it) SIGKILL. */
    private void expire(Run run) {
        if (run.done) return;
        long pgid = run.process.pid();
        if (run.lastSignal == 0 && run.command.termGrace().isPositive()) {
            run.lastSignal = ProcessGroups.SIGTERM;
            ProcessGroups.signal(pgid, ProcessGroups.SIGTERM);
            run.timer = loop.schedule(() -> expire(run), run.command.termGrace().toNanos(), TimeUnit.NANOSECONDS);
        } else {
            run.lastSignal = ProcessGroups.SIGKILL;
            ProcessGroups.signal(pgid, ProcessGroups.SIGKILL);
        }
    }

    private void finished(Run run) {
        run.done = true;
        if (run.timer != null) run.timer.cancel(false);
        long pid = run.process.pid();
        running.remove(pid);
        ScriptResult result;
        if (run.lastSignal != 0) {
            // the leader went on a signal of ours: its children may still live (keepalived: kill(-pid, SIGKILL))
            ProcessGroups.signal(pid, ProcessGroups.SIGKILL);
            timedOut.incrementAndGet();
            result = new ScriptResult.TimedOut(run.lastSignal);
        } else {
            exited.incrementAndGet();
            result = new ScriptResult.Exited(run.process.exitValue());
        }
        try {
            run.result.complete(result);
        } catch (RuntimeException e) {
            log.warn("script {} completion failed: {}", run.command.name(), e.toString());
        }
    }

    /** The counters now. */
    public ScriptCounters counters() {
        return new ScriptCounters(started.get(), exited.get(), timedOut.get(), notStarted.get(), running.size());
    }

    /** Waits until no script runs (or the deadline passes); true when none is left. */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!running.isEmpty()) {
            if (System.nanoTime() - deadline >= 0) return false;
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * SIGTERM to the process group of the run whose future is {@code run}, if it still runs: keepalived's
     * script_killall at the start of shutdown reaches its tracked children (the FIFO scripts, the
     * vrrp_scripts), not the notify scripts it started and forgot.
     */
    public void terminate(CompletableFuture<ScriptResult> run) {
        for (Map.Entry<Long, Run> e : running.entrySet()) {
            if (e.getValue().result == run) ProcessGroups.signal(e.getKey(), ProcessGroups.SIGTERM);
        }
    }

    /**
     * Stops every running script as keepalived does at shutdown (script_killall): SIGTERM to each group,
     * SIGKILL to what is left after {@code grace}; then the runner's thread ends.
     */
    public void close(Duration grace) {
        for (Long pgid : running.keySet()) ProcessGroups.signal(pgid, ProcessGroups.SIGTERM);
        try {
            if (!awaitIdle(grace)) {
                for (Long pgid : running.keySet()) ProcessGroups.signal(pgid, ProcessGroups.SIGKILL);
                awaitIdle(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.shutdown();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(1));
    }

    private static final class Run {
        final ScriptCommand command;
        final Process process;
        final CompletableFuture<ScriptResult> result;
        volatile ScheduledFuture<?> timer;
        volatile int lastSignal;
        volatile boolean done;

        Run(ScriptCommand command, Process process, CompletableFuture<ScriptResult> result) {
            this.command = command;
            this.process = process;
            this.result = result;
        }
    }
}
