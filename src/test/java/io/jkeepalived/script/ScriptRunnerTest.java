package io.jkeepalived.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {
    @TempDir
    Path dir;

    private final ScriptRunner runner = new ScriptRunner(RunAs.ROOT);

    @AfterEach
    void close() {
        runner.close();
    }

    private static ScriptCommand sh(String body, Duration timeout) {
        return ScriptCommand.of(List.of("/bin/sh", "-c", body), timeout);
    }

    private ScriptResult await(ScriptCommand c) throws Exception {
        return runner.run(c).get(20, TimeUnit.SECONDS);
    }

    @Test
    void exitStatusIsReported() throws Exception {
        assertThat(await(sh("exit 3", Duration.ofSeconds(10)))).isEqualTo(new ScriptResult.Exited(3));
        assertThat(await(sh("true", Duration.ZERO)).succeeded()).isTrue();
        assertThat(runner.counters()).isEqualTo(new ScriptCounters(2, 2, 0, 0, 0));
    }

    @Test
    void deathBySignalReadsAsTheSignal() throws Exception {
        ScriptResult r = await(sh("kill -TERM $$", Duration.ofSeconds(10)));
        assertThat(r).isInstanceOfSatisfying(ScriptResult.Exited.class, e -> assertThat(e.signal()).isEqualTo(15));
    }

    @Test
    void scriptIsASessionAndGroupLeaderWithStdioOnDevNull() throws Exception {
        Path out = dir.resolve("out");
        await(sh("cat /proc/self/stat > " + out + "; readlink /proc/$$/fd/0 /proc/$$/fd/2 >> " + out
                + "; echo \"$$ $(cut -d' ' -f5,6 /proc/$$/stat)\" >> " + out, Duration.ofSeconds(10)));
        List<String> lines = Files.readAllLines(out);
        String[] ids = lines.getLast().split(" ");
        assertThat(ids[1]).as("process group").isEqualTo(ids[0]);
        assertThat(ids[2]).as("session").isEqualTo(ids[0]);
        assertThat(lines.subList(1, 3)).containsExactly("/dev/null", "/dev/null");
    }

    @Test
    void hungScriptIsKilledWithItsChildrenAndCounted() throws Exception {
        Path pidFile = dir.resolve("child");
        long t0 = System.nanoTime();
        ScriptResult r = await(sh("sleep 300 & echo $! > " + pidFile + "; wait", Duration.ofMillis(500)));
        assertThat(r).isEqualTo(new ScriptResult.TimedOut(ProcessGroups.SIGKILL));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(gone(child)).isTrue();
        assertThat(runner.counters().timedOut()).isEqualTo(1);
        assertThat(runner.counters().running()).isZero();
    }

    @Test
    void graceSendsTermFirstThenKillsTheRest() throws Exception {
        Path log = dir.resolve("log");
        Path pidFile = dir.resolve("child");
        var cmd = new ScriptCommand("t", List.of("/bin/sh", "-c",
                "trap 'echo term >> " + log + "; exit 0' TERM; sh -c 'trap \"\" TERM; sleep 300' & echo $! > "
                        + pidFile + "; while :; do sleep 0.05; done"),
                RunAs.ROOT, Duration.ofMillis(300), Duration.ofSeconds(5));
        ScriptResult r = await(cmd);
        assertThat(r).isEqualTo(new ScriptResult.TimedOut(ProcessGroups.SIGTERM));
        assertThat(Files.readString(log)).isEqualTo("term\n");
        assertThat(gone(Long.parseLong(Files.readString(pidFile).trim()))).isTrue();
    }

    @Test
    void runsAsTheGivenUserWithOnlyItsGroup() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path out = dir.resolve("id");
        var cmd = new ScriptCommand("id", List.of("/bin/sh", "-c", "id -u > " + out + "; id -g >> " + out
                + "; id -G >> " + out), new RunAs(65534, 65534), Duration.ofSeconds(10), Duration.ZERO);
        assertThat(await(cmd).succeeded()).isTrue();
        assertThat(Files.readAllLines(out)).containsExactly("65534", "65534", "65534");
    }

    @Test
    void aMissingProgramIsReportedNotThrown() throws Exception {
        ScriptResult r = await(ScriptCommand.of(List.of("/nonexistent/prog"), Duration.ofSeconds(5)));
        // setsid itself starts, then fails to exec: keepalived's child also just exits
        assertThat(r.succeeded()).isFalse();
    }

    @Test
    void oneRunCanBeTerminatedAndOthersGoOn() throws Exception {
        var hung = runner.run(sh("sleep 300", Duration.ZERO));
        var other = runner.run(sh("sleep 0.5", Duration.ZERO));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner.counters().started() < 2 && System.nanoTime() < deadline) Thread.sleep(10);
        runner.terminate(hung);
        assertThat(hung.get(20, TimeUnit.SECONDS)).isInstanceOfSatisfying(ScriptResult.Exited.class,
                e -> assertThat(e.signal()).isEqualTo(15));
        assertThat(other.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
    }

    @Test
    void workingDirectoryAndHiddenVariables() throws Exception {
        Path out = dir.resolve("env");
        try (ScriptRunner r = new ScriptRunner(RunAs.ROOT, Path.of("/"), java.util.Set.of("HOME"))) {
            r.run(sh("pwd > " + out + "; echo \"home=${HOME:-none}\" >> " + out, Duration.ofSeconds(10)))
                    .get(20, TimeUnit.SECONDS);
        }
        assertThat(Files.readAllLines(out).getFirst()).isEqualTo("/");
        assertThat(Files.readAllLines(out).get(1)).isEqualTo("home=none");
    }

    @Test
    void runReturnsAtOnceWhileTheScriptRuns() throws Exception {
        long t0 = System.nanoTime();
        var f = runner.run(sh("sleep 1", Duration.ofSeconds(10)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(200));
        assertThat(f.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
    }

    private static boolean gone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!Files.exists(Path.of("/proc/" + pid)) || zombie(pid)) return true;
            Thread.sleep(20);
        }
        return false;
    }

    private static boolean zombie(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }
}
