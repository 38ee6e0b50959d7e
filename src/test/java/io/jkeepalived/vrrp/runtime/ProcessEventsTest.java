package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.TrackProcess;
import io.jkeepalived.config.model.TrackProcess.ParamMatch;
import io.jkeepalived.harness.Poll;
import io.jkeepalived.net.NetException;
import io.jkeepalived.net.ProcessEvent;
import io.jkeepalived.net.ProcessEvents;
import io.jkeepalived.net.linux.ProcessConnector;
import io.jkeepalived.time.DeadlineQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The kernel's process events in the test JVM's own namespace (the host's: the connector accepts a listener
 * there). Where the connector refuses anyway, the trackers must say so by scanning /proc instead.
 */
class ProcessEventsTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** A sleep interval no other process on the machine carries: 30.PID0N seconds. */
    static String uniqueInterval() {
        return "30." + ProcessHandle.current().pid() + "0" + SEQ.incrementAndGet();
    }

    static TrackProcess tracking(String interval) {
        return new TrackProcess("sleeper", "/usr/bin/sleep", List.of(interval), ParamMatch.EXACT, 0, false, 1,
                0xFFFFFFFFL, 0, 0, 0, true);
    }

    @Test
    void aSpawnedSleepGivesAnExecAndAnExitOrTheFallbackIsTaken() throws Exception {
        ProcessEvents events;
        try {
            events = ProcessConnector.open();
        } catch (NetException refused) {
            ProcessTrackers trackers = new ProcessTrackers(List.of(tracking(uniqueInterval())), new DeadlineQueue(),
                    m -> { }, Path.of("/proc"));
            trackers.start(0);
            try {
                Poll.until("fallback to /proc scanning", DEADLINE,
                        () -> trackers.mode() == ProcessTrackers.Mode.SCANNING);
            } finally {
                trackers.stop();
            }
            return;
        }
        Queue<ProcessEvent> seen = new ConcurrentLinkedQueue<>();
        Thread reader = Thread.ofPlatform().name("proc-events-test").start(() -> {
            while (events.poll(seen::add, -1) != ProcessEvents.WOKEN) {
                // keep collecting
            }
        });
        Process p = null;
        try {
            p = new ProcessBuilder("/usr/bin/sleep", uniqueInterval()).start();
            int pid = (int) p.pid();
            Poll.until("exec of " + pid, DEADLINE, () -> seen.contains(new ProcessEvent.Exec(pid, pid)));
            p.destroy();
            Poll.until("exit of " + pid, DEADLINE, () -> seen.stream().anyMatch(
                    e -> e instanceof ProcessEvent.Exit(int ep, int et, int code, int sig) && ep == pid && et == pid));
        } finally {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            events.wakeup();
            reader.join(5_000);
            events.close();
        }
        assertThat(reader.isAlive()).isFalse();
    }

    @Test
    void trackersCountAProcessThatComesAndGoesWhicheverWayTheyLearnOfIt() throws Exception {
        String interval = uniqueInterval();
        Queue<TrackerMessage> inbox = new ConcurrentLinkedQueue<>();
        ProcessTrackers trackers = new ProcessTrackers(List.of(tracking(interval)), new DeadlineQueue(), inbox::add,
                Path.of("/proc"));
        trackers.start(0);
        Process p = null;
        try {
            Poll.until("the watcher chose its way", DEADLINE, () -> trackers.mode() != ProcessTrackers.Mode.STARTING);
            // following events, the count must change well before the safety-net rescan could change it
            Duration within = trackers.mode() == ProcessTrackers.Mode.EVENTS
                    ? Duration.ofMillis(ProcessTrackers.RESCAN_MILLIS - 1_000) : DEADLINE;
            p = new ProcessBuilder("/usr/bin/sleep", interval).start();
            Poll.until("counted 1", within, () -> lastCount(inbox) == 1);
            p.destroy();
            Poll.until("counted 0", within, () -> lastCount(inbox) == 0);
        } finally {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            trackers.stop();
        }
    }

    static long lastCount(Queue<TrackerMessage> inbox) {
        long last = -1;
        for (TrackerMessage m : inbox) {
            if (m instanceof TrackerMessage.ProcessesCounted c) last = c.running()[0];
        }
        return last;
    }
}
