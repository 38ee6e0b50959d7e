package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jkeepalived's VRRP runtime against Debian's keepalived 2.2.7 (and against itself) on a bridge between
 * two namespaces: election by priority, graceful stop (priority-0 advert, RFC 3768 §6.4.2: the backup
 * waits only its skew time), hard kill of the master's whole process group (the backup waits the
 * master-down interval, RFC 3768 §6.1), VRRPv3 over IPv6, unicast with PASS and AH authentication.
 */
@Tag("integration")
class VrrpInteropTest {
    /** The first jkeepalived of a run may build the jar. */
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** 3 × advert_int + skew for priority 100 (RFC 3768 §6.1): 3 + 156/256 s. */
    private static final long MASTER_DOWN_MS = 3_609;
    /** Process exit, polling and two busy CI cores. */
    private static final long SLACK_MS = 2_000;

    @RegisterExtension
    final NetLab lab = new NetLab();

    enum Pair {
        JKEEPALIVED_OVER_KEEPALIVED(true, false),
        KEEPALIVED_OVER_JKEEPALIVED(false, true),
        JKEEPALIVED_OVER_JKEEPALIVED(true, true);

        final boolean higherIsJava;
        final boolean lowerIsJava;

        Pair(boolean higherIsJava, boolean lowerIsJava) {
            this.higherIsJava = higherIsJava;
            this.lowerIsJava = lowerIsJava;
        }
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void higherPriorityWinsAndTheBackupTakesOverOnStopAndOnKill(Pair pair) {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns high = hosts.get(0);
        Netns low = hosts.get(1);
        String vip = "10.99.1.100";
        Path highConf = lab.writeFile("high.conf", v2Instance(150, vip));
        Path lowConf = lab.writeFile("low.conf", v2Instance(100, vip));

        Daemon h = start(pair.higherIsJava, high, highConf);
        h.waitForLine("(VI_1) Entering MASTER STATE", START);
        Poll.until("VIP on the first node alone", WAIT, () -> high.hasAddress("eth0", vip));

        Daemon l = start(pair.lowerIsJava, low, lowConf);
        l.waitForLine("(VI_1) Entering BACKUP STATE", START);

        // graceful stop: priority 0, the backup takes over after its skew time only
        // timed from the signal's delivery: on a loaded machine starting the kill command alone takes seconds
        h.process().signal("TERM");
        long t0 = System.nanoTime();
        Poll.until("VIP taken over after SIGTERM", WAIT, () -> low.hasAddress("eth0", vip));
        long termMs = (System.nanoTime() - t0) / 1_000_000;
        h.stop(WAIT);
        assertThat(termMs).as("take-over after a graceful stop, ms").isLessThan(1_000 + SLACK_MS);
        assertThat(high.hasAddress("eth0", vip)).as("VIP released at stop").isFalse();

        // the higher priority comes back and preempts
        int mark = l.process().mark();
        Daemon h2 = start(pair.higherIsJava, high, highConf);
        l.process().waitForLine(Pattern.compile(Pattern.quote("(VI_1) Master received advert from 10.99.1.1 with higher priority 150, ours 100")), START, mark);
        l.process().waitForLine(Pattern.compile(Pattern.quote("(VI_1) Entering BACKUP STATE")), WAIT, mark);
        Poll.until("VIP back on the higher priority", WAIT,
                () -> high.hasAddress("eth0", vip) && !low.hasAddress("eth0", vip));

        // hard kill of the master's process group: the backup waits the master-down interval
        t0 = System.nanoTime();
        h2.kill();
        long dead = System.nanoTime();
        Poll.until("VIP taken over after SIGKILL", WAIT, () -> low.hasAddress("eth0", vip));
        long killMs = (System.nanoTime() - t0) / 1_000_000;
        long sinceDeathMs = (System.nanoTime() - dead) / 1_000_000;
        // not before the last advert's master-down interval, not later than one from the master's death
        assertThat(killMs).as("take-over after a hard kill, ms").isGreaterThan(MASTER_DOWN_MS - 1_000 - 600);
        assertThat(sinceDeathMs).as("take-over after the master died, ms").isLessThan(MASTER_DOWN_MS + SLACK_MS);
        l.waitForLine("(VI_1) Entering MASTER STATE", WAIT);
    }

    @Test
    void vrrpV3OverIpv6InteroperatesBothWays() {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns java = hosts.get(0);
        Netns c = hosts.get(1);
        String vip = "fd00:99::100";
        String conf = """
                vrrp_instance VI_6 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 61
                    version 3
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        fd00:99::100/64
                    }
                }
                """;
        Path javaConf = lab.writeFile("java.conf", conf.formatted(150));
        Path cConf = lab.writeFile("c.conf", conf.formatted(100));
        Daemon j = lab.jkeepalived(java, javaConf);
        j.waitForLine("(VI_6) Entering MASTER STATE", START);
        Daemon k = lab.keepalived(c, cConf);
        k.waitForLine("(VI_6) Entering BACKUP STATE", START);
        Poll.until("IPv6 VIP on jkeepalived", WAIT, () -> java.hasAddress("eth0", vip) && !c.hasAddress("eth0", vip));

        j.kill();
        long t0 = System.nanoTime();
        Poll.until("keepalived takes the IPv6 VIP", WAIT, () -> c.hasAddress("eth0", vip));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(MASTER_DOWN_MS + SLACK_MS);

        int mark = k.process().mark();
        Daemon j2 = lab.jkeepalived(java, javaConf);
        k.process().waitForLine(Pattern.compile("\\(VI_6\\) Master received advert from fe80::\\S+ with higher priority 150, ours 100"), START, mark);
        Poll.until("jkeepalived preempts over IPv6", WAIT, () -> java.hasAddress("eth0", vip) && !c.hasAddress("eth0", vip));
        j2.stop(WAIT);
        Poll.until("keepalived back after jkeepalived's stop", WAIT, () -> c.hasAddress("eth0", vip));
    }

    /** {@code peerIsJava}: jkeepalived on both sides instead of against keepalived. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void unicastWithPassAndAhAuthenticationInteroperatesInBothRoles(boolean peerIsJava) {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns java = hosts.get(0);
        Netns c = hosts.get(1);
        // VI_U (PASS): jkeepalived is the master; VI_A (AH): keepalived is
        Path javaConf = lab.writeFile("java.conf", unicast("10.99.1.1", "10.99.1.2", 150, 100));
        Path cConf = lab.writeFile("c.conf", unicast("10.99.1.2", "10.99.1.1", 100, 150));
        Daemon k = start(peerIsJava, c, cConf);
        k.waitForLine("(VI_A) Entering MASTER STATE", START);
        Daemon j = lab.jkeepalived(java, javaConf);
        j.waitForLine("(VI_U) Entering MASTER STATE", START);
        Poll.until("each VIP on its master", WAIT, () -> java.hasAddress("eth0", "10.99.1.101")
                && c.hasAddress("eth0", "10.99.1.102") && !java.hasAddress("eth0", "10.99.1.102")
                && !c.hasAddress("eth0", "10.99.1.101"));
        assertThat(j.process().output()).doesNotContain("(VI_A) Entering MASTER STATE")
                .doesNotContain("invalid passwd").doesNotContain("IPSEC-AH : invalid");
        assertThat(k.process().output()).doesNotContain("invalid passwd").doesNotContain("IPSEC-AH : invalid");

        k.kill();
        long t0 = System.nanoTime();
        Poll.until("jkeepalived takes the AH instance's VIP", WAIT, () -> java.hasAddress("eth0", "10.99.1.102"));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(MASTER_DOWN_MS + SLACK_MS);

        t0 = System.nanoTime();
        j.stop(WAIT);
        Daemon k2 = start(peerIsJava, c, cConf);
        k2.waitForLine("(VI_U) Entering MASTER STATE", START);
        Poll.until("keepalived holds both VIPs", WAIT,
                () -> c.hasAddress("eth0", "10.99.1.101") && c.hasAddress("eth0", "10.99.1.102"));
        assertThat(java.hasAddress("eth0", "10.99.1.101")).as("released at stop").isFalse();
    }

    @Test
    void aMasterWhoseInterfaceGoesDownLeavesForFaultAndComesBack() {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns java = hosts.get(0);
        Netns c = hosts.get(1);
        String vip = "10.99.1.100";
        Daemon j = lab.jkeepalived(java, lab.writeFile("java.conf", v2Instance(150, vip)));
        j.waitForLine("(VI_1) Entering MASTER STATE", START);
        Daemon k = lab.keepalived(c, lab.writeFile("c.conf", v2Instance(100, vip)));
        k.waitForLine("(VI_1) Entering BACKUP STATE", START);

        int mark = j.process().mark();
        java.down("eth0");
        j.process().waitForLine(Pattern.compile(Pattern.quote("(VI_1) Entering FAULT STATE")), WAIT, mark);
        Poll.until("keepalived takes over from a master in FAULT", WAIT,
                () -> c.hasAddress("eth0", vip) && !java.hasAddress("eth0", vip));

        java.up("eth0");
        j.process().waitForLine(Pattern.compile(Pattern.quote("(VI_1) Entering BACKUP STATE")), WAIT, mark);
        Poll.until("jkeepalived preempts again", WAIT, () -> java.hasAddress("eth0", vip) && !c.hasAddress("eth0", vip));
    }

    private Daemon start(boolean java, Netns ns, Path conf) {
        return java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
    }

    private static String v2Instance(int priority, String vip) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(priority, vip);
    }

    private static String unicast(String self, String peer, int passPriority, int ahPriority) {
        String block = """
                vrrp_instance %s {
                    state BACKUP
                    interface eth0
                    virtual_router_id %d
                    priority %d
                    advert_int 1
                    authentication {
                        auth_type %s
                        auth_pass %s
                    }
                    unicast_src_ip %s
                    unicast_peer {
                        %s
                    }
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """;
        return block.formatted("VI_U", 71, passPriority, "PASS", "secret1", self, peer, "10.99.1.101")
                + block.formatted("VI_A", 81, ahPriority, "AH", "secret2", self, peer, "10.99.1.102");
    }
}
