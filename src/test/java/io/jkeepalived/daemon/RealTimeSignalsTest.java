package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import io.jkeepalived.harness.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * keepalived's real-time signals through bin/jkeepalived: JSON (SIGRTMIN+2) writes /tmp/keepalived.json in
 * keepalived 2.2.7's layout, STATS_CLEAR (SIGRTMAX-1) writes the stats and zeroes the counts, and neither
 * kills the JVM. The same JSON signal to Debian's keepalived gives the key set compared against. Both
 * write /tmp/keepalived.json, so the two daemons run one after the other.
 */
@Tag("integration")
class RealTimeSignalsTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path JSON = Path.of("/tmp/keepalived.json");
    private static final Path STATS = Path.of("/tmp/keepalived.stats");

    @RegisterExtension
    final NetLab lab = new NetLab();

    private static String signum(String name) {
        return Shell.run("keepalived", "--signum=" + name).orThrow().stdout().strip();
    }

    private static void send(Daemon d, String signum) {
        long pid = Poll.first(WAIT, () -> {
            var p = d.pid();
            return p.isPresent() ? Optional.of(p.getAsLong()) : Optional.empty();
        }).orElseThrow();
        Shell.run("kill", "-s", signum, Long.toString(pid)).orThrow();
    }

    /** Deletes the file, sends the signal, waits until the file is there and parses. */
    @SuppressWarnings("unchecked")
    private static List<Object> jsonAfterSignal(Daemon d) throws IOException {
        Files.deleteIfExists(JSON);
        send(d, signum("JSON"));
        Object[] parsed = new Object[1];
        Poll.until("/tmp/keepalived.json parsed", WAIT, () -> {
            try {
                parsed[0] = MiniJson.parse(Files.readString(JSON));
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
        return (List<Object>) parsed[0];
    }

    private Path config(String name) {
        Path marker = lab.dir().resolve(name + ".sigblk");
        Path script = lab.writeFile(name + ".sh", "#!/bin/sh\ngrep SigBlk /proc/self/status > " + marker + "\n");
        script.toFile().setExecutable(true);
        return lab.writeFile(name + ".conf", """
                global_defs {
                    enable_script_security
                    script_user root
                }
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth0
                    virtual_router_id 51
                    priority 150
                    advert_int 1
                    notify_master %s
                    virtual_ipaddress {
                        10.99.1.100/24
                    }
                }
                """.formatted(script));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> keys(List<Object> json, String part) {
        return new TreeSet<>(((Map<String, Object>) ((Map<String, Object>) json.get(0)).get(part)).keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonSignalWritesKeepalivedsLayoutAndStatsClearZeroesTheCounts() throws Exception {
        Netns host = lab.hostsOnLan(1).get(0);
        Daemon j = lab.jkeepalived(host, config("java"));
        j.waitForLine("(VI_1) Entering MASTER STATE", START);
        // the log line comes from the transition's decisions; the dump reads the state published after them
        List<Object>[] last = new List[1];
        Poll.until(() -> "state MASTER in the JSON dump: " + last[0], WAIT, () -> {
            try {
                last[0] = jsonAfterSignal(j);
            } catch (IOException e) {
                return false;
            }
            return Long.valueOf(2).equals(((Map<String, Object>) ((Map<String, Object>) last[0].get(0)).get("data")).get("state"));
        });
        List<Object> java = last[0];
        j.waitForLine("Printing VRRP as json for process(", WAIT);
        assertThat(java).hasSize(1);
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) java.get(0)).get("data");
        Map<String, Object> stats = (Map<String, Object>) ((Map<String, Object>) java.get(0)).get("stats");
        assertThat(data).containsEntry("iname", "VI_1").containsEntry("state", 2L).containsEntry("vrid", 51L)
                .containsEntry("base_priority", 150L).containsEntry("effective_priority", 150L)
                .containsEntry("ifp_ifname", "eth0");
        assertThat((List<Object>) data.get("vips")).containsExactly("10.99.1.100/24 dev eth0 scope global set");
        assertThat((Long) stats.get("become_master")).isEqualTo(1L);

        // STATS_CLEAR: the stats file with the counts so far, then zero
        Files.deleteIfExists(STATS);
        send(j, signum("STATS_CLEAR"));
        Poll.until("stats written", WAIT, () -> Files.exists(STATS));
        j.waitForLine("Printing and clearing VRRP stats for process(", WAIT);
        List<Object> after = jsonAfterSignal(j);
        Map<String, Object> cleared = (Map<String, Object>) ((Map<String, Object>) after.get(0)).get("stats");
        assertThat((Long) cleared.get("become_master")).as("cleared").isZero();
        assertThat(j.process().isAlive()).as("the JVM survived both signals").isTrue();
        // scripts do not inherit the launcher's blocked real-time signals (the JDK resets a child's mask)
        Path marker = lab.dir().resolve("java.sigblk");
        Poll.until("notify_master ran", WAIT, () -> Files.exists(marker) && !read(marker).isEmpty());
        assertThat(read(marker)).contains("SigBlk:\t0000000000000000");
        Map<String, Object> javaValues = new java.util.TreeMap<>(data);
        Set<String> javaData = keys(java, "data");
        Set<String> javaStats = keys(java, "stats");
        j.stop(WAIT);

        Daemon k = lab.keepalived(host, config("c"));
        k.waitForLine("(VI_1) Entering MASTER STATE", START);
        List<Object> c = jsonAfterSignal(k);
        k.waitForLine("Printing VRRP as json for process(", WAIT);
        k.stop(WAIT);
        Files.deleteIfExists(JSON);
        System.out.println("jkeepalived: " + java + "\nkeepalived:  " + c);
        assertThat(javaData).isEqualTo(keys(c, "data"));
        assertThat(javaStats).isEqualTo(keys(c, "stats"));
        // the same values, but for the moment of the transition and the script's own path
        Map<String, Object> cValues = new java.util.TreeMap<>(
                (Map<String, Object>) ((Map<String, Object>) c.get(0)).get("data"));
        for (Map<String, Object> m : List.of(javaValues, cValues)) {
            m.remove("last_transition");
            m.remove("script_master");
        }
        assertThat(javaValues).isEqualTo(cValues);
    }

    /** The detached daemon is a JDK child of the first JVM: it must get the real-time signals blocked again. */
    @Test
    void aDetachedDaemonSurvivesTheRealTimeSignals() throws Exception {
        Path d = lab.dir();
        Path conf = lab.writeFile("empty.conf", "! nothing to run\n");
        Path pidFile = d.resolve("k.pid");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("jkeepalived.home", "."))
                .resolve("bin/jkeepalived").toString(), "-f", conf.toString(), "-G", "-p", pidFile.toString(),
                "-r", d.resolve("kv.pid").toString(), "-c", d.resolve("kc.pid").toString());
        pb.environment().remove(Detach.MARKER);
        Process launcher = pb.redirectErrorStream(true).redirectOutput(d.resolve("launcher.out").toFile()).start();
        assertThat(launcher.waitFor(START.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Poll.until("pid file", WAIT, () -> !read(pidFile).isBlank());
        long pid = Long.parseLong(read(pidFile).strip());
        try {
            assertThat(read(Path.of("/proc/" + pid + "/status"))).contains("SigBlk:\t4000000800000000");
            Shell.run("kill", "-s", signum("JSON"), Long.toString(pid)).orThrow();
            Shell.run("kill", "-s", signum("STATS_CLEAR"), Long.toString(pid)).orThrow();
            Files.deleteIfExists(Path.of("/tmp/keepalived.data"));
            Shell.run("kill", "-s", "USR1", Long.toString(pid)).orThrow();
            Poll.until("USR1 handled after the real-time signals", WAIT,
                    () -> Files.exists(Path.of("/tmp/keepalived.data")) || !ProcessHandle.of(pid).isPresent());
            assertThat(ProcessHandle.of(pid)).as("still running").isPresent();
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            Poll.until("daemon stopped", WAIT, () -> ProcessHandle.of(pid).isEmpty());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
