package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/jkeepalived as an operator runs it: flags, -t statuses, the foreground daemon with its pid files and
 * signals, a second start refused, and detaching. Every daemon gets its own pid files under a temporary
 * directory and -G (no syslog); nothing here touches the network.
 */
@Tag("integration")
class LauncherProcessTest {
    private static final Path HOME = Path.of(System.getProperty("jkeepalived.home", "."));
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Long> started = new ArrayList<>();

    record Ran(int code, String out, String err) {}

    @AfterEach
    void killLeftovers() {
        for (long pid : started) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private ProcessBuilder launcher(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("bin/jkeepalived").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TMPDIR", dir.toString());
        pb.environment().remove(Detach.MARKER);
        return pb;
    }

    private Ran run(String... args) throws Exception {
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        Process p = launcher(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!cond.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(end);
            Thread.sleep(20);
        }
    }

    private String[] daemonArgs(Path conf, String... extra) {
        List<String> a = new ArrayList<>(List.of("-f", conf.toString(), "-G", "-p", dir.resolve("k.pid").toString(),
                "-r", dir.resolve("kv.pid").toString(), "-c", dir.resolve("kc.pid").toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private Path emptyConfig() throws IOException {
        return Files.writeString(dir.resolve("keepalived.conf"), "! nothing to run\n");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void versionAndHelpExitZeroOnStderr() throws Exception {
        Ran v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.err()).startsWith("Keepalived v2.2.7 (jkeepalived v0.1.0)\n");
        Ran h = run("-h");
        assertThat(h.code()).isZero();
        assertThat(h.err()).contains("Usage: ", "-f, --use-file=FILE", "-v, --version");
    }

    @Test
    void anUnknownFlagExitsOneLikeKeepalived() throws Exception {
        Ran r = run("--bogus", "-Z");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Unknown option --bogus\nUnknown option -Z\n");
    }

    @Test
    void configTestStatuses() throws Exception {
        assertThat(run("-t", "-f", dir.resolve("absent.conf").toString()).code()).isZero();
        assertThat(run("-t", "-f", emptyConfig().toString()).code()).isZero();
        Path bad = Files.writeString(dir.resolve("bad.conf"), "no_such_keyword_anywhere\n");
        Ran r = run("-t", "-f", bad.toString());
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).contains("Unknown keyword 'no_such_keyword_anywhere'");
    }

    @Test
    void aMissingConfigFileStopsTheDaemonWithSix() throws Exception {
        Ran r = run(daemonArgs(dir.resolve("absent.conf"), "-n", "-l"));
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.err()).contains("Starting Keepalived", "Config files missing", "Stopped Keepalived");
        assertThat(dir.resolve("k.pid")).doesNotExist();
    }

    @Test
    void aNonExistentInterfaceStopsTheDaemonWithTwo() throws Exception {
        Path conf = Files.writeString(dir.resolve("badif.conf"), """
                vrrp_instance VI_1 {
                    interface jkt_noif0
                    virtual_router_id 51
                    virtual_ipaddress {
                        10.99.0.10
                    }
                }
                """);
        Ran r = run(daemonArgs(conf, "-n", "-l"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Non-existent interface specified in configuration", "Stopped Keepalived");
        assertThat(dir.resolve("k.pid")).doesNotExist();
        Ran detached = run(daemonArgs(conf));
        assertThat(detached.code()).as("refused before detaching").isEqualTo(2);
    }

    @Test
    void foregroundDaemonWritesPidFilesRefusesASecondStartReloadsAndStopsOnTerm() throws Exception {
        Path conf = emptyConfig();
        Path log = dir.resolve("daemon.err");
        Process d = launcher(daemonArgs(conf, "-n", "-l", "-D", "-u", "077", "--all")).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        started.add(d.pid());
        Path pid = dir.resolve("k.pid");
        await("pid file", () -> !read(pid).isEmpty());
        long jvm = PidFile.read(pid);
        assertThat(PidFile.read(dir.resolve("kv.pid"))).isEqualTo(jvm);
        assertThat(PidFile.read(dir.resolve("kc.pid"))).isEqualTo(jvm);
        assertThat(read(log)).contains("Starting Keepalived v2.2.7", "Command line: ", "Configuration file " + conf);

        Ran second = run(daemonArgs(conf, "-n", "-l"));
        assertThat(second.code()).isZero();
        assertThat(second.err()).contains("daemon is already running").doesNotContain("Stopped");
        assertThat(PidFile.read(pid)).isEqualTo(jvm);

        ProcessHandle h = ProcessHandle.of(jvm).orElseThrow();
        new ProcessBuilder("kill", "-HUP", Long.toString(jvm)).start().waitFor();
        await("reload", () -> read(log).contains("Reloading"));
        new ProcessBuilder("kill", "-USR1", Long.toString(jvm)).start().waitFor();
        await("data file", () -> Files.exists(dir.resolve("keepalived.data")));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("keepalived.data")))).isEqualTo("rw-------");
        assertThat(h.isAlive()).isTrue();

        new ProcessBuilder("kill", "-TERM", Long.toString(jvm)).start().waitFor();
        assertThat(d.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(d.exitValue()).isZero();
        assertThat(pid).doesNotExist();
        assertThat(dir.resolve("kv.pid")).doesNotExist();
        assertThat(dir.resolve("kc.pid")).doesNotExist();
        assertThat(read(log)).contains("Stopping", "CPU usage", "Stopped Keepalived v2.2.7");
    }

    @Test
    void aStalePidFileIsRemovedAndTheDaemonStarts() throws Exception {
        Files.writeString(dir.resolve("k.pid"), Integer.MAX_VALUE + "\n");
        Path log = dir.resolve("daemon.err");
        Process d = launcher(daemonArgs(emptyConfig(), "-n", "-l")).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        started.add(d.pid());
        await("own pid file", () -> PidFile.read(dir.resolve("k.pid")) != Integer.MAX_VALUE
                && PidFile.read(dir.resolve("k.pid")) != 0);
        await("start-up", () -> read(log).contains("Warning - keepalived has no configuration to run"));
        assertThat(read(log)).contains("Remove a zombie pid file " + dir.resolve("k.pid"));
        // no VRRP or checker configuration: keepalived starts neither child and writes neither pid file
        assertThat(dir.resolve("kv.pid")).doesNotExist();
        assertThat(dir.resolve("kc.pid")).doesNotExist();
        new ProcessBuilder("kill", "-TERM", Long.toString(PidFile.read(dir.resolve("k.pid")))).start().waitFor();
        assertThat(d.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(d.exitValue()).isZero();
    }

    @Test
    void withoutDontForkTheDaemonDetachesIntoItsOwnSession() throws Exception {
        Path logFile = dir.resolve("k.log");
        Ran r = run(daemonArgs(emptyConfig(), "-g" + logFile));
        assertThat(r.code()).isZero();
        long jvm = PidFile.read(dir.resolve("k.pid"));
        assertThat(jvm).isPositive();
        started.add(jvm);
        ProcessHandle h = ProcessHandle.of(jvm).orElseThrow();
        assertThat(h.isAlive()).isTrue();
        String stat = Files.readString(Path.of("/proc", Long.toString(jvm), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertThat(Long.parseLong(f[3])).as("session id").isEqualTo(jvm);
        await("log file", () -> read(logFile).contains("Starting Keepalived"));
        assertThat(read(logFile)).matches("(?s)\\w{3} \\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{9} \\d{4}: Starting.*");

        new ProcessBuilder("kill", "-TERM", Long.toString(jvm)).start().waitFor();
        await("exit", () -> !h.isAlive());
        await("pid files removed", () -> !Files.exists(dir.resolve("k.pid")) && !Files.exists(dir.resolve("kv.pid")));
        await("stop logged", () -> read(logFile).contains("Stopped Keepalived"));
    }

    @Test
    void namespaceOptionRunsTheDaemonInsideThatNamespace() throws Exception {
        String ns = "jkt-" + ProcessHandle.current().pid() + "-1";
        assertThat(new ProcessBuilder("ip", "netns", "add", ns).inheritIO().start().waitFor()).isZero();
        try {
            Ran r = run(daemonArgs(emptyConfig(), "-s", ns));
            assertThat(r.code()).isZero();
            long jvm = PidFile.read(dir.resolve("k.pid"));
            started.add(jvm);
            Path inside = Files.readSymbolicLink(Path.of("/proc", Long.toString(jvm), "ns", "net"));
            Path here = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
            assertThat(inside).isNotEqualTo(here);
            ProcessHandle h = ProcessHandle.of(jvm).orElseThrow();
            new ProcessBuilder("kill", "-TERM", Long.toString(jvm)).start().waitFor();
            await("exit", () -> !h.isAlive());
            await("pid file removed", () -> !Files.exists(dir.resolve("k.pid")));
        } finally {
            for (long pid : started) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            new ProcessBuilder("ip", "netns", "del", ns).inheritIO().start().waitFor();
        }
    }
}
