package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import io.jkeepalived.net.linux.NetNamespace;
import io.jkeepalived.time.DeadlineQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inside a test network namespace the process events connector refuses (ECONNREFUSED, lab-facts), so the
 * trackers scan /proc, and track_process still follows a process. The trackers are started from a thread
 * that entered the namespace, so their watching thread (created by it) opens its socket there too.
 */
@Tag("integration")
class ProcessTrackersNetnsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @RegisterExtension
    final NetLab lab = new NetLab();

    @Test
    void insideANamespaceTheTrackersScanProcAndStillCount() throws Exception {
        Netns ns = lab.namespace();
        String interval = ProcessEventsTest.uniqueInterval();
        Queue<TrackerMessage> inbox = new ConcurrentLinkedQueue<>();
        ProcessTrackers trackers = new ProcessTrackers(List.of(ProcessEventsTest.tracking(interval)),
                new DeadlineQueue(), inbox::add, Path.of("/proc"));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread starter = Thread.ofPlatform().name("netns-starter").start(() -> {
            try {
                NetNamespace.enter(ns.name());
                trackers.start(0);
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        starter.join(10_000);
        assertThat(failed.get()).isNull();
        Process p = null;
        try {
            Poll.until("fallback to /proc scanning", DEADLINE, () -> trackers.mode() == ProcessTrackers.Mode.SCANNING);
            p = new ProcessBuilder("/usr/bin/sleep", interval).start();
            Poll.until("counted 1", DEADLINE, () -> ProcessEventsTest.lastCount(inbox) == 1);
            p.destroy();
            Poll.until("counted 0", DEADLINE, () -> ProcessEventsTest.lastCount(inbox) == 0);
        } finally {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            trackers.stop();
        }
    }
}
