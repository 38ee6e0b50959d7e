package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.time.NanoClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The runtime's threads: probes on virtual threads, outcomes back by queue, and the hard deadline. */
class CheckerRuntimeTest {
    private static final String RS = "[10.0.0.2]:tcp:80";

    private static final class Recorder implements LvsEvents {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void log(String line) {
            lines.add(line);
        }

        @Override
        public void ipvs(IpvsCommand command) {}

        @Override
        public void notify(Script script) {}

        @Override
        public void smtpAlert(String vs, String rs, String state, String message) {}
    }

    @Test
    void aProbeThatHangsPastItsHardLimitCountsAsATimeoutAndIsInterrupted() throws Exception {
        KeepalivedConfig config = Timeline.load("virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n"
                + " lvs_method NAT\n real_server 10.0.0.2 80 {\n  TCP_CHECK {\n   connect_timeout 0.2\n   retry 0\n"
                + "   warmup 0\n   delay_loop 60\n  }\n }\n}\n");
        Recorder events = new Recorder();
        var interrupted = new java.util.concurrent.CountDownLatch(1);
        CheckerRuntime runtime = new CheckerRuntime(config.lvs(), config.globalDefs().lvs(), events, (c, rs, vs) -> url -> {
            try {
                Thread.sleep(3_600_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Outcome.up();
        }, NanoClock.system());
        long t0 = System.nanoTime();
        runtime.start();
        try {
            // bootstrap 1 s, then the probe's hard limit: connect_timeout 0.2 s + 1 s
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isBetween(2_000L, 6_000L);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!events.lines.contains("TCP_CHECK on service " + RS + " failed.") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(events.lines).contains("TCP_CHECK on service " + RS + " failed.",
                    "Removing service " + RS + " from VS [10.0.0.1]:tcp:80");
            assertThat(runtime.desired().services().getFirst().dests()).isEmpty();
        } finally {
            runtime.stop(false);
        }
    }
}
