package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.VrrpScript;
import io.jkeepalived.script.ScriptRunner;
import io.jkeepalived.vrrp.track.ScriptOutcome;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** vrrp_scripts through the real script runner: exit statuses, a timeout, a death by signal, in keepalived's terms. */
class RunnerScriptLauncherTest {
    private final ScriptRunner runner = new ScriptRunner();
    private final RunnerScriptLauncher launcher = RunnerScriptLauncher.over(runner, null);

    @AfterEach
    void close() {
        runner.close();
    }

    private ScriptOutcome run(List<String> argv, long timeoutMicros) throws Exception {
        VrrpScript s = new VrrpScript("chk", new Script(String.join(" ", argv), argv, null, null), 1_000_000,
                timeoutMicros, 0, false, 1, 1, false);
        CompletableFuture<ScriptOutcome> out = new CompletableFuture<>();
        launcher.launch(s, out::complete);
        return out.get(20, TimeUnit.SECONDS);
    }

    @Test
    void exitStatusesAreReportedAsTheyAre() throws Exception {
        assertThat(run(List.of("/usr/bin/true"), 5_000_000)).isEqualTo(new ScriptOutcome.Exited(0));
        assertThat(run(List.of("/bin/sh", "-c", "exit 3"), 5_000_000)).isEqualTo(new ScriptOutcome.Exited(3));
    }

    @Test
    void aScriptRunningPastItsTimeoutIsKilledAndTimedOut() throws Exception {
        long t0 = System.nanoTime();
        assertThat(run(List.of("/usr/bin/sleep", "30"), 300_000)).isEqualTo(ScriptOutcome.TIMED_OUT);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("SIGTERM ends sleep at once").isLessThan(10_000);
    }

    @Test
    void aDeathBySignalIsNotAnExitStatus() throws Exception {
        assertThat(run(List.of("/bin/sh", "-c", "kill -9 $$"), 5_000_000)).isEqualTo(new ScriptOutcome.Signalled(9));
    }
}
