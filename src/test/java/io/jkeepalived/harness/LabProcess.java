package io.jkeepalived.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A long-running process started under {@code setsid}, so it leads its own process group: a hard kill is
 * SIGKILL to the whole group (lab-facts: SIGKILL to keepalived's parent alone is a graceful stop).
 * stdout and stderr go line by line to files and to memory, where tests wait for lines with deadlines.
 */
public final class LabProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final long pid;
    private final long pgid;
    private final Path stdoutFile;
    private final Path stderrFile;
    private final Object lock = new Object();
    private final List<String> lines = new ArrayList<>();
    private final List<String> stdoutLines = new ArrayList<>();
    private final List<String> stderrLines = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private LabProcess(String name, Process process, long pgid, Path stdoutFile, Path stderrFile) {
        this.name = name;
        this.process = process;
        this.pid = process.pid();
        this.pgid = pgid;
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
        this.outReader = pump(process.getInputStream(), stdoutFile, stdoutLines);
        this.errReader = pump(process.getErrorStream(), stderrFile, stderrLines);
    }

    /**
     * Starts {@code command} (already wrapped for its namespace, e.g. {@code ip netns exec NS …}) under
     * {@code setsid}. {@code setsid} and {@code ip netns exec} both exec in place, so the pid we get is the
     * program's pid and, once it has called setsid(), its process group id.
     */
    static LabProcess start(String name, List<String> prefix, List<String> command, Path dir) {
        List<String> full = new ArrayList<>(prefix);
        full.add("setsid");
        full.addAll(command);
        Path out = dir.resolve(name + ".stdout");
        Path err = dir.resolve(name + ".stderr");
        Process p;
        try {
            Files.createDirectories(dir);
            p = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + full, e);
        }
        Leftovers.process(p.pid());
        // Until the child has called setsid() its group is ours: never signal a group before that.
        long pgid = Poll.first(Duration.ofSeconds(10), () -> {
            OptionalInt g = ProcStat.pgrp(p.pid());
            if (g.isPresent() && g.getAsInt() == p.pid()) return Optional.of(p.pid());
            if (!p.isAlive()) return Optional.of(-1L);
            return Optional.empty();
        }).orElse(-1L);
        return new LabProcess(name, p, pgid, out, err);
    }

    private Thread pump(InputStream in, Path file, List<String> own) {
        return Thread.ofPlatform().daemon().name("lab-" + name).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                 Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.write(line);
                    w.write('\n');
                    w.flush();
                    synchronized (lock) {
                        own.add(line);
                        lines.add(line);
                        lock.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the stream closes when the process dies; nothing more to read
            }
        });
    }

    public String name() { return name; }
    public long pid() { return pid; }
    /** The process group id, or -1 when the process died before it had its own group. */
    public long pgid() { return pgid; }
    public Path stdoutFile() { return stdoutFile; }
    public Path stderrFile() { return stderrFile; }
    public boolean isAlive() { return process.isAlive(); }

    /** Every output line so far, stdout and stderr interleaved in arrival order. */
    public List<String> lines() {
        synchronized (lock) {
            return List.copyOf(lines);
        }
    }

    public List<String> stdoutLines() {
        synchronized (lock) {
            return List.copyOf(stdoutLines);
        }
    }

    public List<String> stderrLines() {
        synchronized (lock) {
            return List.copyOf(stderrLines);
        }
    }

    public String output() {
        return String.join("\n", lines());
    }

    /** The number of lines seen so far: pass it to {@link #waitForLine(Pattern, Duration, int)} to wait for a new one. */
    /** The lines from {@code mark} on, from one snapshot (two calls of {@link #lines()} may differ in length). */
    public List<String> linesSince(int mark) {
        List<String> all = lines();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    public int mark() {
        synchronized (lock) {
            return lines.size();
        }
    }

    public String waitForLine(String contains, Duration timeout) {
        return waitForLine(Pattern.compile(Pattern.quote(contains)), timeout, 0);
    }

    public String waitForLine(Pattern pattern, Duration timeout) {
        return waitForLine(pattern, timeout, 0);
    }

    /** The first line at index {@code from} or later matching {@code pattern}; fails with the output tail on timeout. */
    public String waitForLine(Pattern pattern, Duration timeout, int from) {
        Optional<String> hit = findLine(pattern, timeout, from);
        if (hit.isEmpty()) {
            throw new AssertionError(name + ": no line matching /" + pattern + "/ within " + timeout
                    + (isAlive() ? "" : " (process exited with " + process.exitValue() + ")") + "\n" + tail(40)
                    + threadDump());
        }
        return hit.get();
    }

    /**
     * When this is a live Java process (jkeepalived), its threads' stacks from {@code jcmd Thread.print}, so
     * that a daemon that stopped answering can be diagnosed from the failed test's message; else empty.
     */
    public String threadDump() {
        if (!isAlive()) return "";
        try {
            String exe = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/" + pid + "/exe")).toString();
            if (!exe.endsWith("/java")) return "";
            java.nio.file.Path jcmd = java.nio.file.Path.of(exe).resolveSibling("jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly();
            return "\n--- " + name + " threads (jcmd " + pid + " Thread.print) ---\n"
                    + new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            return "\n(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Like {@link #waitForLine(Pattern, Duration, int)} but answers empty instead of failing. */
    public Optional<String> findLine(Pattern pattern, Duration timeout, int from) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = from;
        synchronized (lock) {
            while (true) {
                for (; next < lines.size(); next++) {
                    if (pattern.matcher(lines.get(next)).find()) return Optional.of(lines.get(next));
                }
                long left = deadline - System.nanoTime();
                boolean drained = !process.isAlive() && !outReader.isAlive() && !errReader.isAlive();
                if (left <= 0 || drained) return Optional.empty();
                try {
                    lock.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    public long count(Pattern pattern) {
        return lines().stream().filter(l -> pattern.matcher(l).find()).count();
    }

    /** Polls {@code condition} until it holds; the failure message carries this process's output tail. */
    public void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        Poll.until(() -> what + " (" + name + " output tail:\n" + tail(40) + ")" + threadDump(), timeout, condition);
    }

    /** Waits for the process to end and for its output to be read; answers its exit code. */
    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + timeout + "\n" + tail(40) + threadDump());
            }
            outReader.join(Duration.ofSeconds(5));
            errReader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** Sends {@code signal} (a name such as TERM, HUP, USR1 or KILL) to the process alone. */
    public void signal(String signal) {
        if (process.isAlive()) Shell.run("kill", "-s", signal, Long.toString(pid));
    }

    /** Sends {@code signal} to the process's whole group: the process and every child it made. */
    public void signalGroup(String signal) {
        if (pgid > 1) Shell.run("kill", "-s", signal, "--", "-" + pgid);
    }

    /** The hard kill: SIGKILL to the whole group, then waits for the leader to be reaped. */
    public void kill() {
        signalGroup("KILL");
        if (pgid <= 1) process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Poll.tryUntil(Duration.ofSeconds(5), () -> !groupAlive());
    }

    /** A graceful stop: {@code SIGTERM} to the leader, then the hard kill if it is not gone within {@code grace}. */
    public int stop(Duration grace) {
        signal("TERM");
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** True while any process of this process's group is still alive. */
    public boolean groupAlive() {
        if (pgid <= 1) return process.isAlive();
        return ProcStat.anyInGroup(pgid);
    }

    public String tail(int n) {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - n), all.size()));
    }

    @Override
    public void close() {
        kill();
        Leftovers.processGone(pid);
    }

    @Override
    public String toString() {
        return name + "[pid " + pid + "]";
    }
}
