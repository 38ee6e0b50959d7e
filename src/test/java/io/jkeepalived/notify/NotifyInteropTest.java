package io.jkeepalived.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Capture;
import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Packages;
import io.jkeepalived.harness.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notify scripts and FIFOs, keepalived 2.2.7 against jkeepalived: both run the same two-node scenario in turn
 * (A starts and becomes master, B joins as backup, A stops, B takes over, B stops), with every notify script
 * appending its arguments to a file and a FIFO script copying the FIFO's lines; what jkeepalived's scripts
 * record must equal keepalived's, node by node and file by file. Then a hung notify_master must not delay
 * jkeepalived's adverts, and a hung notify_stop is killed with its children after keepalived's one second.
 */
@Tag("integration")
class NotifyInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> RECORDS = List.of("master", "backup", "fault", "stop", "notify", "fifo", "rxlow");

    @RegisterExtension
    final NetLab lab = new NetLab();

    @Test
    void notifyLinesAreKeepalivedsForTheSameScenario() {
        Map<String, List<String>> c = scenario(false);
        Map<String, List<String>> java = scenario(true);
        // the scenario really produced notifications (so equality says something)
        assertThat(c.get("A/notify")).contains("INSTANCE VI_1 MASTER 150");
        assertThat(c.get("B/notify")).contains("INSTANCE VI_1 MASTER 100");
        for (String key : c.keySet()) {
            assertThat(java.get(key)).as(key + " (keepalived recorded " + c.get(key) + ")").isEqualTo(c.get(key));
        }
    }

    @Test
    void syncGroupNotifyLinesAreKeepalivedsForTheSameScenario() {
        Map<String, List<String>> c = groupScenario(false);
        Map<String, List<String>> java = groupScenario(true);
        assertThat(c.get("A/gnotify")).contains("GROUP G1 MASTER 0");
        for (String key : c.keySet()) {
            assertThat(java.get(key)).as(key + " (keepalived recorded " + c.get(key) + ")").isEqualTo(c.get(key));
        }
    }

    /** Two instances in one sync group on each node: start, take-over at A's stop, B's stop. */
    private Map<String, List<String>> groupScenario(boolean java) {
        List<Netns> hosts = lab.hostsOnLan(2);
        String impl = java ? "java" : "c";
        Path dirA = scriptDir(impl + "-GA");
        Path dirB = scriptDir(impl + "-GB");
        Daemon a = start(java, hosts.get(0), lab.writeFile(impl + "-GA.conf", groupConfig(dirA, 150)));
        a.waitForLine("(VI_2) Entering MASTER STATE", START);
        Poll.until("A's group master notify", WAIT, () -> lines(dirA, "gnotify").contains("GROUP G1 MASTER 0"));
        Daemon b = start(java, hosts.get(1), lab.writeFile(impl + "-GB.conf", groupConfig(dirB, 100)));
        b.waitForLine("(VI_2) Entering BACKUP STATE", START);
        Poll.until("B's group backup notify", WAIT, () -> lines(dirB, "gnotify").contains("GROUP G1 BACKUP 0"));
        int mark = b.process().mark();
        a.stop(WAIT);
        b.process().waitForLine(Pattern.compile(Pattern.quote("(VI_2) Entering MASTER STATE")), WAIT, mark);
        Poll.until("B's group master notify", WAIT, () -> lines(dirB, "gnotify").contains("GROUP G1 MASTER 0"));
        b.stop(WAIT);
        for (Path d : List.of(dirA, dirB)) {
            Poll.until("group STOP in " + d, WAIT, () -> lines(d, "gnotify").contains("GROUP G1 STOP 0"));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String r : List.of("gmaster", "gbackup", "gstop", "gnotify", "notify1", "notify2", "master1")) {
            out.put("A/" + r, lines(dirA, r));
            out.put("B/" + r, lines(dirB, r));
        }
        return out;
    }

    private static String groupConfig(Path d, int priority) {
        String instance = """
                vrrp_instance VI_%2$d {
                    state BACKUP
                    interface eth0
                    virtual_router_id %3$d
                    priority %4$d
                    advert_int 1
                    notify "%1$s/rec.sh %1$s/notify%2$d.log"
                    notify_master "%1$s/rec.sh %1$s/master%2$d.log"
                    virtual_ipaddress {
                        10.99.1.%3$d/24
                    }
                }
                """;
        return """
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                    notify_master "%1$s/rec.sh %1$s/gmaster.log m"
                    notify_backup "%1$s/rec.sh %1$s/gbackup.log"
                    notify_stop "%1$s/rec.sh %1$s/gstop.log"
                    notify "%1$s/rec.sh %1$s/gnotify.log"
                }
                """.formatted(d) + instance.formatted(d, 1, 61, priority) + instance.formatted(d, 2, 62, priority);
    }

    @Test
    void refusedScriptsAreReportedAsKeepalivedDoesAndNotRun() throws Exception {
        List<String> c = refusals(false);
        List<String> java = refusals(true);
        assertThat(c).isNotEmpty();
        assertThat(java).isEqualTo(c);
    }

    /** One node with enable_script_security and unsafe, missing and non-executable notify scripts. */
    private List<String> refusals(boolean java) throws Exception {
        String impl = java ? "java" : "c";
        Path d = scriptDir(impl + "-sec");
        Path open = d.resolve("open");
        Files.createDirectories(open);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        script(open.resolve("rec.sh"), "#!/bin/sh\nf=\"$1\"\nshift\necho \"$*\" >> \"$f\"\n");
        Path noexec = d.resolve("noexec.sh");
        Files.writeString(noexec, "#!/bin/sh\n");
        String conf = """
                global_defs {
                    enable_script_security
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 53
                    priority 150
                    advert_int 1
                    notify_master "%1$s/open/rec.sh %1$s/unsafe.log" root
                    notify_backup "%1$s/missing.sh" root
                    notify_fault "%2$s" root
                    notify "%1$s/rec.sh %1$s/notify.log" root root
                    virtual_ipaddress {
                        10.99.1.100/24
                    }
                }
                """.formatted(d, noexec);
        Daemon a = start(java, lab.hostsOnLan(1).getFirst(), lab.writeFile(impl + "-sec.conf", conf));
        a.waitForLine("(VI_1) Entering MASTER STATE", START);
        Poll.until("the safe generic notify ran", WAIT, () -> lines(d, "notify").contains("INSTANCE VI_1 MASTER 150"));
        a.stop(WAIT);
        assertThat(lines(d, "unsafe")).as("the unsafe script did not run").isEmpty();
        Pattern about = Pattern.compile("script|Script|SECURITY");
        List<String> out = new ArrayList<>();
        for (String l : a.process().lines()) {
            // the date, and keepalived's parent-only line about keepalived_script (not jkeepalived's yet)
            String text = l.replaceFirst("^\\w{3} \\w{3} +\\d+ [\\d:]+ \\d{4}: ", "");
            if (!about.matcher(text).find() || text.startsWith(" ") || text.startsWith("Opening file")
                    || text.startsWith("Configuration file") || text.startsWith("Script user 'keepalived_script'")) {
                continue;
            }
            out.add(text.replace("/" + impl + "-sec", "/X-sec").replace(d.getParent().toString(), "DIR"));
        }
        return out;
    }

    @Test
    void aReloadSwitchesToTheNewScriptsAndFifo() throws Exception {
        Map<String, List<String>> c = reloadScenario(false);
        Map<String, List<String>> java = reloadScenario(true);
        assertThat(c.get("notify2")).contains("INSTANCE VI_1 STOP 150");
        assertThat(c.get("vi2")).contains("INSTANCE VI_2 DELETED 150");
        assertThat(java).isEqualTo(c);
    }

    /** One node: master, SIGHUP to a config with another generic notify and another FIFO, stop. */
    private Map<String, List<String>> reloadScenario(boolean java) throws Exception {
        String impl = java ? "java" : "c";
        Path d = scriptDir(impl + "-rl");
        String conf = """
                global_defs {
                    vrrp_notify_fifo %1$s/%2$s.fifo
                    vrrp_notify_fifo_script "%1$s/fifo.sh %1$s/%2$s.log"
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 54
                    priority 150
                    advert_int 1
                    notify "%1$s/rec.sh %1$s/%3$s.log"
                    virtual_ipaddress {
                        10.99.1.100/24
                    }
                }
                """;
        // VI_2, gone after the reload, says DELETED (notify_deleted) through its own notify
        String deleted = """
                vrrp_instance VI_2 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 55
                    priority 150
                    advert_int 1
                    notify "%1$s/rec.sh %1$s/vi2.log"
                    notify_deleted
                    virtual_ipaddress {
                        10.99.1.101/24
                    }
                }
                """.formatted(d);
        Path file = lab.writeFile(impl + "-rl.conf", conf.formatted(d, "fifo1", "notify1") + deleted);
        Daemon a = start(java, lab.hostsOnLan(1).getFirst(), file);
        a.waitForLine("(VI_1) Entering MASTER STATE", START);
        Poll.until("master notify", WAIT, () -> lines(d, "notify1").contains("INSTANCE VI_1 MASTER 150")
                && lines(d, "vi2").contains("INSTANCE VI_2 MASTER 150")
                && lines(d, "fifo1").contains("INSTANCE \"VI_1\" MASTER 150"));
        Files.writeString(file, conf.formatted(d, "fifo2", "notify2"));
        a.process().signal("HUP");
        Poll.until("the new FIFO", WAIT, () -> Files.exists(d.resolve("fifo2.fifo")));
        Poll.until("the old FIFO removed", WAIT, () -> !Files.exists(d.resolve("fifo1.fifo")));
        Poll.until("VI_2 deleted", WAIT, () -> lines(d, "vi2").size() >= 3);
        a.stop(WAIT);
        Poll.until("STOP through the new notify", WAIT, () -> !lines(d, "notify2").isEmpty());
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String r : List.of("notify1", "notify2", "fifo1", "fifo2", "vi2")) out.put(r, lines(d, r));
        return out;
    }

    /** Runs the scenario with one implementation; answers node/record → lines. */
    private Map<String, List<String>> scenario(boolean java) {
        List<Netns> hosts = lab.hostsOnLan(2);
        String impl = java ? "java" : "c";
        Path dirA = scriptDir(impl + "-A");
        Path dirB = scriptDir(impl + "-B");
        Path confA = lab.writeFile(impl + "-A.conf", config(dirA, 150, "notify_fifo"));
        Path confB = lab.writeFile(impl + "-B.conf", config(dirB, 100, "vrrp_notify_fifo"));
        Netns hostB = hosts.get(1);

        Daemon a = start(java, hosts.get(0), confA);
        a.waitForLine("(VI_1) Entering MASTER STATE", START);
        // B deaf to A for a while: B becomes master too, and A, the master, hears its lower priority
        // (notify_master_rx_lower_pri); once B hears A again it goes back to BACKUP
        Packages.require("nft", "nftables");
        hostB.run("nft", "add table inet jkt { chain in { type filter hook input priority 0; "
                + "ip saddr " + "10.99." + lanOf(hosts.get(0)) + ".1" + " ip protocol vrrp drop; }; }");
        Daemon b = start(java, hostB, confB);
        b.waitForLine("(VI_1) Entering MASTER STATE", START);
        Poll.until("A's notify_master_rx_lower_pri", WAIT, () -> !lines(dirA, "rxlow").isEmpty());
        hostB.run("nft", "delete table inet jkt");
        Poll.until("B back to backup", WAIT, () -> lines(dirB, "notify").size() >= 3);

        int mark = b.process().mark();
        a.stop(WAIT);
        b.process().waitForLine(Pattern.compile(Pattern.quote("(VI_1) Entering MASTER STATE")), WAIT, mark);
        Poll.until("B's master notify", WAIT, () -> lines(dirB, "notify").size() >= 4);
        b.stop(WAIT);
        // keepalived TERMs its FIFO script before it writes the STOP line, so the FIFO record ends before it
        for (Path d : List.of(dirA, dirB)) {
            Poll.until("notify_stop and the generic STOP in " + d, WAIT, () -> !lines(d, "stop").isEmpty()
                    && lines(d, "notify").stream().anyMatch(l -> l.contains(" STOP ")));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String r : RECORDS) {
            out.put("A/" + r, collapse(r, lines(dirA, r)));
            out.put("B/" + r, collapse(r, lines(dirB, r)));
        }
        return out;
    }

    @Test
    void aHungNotifyMasterDoesNotDelayAdvertsAndAHungNotifyStopIsKilledWithItsChildren() throws Exception {
        List<Netns> hosts = lab.hostsOnLan(2);
        Path dir = scriptDir("hung");
        script(dir.resolve("hang.sh"), """
                #!/bin/sh
                sleep 300 &
                echo $! > "$1.child"
                echo $$ > "$1.pid"
                sleep 300
                """);
        String conf = """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 52
                    priority 150
                    advert_int 1
                    notify_master "%1$s/hang.sh %1$s/master"
                    notify_stop "%1$s/hang.sh %1$s/stop"
                    virtual_ipaddress {
                        10.99.1.100/24
                    }
                }
                """.formatted(dir);
        Capture cap = lab.capture(hosts.get(1), "eth0", "ip proto 112");
        Daemon a = lab.jkeepalived(hosts.get(0), lab.writeFile("hung.conf", conf));
        a.waitForLine("(VI_1) Entering MASTER STATE", START);
        Poll.until("notify_master hanging", WAIT, () -> Files.exists(dir.resolve("master.child")));
        long masterChild = pid(dir.resolve("master.child"));
        // six seconds of adverts while the script hangs
        Poll.until("adverts while notify_master hangs", Duration.ofSeconds(30), () -> advertTimes(cap).size() >= 7);
        assertThat(alive(masterChild)).as("notify_master still hanging (5 min bound)").isTrue();

        long t0 = System.nanoTime();
        a.process().signal("TERM");
        Poll.until("notify_stop started", WAIT, () -> Files.exists(dir.resolve("stop.child")));
        long stopChild = pid(dir.resolve("stop.child"));
        long stopScript = pid(dir.resolve("stop.pid"));
        Poll.until("notify_stop and its child killed", WAIT, () -> !alive(stopChild) && !alive(stopScript));
        long killedMs = (System.nanoTime() - t0) / 1_000_000;
        a.process().waitForExit(WAIT);
        assertThat(killedMs).as("notify_stop killed after keepalived's 1 s").isBetween(900L, 6_000L);
        Poll.until("the hung notify_master killed at shutdown", WAIT, () -> !alive(masterChild));
        cap.stop();

        List<Double> times = advertTimes(cap);
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) gaps.add(times.get(i) - times.get(i - 1));
        // RFC 3768 §6.4.3: one advert per advert_int; the last gap is the priority-0 advert at stop
        assertThat(gaps.subList(0, gaps.size() - 1)).as("advert gaps, s").allSatisfy(g -> assertThat(g).isBetween(0.6, 1.4));
    }

    private static List<Double> advertTimes(Capture cap) {
        List<Double> out = new ArrayList<>();
        Pattern p = Pattern.compile("^(\\d+\\.\\d+) IP 10\\.99\\.\\d+\\.1 > 224\\.0\\.0\\.18: VRRPv2");
        for (String l : cap.packets("-tt")) {
            Matcher m = p.matcher(l);
            if (m.find()) out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    private Daemon start(boolean java, Netns ns, Path conf) {
        return java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
    }

    /** A directory whose path keepalived finds safe for root's scripts (0755 all the way). */
    private Path scriptDir(String name) {
        Path d = lab.dir().resolve(name);
        try {
            Files.createDirectories(d);
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            script(d.resolve("rec.sh"), "#!/bin/sh\nf=\"$1\"\nshift\necho \"$*\" >> \"$f\"\n");
            script(d.resolve("fifo.sh"), "#!/bin/sh\nwhile read -r line; do echo \"$line\" >> \"$1\"; done < \"$2\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    private static void script(Path p, String text) throws IOException {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String config(Path d, int priority, String fifoKeyword) {
        return """
                global_defs {
                    %2$s %1$s/the.fifo
                    %2$s_script "%1$s/fifo.sh %1$s/fifo.log"
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %3$d
                    advert_int 1
                    notify_master "%1$s/rec.sh %1$s/master.log"
                    notify_backup "%1$s/rec.sh %1$s/backup.log b"
                    notify_fault "%1$s/rec.sh %1$s/fault.log"
                    notify_stop "%1$s/rec.sh %1$s/stop.log 's t'"
                    notify "%1$s/rec.sh %1$s/notify.log"
                    notify_master_rx_lower_pri "%1$s/rec.sh %1$s/rxlow.log rx"
                    virtual_ipaddress {
                        10.99.1.100/24
                    }
                }
                """.formatted(d, fifoKeyword, priority);
    }

    /** The LAN number in A's 10.99.N.1 address. */
    private static String lanOf(Netns host) {
        return host.addresses("eth0").stream().filter(a -> !a.isIpv6()).findFirst().orElseThrow().ip().split("\\.")[2];
    }

    /** How many lower-priority adverts A hears depends on timing: a run of those lines counts once. */
    private static List<String> collapse(String record, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            boolean rx = record.equals("rxlow") || l.contains(FifoLine.MASTER_RX_LOWER_PRI);
            if (!rx || out.isEmpty() || !out.getLast().equals(l)) out.add(l);
        }
        return out;
    }

    private static List<String> lines(Path dir, String record) {
        try {
            Path f = dir.resolve(record + ".log");
            return Files.exists(f) ? Files.readAllLines(f) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long pid(Path f) throws IOException {
        Poll.until("pid in " + f, WAIT, () -> {
            try {
                return !Files.readString(f).isBlank();
            } catch (IOException e) {
                return false;
            }
        });
        return Long.parseLong(Files.readString(f).trim());
    }

    private static boolean alive(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }
}
