package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * virtual_routes / virtual_rules and static_ipaddress / static_routes / static_rules as `ip route`,
 * `ip rule` and `ip addr` show them, jkeepalived against Debian's keepalived 2.2.7 on the same config in
 * twin namespaces: as MASTER, after leaving MASTER for FAULT (virtual ones gone, static ones kept), and
 * after the daemon's exit (all gone, a static route and rule found at start included). The -D lines
 * about them must match as well.
 */
@Tag("integration")
class VirtualRoutesInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern ROUTING_LINE = Pattern.compile(
            "\\(VI_1\\) (setting|removing) (Virtual Routes|Virtual Rules|VIPs\\.)|New route doesn't have i/f index|Netlink: error.*");

    private static final String CONFIG = """
            static_ipaddress {
                10.99.3.5/24 dev eth0
            }
            static_routes {
                10.99.60.0/24 via 10.99.1.254 dev eth0
                10.99.61.0/24 dev eth0 table 100 metric 5
                blackhole 10.99.62.0/24
                10.99.64.0/24 via 10.99.1.254 dev eth0 no_track
            }
            static_rules {
                from 10.99.1.0/24 table 100 priority 1000
            }
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                track_interface {
                    eth1
                }
                virtual_router_id 51
                priority 150
                advert_int 1
                virtual_ipaddress {
                    10.99.1.100/24
                }
                virtual_routes {
                    10.99.70.0/24 via 10.99.1.254 dev eth0
                    10.99.71.0/24 dev eth0 table 101
                    src 10.99.1.100 10.99.72.0/24 dev eth0 scope link
                    unreachable 10.99.74.0/24
                }
                virtual_rules {
                    from 10.99.1.100 table 101 priority 2000
                    to 10.99.73.0/24 lookup 101 priority 2001 no_track
                    fwmark 7 table 101 priority 2002
                }
            }
            """;

    @RegisterExtension
    final NetLab lab = new NetLab();

    /** What one implementation left in the kernel at each step, and what it said about it. */
    record Run(String master, String fault, String exited, List<String> lines) {
    }

    @Test
    void routesRulesAndStaticEntriesMatchKeepalived() {
        Path conf = lab.writeFile("routes.conf", CONFIG);
        Run c = run(false, conf);
        Run j = run(true, conf);

        assertThat(c.master()).contains("10.99.70.0/24 via 10.99.1.254 dev eth0 proto keepalived",
                "10.99.60.0/24 via 10.99.1.254 dev eth0 proto keepalived", "2000:\tfrom 10.99.1.100 lookup 101 proto keepalived");
        assertThat(c.fault()).doesNotContain("10.99.70.0/24", "2000:").contains("10.99.60.0/24", "1000:");
        assertThat(c.exited()).doesNotContain("10.99.60.0/24", "1000:", "10.99.3.5");

        assertThat(j.master()).isEqualTo(c.master());
        assertThat(j.fault()).isEqualTo(c.fault());
        assertThat(j.exited()).isEqualTo(c.exited());
        assertThat(j.lines()).isEqualTo(c.lines());
    }

    @Test
    void staticEntriesAloneRunTheVrrpSideAsKeepalivedDoes() {
        String config = CONFIG.substring(0, CONFIG.indexOf("vrrp_instance"));
        Path conf = lab.writeFile("static.conf", config);
        String[] c = staticRun(false, conf);
        String[] j = staticRun(true, conf);
        assertThat(c[0]).contains("10.99.60.0/24 via 10.99.1.254 dev eth0 proto keepalived", "10.99.3.5");
        assertThat(c[1]).doesNotContain("10.99.60.0/24", "10.99.3.5");
        assertThat(j).containsExactly(c);
    }

    @Test
    void aReloadKeepsWhatIsStillConfiguredAndRemovesTheRestAsKeepalivedDoes() throws Exception {
        String reloaded = CONFIG.replace("    10.99.61.0/24 dev eth0 table 100 metric 5\n", "    10.99.65.0/24 dev eth0\n")
                .replace("        10.99.70.0/24 via 10.99.1.254 dev eth0\n", "        10.99.75.0/24 via 10.99.1.254 dev eth0\n")
                .replace("        to 10.99.73.0/24 lookup 101 priority 2001 no_track\n", "");
        assertThat(reloaded).doesNotContain("10.99.70.0/24", "10.99.61.0/24", "2001");
        String[] c = reloadRun(false, reloaded);
        String[] j = reloadRun(true, reloaded);
        assertThat(c[0]).contains("10.99.75.0/24", "10.99.65.0/24", "10.99.60.0/24", "2000:")
                .doesNotContain("10.99.70.0/24", "10.99.61.0/24", "2001:");
        assertThat(c[2]).as("after the exit").doesNotContain("10.99.1.100", "10.99.75.0/24", "10.99.65.0/24", "2000:");
        assertThat(j).containsExactly(c);
    }

    private String[] reloadRun(boolean java, String reloaded) throws Exception {
        Path conf = lab.writeFile((java ? "j" : "c") + "-reload.conf", CONFIG);
        Netns ns = lab.namespace(java ? "jkeepalived" : "keepalived");
        ns.vethPair("eth0", "peer0");
        ns.vethPair("eth1", "peer1");
        ns.addAddress("eth0", "10.99.1.1/24");
        Daemon d = java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
        d.waitForLine("(VI_1) Entering MASTER STATE", START);
        Poll.until("virtual rules in place", WAIT, () -> kernel(ns).contains("2002:"));
        int mark = d.process().mark();
        Files.writeString(conf, reloaded);
        d.process().signal("HUP");
        Poll.until("reloaded routes in place", WAIT, () -> kernel(ns).contains("10.99.75.0/24")
                && !kernel(ns).contains("10.99.61.0/24") && !kernel(ns).contains("2001:"));
        String after = kernel(ns);
        List<String> lines = new ArrayList<>();
        for (String l : d.process().output().split("\n")) {
            var m = Pattern.compile("Removing route.*|ip rule from.*removed|Removing a Virtual.*").matcher(l);
            if (m.find()) lines.add(m.group());
        }
        d.stop(WAIT);
        return new String[] {after, String.join("\n", lines), kernel(ns)};
    }

    @Test
    void deletedTrackedStaticRoutesAreRestoredAsKeepalivedDoes() {
        Path conf = lab.writeFile("restore.conf", CONFIG);
        String[] c = restoreRun(false, conf);
        String[] j = restoreRun(true, conf);
        assertThat(c[0]).contains("10.99.60.0/24", "10.99.61.0/24").doesNotContain("10.99.64.0/24", "10.99.62.0/24");
        assertThat(c[1]).contains("Restoring deleted static route prepend 10.99.60.0/24 via inet 10.99.1.254 dev eth0 proto 18");
        assertThat(j).containsExactly(c);
    }

    private String[] restoreRun(boolean java, Path conf) {
        Netns ns = lab.namespace(java ? "jkeepalived" : "keepalived");
        ns.vethPair("eth0", "peer0");
        ns.vethPair("eth1", "peer1");
        ns.addAddress("eth0", "10.99.1.1/24");
        Daemon d = java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
        d.waitForLine("(VI_1) Entering MASTER STATE", START);
        Poll.until("virtual rules in place", WAIT, () -> kernel(ns).contains("2002:"));
        ns.run("ip", "route", "del", "10.99.60.0/24");
        ns.run("ip", "route", "del", "10.99.61.0/24", "table", "100");
        ns.run("ip", "route", "del", "10.99.64.0/24");
        ns.run("ip", "route", "del", "blackhole", "10.99.62.0/24");
        d.waitForLine("Restoring deleted static route prepend 10.99.61.0/24", WAIT);
        Poll.until("restored", WAIT, () -> kernel(ns).contains("10.99.61.0/24") && kernel(ns).contains("10.99.60.0/24"));
        String after = kernel(ns);
        d.stop(WAIT);
        List<String> lines = new ArrayList<>();
        for (String l : d.process().output().split("\n")) {
            var m = Pattern.compile("Restoring deleted.*|Netlink: error.*").matcher(l);
            if (m.find()) lines.add(m.group().replaceAll(", seq=.*", ""));
        }
        return new String[] {after, String.join("\n", lines), kernel(ns)};
    }

    private String[] staticRun(boolean java, Path conf) {
        Netns ns = lab.namespace(java ? "jkeepalived" : "keepalived");
        ns.vethPair("eth0", "peer0");
        ns.addAddress("eth0", "10.99.1.1/24");
        Daemon d = java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
        Poll.until("static rule in place", START, () -> kernel(ns).contains("1000:"));
        String running = kernel(ns);
        d.stop(WAIT);
        return new String[] {running, kernel(ns)};
    }

    private Run run(boolean java, Path conf) {
        Netns ns = lab.namespace(java ? "jkeepalived" : "keepalived");
        ns.vethPair("eth0", "peer0");
        ns.vethPair("eth1", "peer1");
        ns.addAddress("eth0", "10.99.1.1/24");
        // left behind by an earlier run: keepalived takes the route over, deletes and re-adds the rule
        ns.run("ip", "route", "add", "10.99.60.0/24", "via", "10.99.1.254", "dev", "eth0", "proto", "keepalived");
        ns.run("ip", "rule", "add", "from", "10.99.1.0/24", "table", "100", "priority", "1000", "proto", "keepalived");

        Daemon d = java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
        d.waitForLine("(VI_1) Entering MASTER STATE", START);
        // VIPs, routes, then rules are set: wait for the last
        Poll.until("virtual rules in place", WAIT, () -> kernel(ns).contains("2002:"));
        String master = kernel(ns);

        int mark = d.process().mark();
        ns.down("eth1");
        d.process().waitForLine(Pattern.compile(Pattern.quote("(VI_1) Entering FAULT STATE")), WAIT, mark);
        // rules, routes, then the VIPs go: wait for the last
        Poll.until("virtual rules, routes and VIP gone", WAIT, () -> !ns.hasAddress("eth0", "10.99.1.100"));
        String fault = kernel(ns);

        d.stop(WAIT);
        String exited = kernel(ns);
        List<String> lines = new ArrayList<>();
        for (String l : d.process().output().split("\n")) {
            var m = ROUTING_LINE.matcher(l);
            if (m.find()) lines.add(m.group().replaceAll(", seq=.*", ""));
        }
        return new Run(master, fault, exited, lines);
    }

    /** Routes of every table, rules and addresses, without the lines that differ by MAC (link-local). */
    private static String kernel(Netns ns) {
        String routes = ns.run("ip", "route", "show", "table", "all").stdout();
        String rules = ns.run("ip", "rule").stdout();
        String addrs = ns.run("ip", "-4", "-o", "addr", "show").stdout().replaceAll("valid_lft.*", "");
        return (routes + rules + addrs).lines().filter(l -> !l.contains("fe80") && !l.contains("ff00"))
                .map(String::strip).collect(Collectors.joining("\n"));
    }
}
