package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * keepalived 2.2.7 and jkeepalived, each alone on its own LAN with the same tracking configuration, are
 * driven through the same changes of a file; the tracking and state lines they log must be the same, in
 * the same order. Each step waits until both have said what the step makes them say, then until both
 * have been quiet for a few script intervals.
 */
@Tag("integration")
class TrackLogDifferentialTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofMillis(5_000);
    private static final Pattern WANTED = Pattern.compile(
            "Entering|entering|VRRP_Script|Script `|Changing effective|tracked file|Quorum");

    @RegisterExtension
    final NetLab lab = new NetLab();

    private record Side(Daemon daemon, Path control, Netns ns) {
    }

    /** The configurations: a weight-0 script, one with rise/fall 2 and init_fail, a reversed weight, a file. */
    private static String config(String kind, Path control) {
        String instance = """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority 100
                    advert_int 1
                    %s
                    virtual_ipaddress {
                        10.99.1.100/24
                    }
                }
                """;
        String script = """
                vrrp_script chk {
                    script "/usr/bin/test ! -e %s"
                    interval 1
                    %s
                }
                """;
        return switch (kind) {
            case "weight0" -> script.formatted(control, "") + instance.formatted("track_script {\n chk\n }");
            case "risefall" -> script.formatted(control, "rise 2\n fall 2\n init_fail\n weight 30")
                    + instance.formatted("track_script {\n chk\n }");
            case "reverse" -> script.formatted(control, "weight -10")
                    + instance.formatted("track_script {\n chk weight 20 reverse\n }");
            case "iface" -> instance.formatted("track_interface {\n eth1 weight -30\n eth2\n }");
            case "file" -> """
                    track_file f {
                        file "%s"
                        weight 3
                    }
                    """.formatted(control) + instance.formatted("track_file {\n f\n }");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private Side start(boolean java, String kind, String name, String initial) {
        Netns ns = lab.hostsOnLan(1).getFirst();
        ns.vethPair("eth1", "eth1p");
        ns.vethPair("eth2", "eth2p");
        // the kernel reports a new carrier (IFF_RUNNING) up to a second later: start once it has
        Poll.until("veths running", WAIT, () -> ns.exec("ip", "link", "show", "eth1").stdout().contains("state UP")
                && ns.exec("ip", "link", "show", "eth2").stdout().contains("state UP"));
        Path control = lab.dir().resolve(name + ".control");
        write(control, initial);
        Path conf = lab.writeFile(name + ".conf", config(kind, control));
        Daemon d = java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
        return new Side(d, control, ns);
    }

    private static List<String> wanted(Daemon d) {
        List<String> out = new ArrayList<>();
        for (String l : d.process().lines()) {
            int at = l.indexOf(": ");
            String text = at >= 0 && l.length() > 4 && Character.isDigit(l.charAt(Math.max(0, at - 1))) ? l.substring(at + 2) : l;
            if (WANTED.matcher(text).find()) out.add(text);
        }
        return out;
    }

    /** Waits until both sides logged something new and then stayed quiet. */
    private static void settle(Side a, Side b, int markA, int markB) {
        // a step may change nothing (a removed file that held 0): then only the quiet wait applies
        Poll.tryUntil(Duration.ofSeconds(6), () -> wanted(a.daemon()).size() > markA && wanted(b.daemon()).size() > markB);
        int[] last = {-1, -1};
        long[] since = {System.nanoTime()};
        Poll.until("both quiet", WAIT, () -> {
            int na = wanted(a.daemon()).size();
            int nb = wanted(b.daemon()).size();
            if (na != last[0] || nb != last[1]) {
                last[0] = na;
                last[1] = nb;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] > QUIET.toNanos();
        });
    }

    private static void write(Path p, String content) {
        try {
            if (content == null) Files.deleteIfExists(p);
            else Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"weight0", "risefall", "reverse", "file"})
    void bothLogTheSameTrackingLines(String kind) {
        boolean file = kind.equals("file");
        // start with the control file present: a failing script, a file holding 5
        Side c = start(false, kind, "keepalived", file ? "5\n" : "x\n");
        Side j = start(true, kind, "jkeepalived", file ? "5\n" : "x\n");
        settle(c, j, 0, 0);
        String[] steps = file ? new String[] {"-40\n", "0\n", null, "200\n"} : new String[] {null, "x\n", null};
        for (String step : steps) {
            int mc = wanted(c.daemon()).size();
            int mj = wanted(j.daemon()).size();
            write(c.control(), step);
            write(j.control(), step);
            settle(c, j, mc, mj);
        }
        assertThat(wanted(j.daemon())).as("jkeepalived's lines").isEqualTo(wanted(c.daemon()));
    }

    @org.junit.jupiter.api.Test
    void bothLogTheSameLinesAsTrackedInterfacesGoDownAndUp() {
        Side c = start(false, "iface", "keepalived", null);
        Side j = start(true, "iface", "jkeepalived", null);
        settle(c, j, 0, 0);
        String[][] steps = {{"down", "eth1"}, {"down", "eth2"}, {"up", "eth1"}, {"up", "eth2"}};
        for (String[] step : steps) {
            int mc = wanted(c.daemon()).size();
            int mj = wanted(j.daemon()).size();
            for (Side side : List.of(c, j)) {
                if (step[0].equals("down")) side.ns().down(step[1]);
                else side.ns().up(step[1]);
            }
            settle(c, j, mc, mj);
        }
        assertThat(wanted(j.daemon())).as("jkeepalived's lines").isEqualTo(wanted(c.daemon()));
    }
}
