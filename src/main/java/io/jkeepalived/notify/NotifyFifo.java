package io.jkeepalived.notify;

import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.script.RunAs;
import io.jkeepalived.script.ScriptCommand;
import io.jkeepalived.script.ScriptRunner;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notify FIFO (lib/notify.c fifo_open, fifo_close): created with mode 0644 when absent (and then given to
 * its user:group), its script started with the FIFO's name as last argument and no timeout, then opened
 * read-write and non-blocking, so writing never waits for a reader and a full FIFO drops lines as keepalived
 * does. At close a FIFO we created is unlinked first, so a script that reopens it in a loop cannot.
 */
public final class NotifyFifo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NotifyFifo.class);
    private static final int O_RDWR = 02;
    private static final int O_NONBLOCK = 04000;
    private static final int O_NOFOLLOW = 0400000;
    private static final int O_CLOEXEC = 02000000;

    private final String name;
    private final int fd;
    private final boolean created;
    private final java.util.concurrent.atomic.AtomicBoolean quiet;
    private final java.util.concurrent.CompletableFuture<io.jkeepalived.script.ScriptResult> reader;
    private final ScriptRunner runner;

    private NotifyFifo(String name, int fd, boolean created, java.util.concurrent.atomic.AtomicBoolean quiet,
                       java.util.concurrent.CompletableFuture<io.jkeepalived.script.ScriptResult> reader,
                       ScriptRunner runner) {
        this.name = name;
        this.fd = fd;
        this.created = created;
        this.quiet = quiet;
        this.reader = reader;
        this.runner = runner;
    }

    /**
     * Shutdown: the FIFO's script gets SIGTERM now, before the STOP lines are written, and ends without a
     * word (vrrp_daemon.c vrrp_terminate_phase1: script_killall comes first).
     */
    void terminateScript() {
        quiet.set(true);
        if (reader != null) runner.terminate(reader);
    }

    /**
     * Creates (if needed) and opens the FIFO, starting its script first. {@code type} is "" for notify_fifo,
     * "vrrp_" for vrrp_notify_fifo (keepalived's message prefix). Returns null when it cannot be opened.
     */
    public static NotifyFifo open(String name, RunAs owner, ScriptCommand script, String type, ScriptRunner runner,
                                  RunAs daemon) {
        Path p = Path.of(name);
        boolean created = false;
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            if (mkfifo(name)) {
                created = true;
                if (!owner.equals(daemon)) {
                    try {
                        if (owner.uid() != daemon.uid()) Files.setAttribute(p, "unix:uid", owner.uid(), LinkOption.NOFOLLOW_LINKS);
                        if (owner.gid() != daemon.gid()) Files.setAttribute(p, "unix:gid", owner.gid(), LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException | RuntimeException e) {
                        log.info("Failed to set uid:gid for fifo {}", name);
                    }
                }
            } else {
                log.info("Unable to create {}notify fifo {}", type, name);
                return null;
            }
        }
        var quiet = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<io.jkeepalived.script.ScriptResult> reader = null;
        if (script != null) {
            reader = runner.run(script.withArgs(java.util.List.of(name)));
            // keepalived's VRRP child says this of either FIFO's script (vrrp.c vrrp_notify_fifo_script_exit)
            reader.thenRun(() -> {
                if (!quiet.get()) log.info("vrrp notify fifo script terminated");
            });
        }
        int fd = Libc.open(name, O_RDWR | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
        if (fd < 0) {
            log.info("Unable to open {}notify fifo {} - errno {}", type, name, Libc.errno());
            if (created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            return null;
        }
        return new NotifyFifo(name, fd, created, quiet, reader, runner);
    }

    /** mkfifo(name, 0644), through coreutils' mkfifo (the JDK has no mkfifo). */
    private static boolean mkfifo(String name) {
        try {
            Process p = new ProcessBuilder("mkfifo", "-m", "0644", "--", name)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    /** Writes one line; a full FIFO (EAGAIN) or any error loses it, as in keepalived. */
    public synchronized void write(String line) {
        if (closed) return;
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(b.length);
            MemorySegment.copy(b, 0, seg, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, b.length);
            Libc.write(fd, seg, b.length);
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (created) {
            try {
                Files.deleteIfExists(Path.of(name));
            } catch (IOException ignored) {
                // the FIFO went already
            }
        }
        Libc.close(fd);
    }

}
