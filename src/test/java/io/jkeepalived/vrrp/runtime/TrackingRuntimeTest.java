package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.time.NanoClock;
import io.jkeepalived.vrrp.track.ScriptOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * track_script and track_file through the running loop, against {@link FakePorts} and a launcher whose
 * exit status the test sets: the priority in the adverts follows the trackers, and a weight-0 file faults.
 */
class TrackingRuntimeTest {
    @TempDir
    Path dir;
    private VrrpRuntime runtime;
    private final AtomicInteger exitStatus = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void stop() {
        if (runtime != null) runtime.stop();
    }

    private FakePorts start(String conf) throws Exception {
        Path f = Files.writeString(dir.resolve("keepalived.conf"), conf);
        KeepalivedConfig c = ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")), d -> { })
                .config();
        FakePorts ports = new FakePorts();
        ScriptLauncher launcher = (script, done) -> {
            runs.incrementAndGet();
            done.accept(new ScriptOutcome.Exited(exitStatus.get()));
        };
        runtime = new VrrpRuntime(c.vrrp(), c.globalDefs().vrrp(), new RuntimeOptions(true, false), ports,
                NanoClock.system(), VrrpListener.NONE, launcher);
        runtime.start();
        return ports;
    }

    private static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    private static int lastAdvertPriority(FakePorts p) {
        List<FakePorts.Sent> sent = FakePorts.to(p.sent, "224.0.0.18");
        return sent.isEmpty() ? -1 : sent.getLast().bytes()[22] & 0xff;
    }

    private static String instance(String tracking) {
        return """
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    version 3
                    priority 80
                    advert_int 0.5
                    %s
                    virtual_ipaddress {
                        10.99.1.100/24
                    }
                }
                """.formatted(tracking);
    }

    @Test
    void aFailingWeightedScriptLowersTheAdvertisedPriorityAndRecoveryRestoresIt() throws Exception {
        FakePorts p = start("""
                vrrp_script chk {
                    script /bin/true
                    interval 0.2
                    weight -20
                }
                """ + instance("track_script {\n chk\n}"));
        await("MASTER at 80", 10_000, () -> "MASTER".equals(runtime.states().get("VI_1")) && lastAdvertPriority(p) == 80);
        exitStatus.set(1);
        await("priority 60 in adverts", 5_000, () -> lastAdvertPriority(p) == 60);
        exitStatus.set(0);
        await("priority 80 again", 5_000, () -> lastAdvertPriority(p) == 80);
        assertThat(runs.get()).isGreaterThan(2);
    }

    @Test
    void aPerInstanceWeightOverridesTheScriptsOwn() throws Exception {
        exitStatus.set(0);
        FakePorts p = start("""
                vrrp_script chk {
                    script /bin/true
                    interval 0.2
                    weight -20
                }
                """ + instance("track_script {\n chk weight 15\n}"));
        await("priority 95 while the script succeeds", 10_000, () -> lastAdvertPriority(p) == 95);
    }

    @Test
    void aTrackFileMultipliesItsValueAndWeightZeroFaultsOnNonZero() throws Exception {
        Path value = dir.resolve("prio");
        Path fault = dir.resolve("fault");
        Files.writeString(value, "0\n");
        Files.writeString(fault, "0\n");
        FakePorts p = start("""
                track_file prio {
                    file "%s"
                    weight 2
                }
                track_file fault {
                    file "%s"
                    weight 0
                }
                """.formatted(value, fault) + instance("track_file {\n prio\n fault\n}"));
        await("MASTER at 80", 10_000, () -> "MASTER".equals(runtime.states().get("VI_1")) && lastAdvertPriority(p) == 80);
        Files.writeString(value, "-10\n");
        await("priority 60", 5_000, () -> lastAdvertPriority(p) == 60);
        Files.writeString(fault, "1\n");
        await("FAULT", 5_000, () -> "FAULT".equals(runtime.states().get("VI_1")));
        Files.delete(fault);
        await("out of FAULT once the file is gone (value 0)", 10_000,
                () -> "MASTER".equals(runtime.states().get("VI_1")));
    }

    @Test
    void aTrackedProcessWithWeightZeroHoldsFaultUntilItRunsAndFaultsWhenItEnds() throws Exception {
        // an argument of this JVM's own, so that another test run on the host cannot satisfy the tracker
        String seconds = "4243." + ProcessHandle.current().pid();
        start("""
                vrrp_track_process sleeper {
                    process /usr/bin/sleep %s
                    weight 0
                }
                """.formatted(seconds) + instance("track_process {\n sleeper\n}"));
        assertThat(runtime.states()).containsEntry("VI_1", "FAULT");
        Process p = new ProcessBuilder("/usr/bin/sleep", seconds).start();
        try {
            await("MASTER once the process runs", 10_000, () -> "MASTER".equals(runtime.states().get("VI_1")));
        } finally {
            p.destroy();
            p.waitFor();
        }
        await("FAULT once it is gone", 5_000, () -> "FAULT".equals(runtime.states().get("VI_1")));
    }

    @Test
    void aReloadKeepsTheScriptsStateAndTheAdjustedPriority() throws Exception {
        String conf = """
                vrrp_script chk {
                    script /bin/true
                    interval 0.2
                    weight -20
                }
                """ + instance("track_script {\n chk\n}");
        exitStatus.set(1);
        FakePorts p = start(conf);
        await("MASTER at 60", 10_000, () -> "MASTER".equals(runtime.states().get("VI_1")) && lastAdvertPriority(p) == 60);
        Path f = Files.writeString(dir.resolve("keepalived.conf"), conf.replace("weight -20", "weight -30"));
        KeepalivedConfig c = ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")), d -> { })
                .config();
        runtime.reload(c.vrrp(), c.globalDefs().vrrp());
        // the script's failed state is carried over: the new weight applies at once, before any new result
        await("priority 50 after the reload", 5_000, () -> lastAdvertPriority(p) == 50);
        exitStatus.set(0);
        await("priority 80 once it succeeds", 5_000, () -> lastAdvertPriority(p) == 80);
    }
}
