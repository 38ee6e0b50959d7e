package io.jkeepalived.daemon.log;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The LOG_CONS fallback's writes to the system console, made by one writer thread of their own, in order.
 * A console is often a serial line: each line measured 6 ms here, and with no syslog daemon every log line
 * takes this path, so written by the logging thread they held the VRRP loop 6 s for 1,000 instances'
 * "Entering BACKUP STATE (init)" lines, long enough for the peer to time out and take every instance over
 * (docs/BENCHMARKS.md, scale). Each line is written as glibc's syslog(3) writes it (open, write, close).
 * When 4,096 lines wait, the caller writes its line itself (it may then pass queued ones): none is dropped.
 */
final class ConsoleLines {
    private static final int QUEUE = 4_096;
    private static final long DRAIN_MILLIS = 2_000;

    private final Path console;
    private final BlockingQueue<String> pending = new ArrayBlockingQueue<>(QUEUE);
    private Thread writer;
    private volatile boolean stopping;

    ConsoleLines(Path console) {
        this.console = console;
    }

    /** Queues one line (already terminated); the writer thread starts with the first line. */
    synchronized void write(String text) {
        if (writer == null) {
            stopping = false;
            writer = Thread.ofPlatform().daemon(true).name("log-console").start(this::run);
        }
        if (!pending.offer(text)) writeNow(text);
    }

    /** Writes what is queued (for at most two seconds) and stops the writer. */
    synchronized void stop() {
        if (writer == null) return;
        stopping = true;
        writer.interrupt();
        try {
            writer.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer = null;
    }

    private void run() {
        while (true) {
            String text;
            try {
                text = stopping ? pending.poll() : pending.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                text = pending.poll();
            }
            if (text != null) {
                writeNow(text);
            } else if (stopping) {
                return;
            }
        }
    }

    private void writeNow(String text) {
        try (FileOutputStream c = new FileOutputStream(console.toFile(), true)) {
            c.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // no console either: syslog(3) gives up silently too
        }
    }
}
