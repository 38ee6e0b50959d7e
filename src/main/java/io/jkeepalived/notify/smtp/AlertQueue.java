package io.jkeepalived.notify.smtp;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The hand-over between the threads that notice transitions (the VRRP event loop, checkers) and the one
 * virtual thread that talks to the mail server. {@link #offer} never blocks and allocates nothing beyond the
 * alert itself, so a slow or dead mail server cannot delay an advert (issue 6); when the bounded queue is full
 * the alert is dropped and counted, and the sender says how many before its next mail. Alerts go out one at a
 * time, in the order they were offered.
 */
final class AlertQueue implements AutoCloseable {
    private static final SmtpAlert END = new SmtpAlert("", "");

    private final BlockingQueue<SmtpAlert> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Predicate<SmtpAlert> sender;
    private final Consumer<String> log;
    private final Thread thread;
    private long reportedDrops;
    private volatile boolean closed;

    /** {@code sender} sends one alert (bounded in time by itself) and answers whether the server took it. */
    AlertQueue(int capacity, Predicate<SmtpAlert> sender, Consumer<String> log) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sender = sender;
        this.log = log;
        this.thread = Thread.ofVirtual().name("smtp-alerts").start(this::run);
    }

    /** Queues {@code alert} for sending; false (and counted) when the queue is full or closed. */
    boolean offer(SmtpAlert alert) {
        if (!closed && queue.offer(alert)) return true;
        dropped.incrementAndGet();
        return false;
    }

    /** Alerts dropped so far because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Alerts waiting to be sent. */
    int pending() {
        return queue.size();
    }

    private void run() {
        try {
            while (true) {
                SmtpAlert a = queue.take();
                if (a == END) return;
                reportDrops();
                try {
                    sender.test(a);
                } catch (RuntimeException e) {
                    log.accept("SMTP alert could not be sent: " + e);
                }
                if (Thread.currentThread().isInterrupted()) return;
            }
        } catch (InterruptedException e) {
            // closed while waiting for the next alert
        }
    }

    private void reportDrops() {
        long d = dropped.get();
        if (d != reportedDrops) {
            log.accept("SMTP alert queue full - " + (d - reportedDrops) + " alert(s) dropped");
            reportedDrops = d;
        }
    }

    /**
     * Stops taking alerts and lets the sender finish what is queued for at most {@code grace} (the STOP alerts of
     * a shutdown), then interrupts it: a session in progress ends at its next wait.
     */
    void close(Duration grace) {
        if (closed) return;
        closed = true;
        // END goes behind what is queued; if the queue is full the interrupt below ends the thread instead
        queue.offer(END);
        try {
            if (!thread.join(grace)) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
