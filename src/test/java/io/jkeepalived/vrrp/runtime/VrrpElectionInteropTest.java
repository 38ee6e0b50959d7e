package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.Lan;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import io.jkeepalived.vrrp.runtime.VrrpInteropTest.Pair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who becomes master, jkeepalived against keepalived 2.2.7 in both roles and against itself, with three
 * instances in the same two daemons (node 1 = 10.99.N.1 is {@link Pair#higherIsJava}'s kind):
 * <ul>
 * <li>VI_T, equal priorities: a backup accepts an equal-priority master whatever the addresses (RFC 5798
 *     §6.4.2; keepalived measured: the higher address started second stays BACKUP), and only when both
 *     are master does the higher primary address win ("same priority but higher IP address");</li>
 * <li>VI_N, node 1 has the higher priority and {@code nopreempt}: it does not take over a running lower
 *     master, yet wins when both are master;</li>
 * <li>VI_P, PASS with different passwords: each drops the other's adverts ("received an invalid
 *     passwd!") and both become master, each holding the VIP (keepalived measured).</li>
 * </ul>
 * Both-master situations are made by detaching a node's switch port: the link stays up, adverts stop.
 */
@Tag("integration")
class VrrpElectionInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Three adverts at 500 ms: a wrong preemption happens on the first. (500 ms rather than 100 ms keeps a
     * master frozen a few hundred ms by a loaded machine from being rightly replaced mid-test.)
     */
    private static final long HOLD_NANOS = 1_500_000_000L;

    @RegisterExtension
    final NetLab lab = new NetLab();

    @ParameterizedTest
    @EnumSource(Pair.class)
    void equalPrioritiesNopreemptAndMismatchedPasswordsElectAsKeepalivedDoes(Pair pair) {
        Lan lan = lab.lan();
        List<Netns> hosts = lab.hostsOn(lan, 2);
        Netns one = hosts.get(0);
        Netns two = hosts.get(1);
        String net = "10.99." + lan.index() + ".";
        String tie = net + "100";
        String nopreempt = net + "101";
        String pass = net + "102";
        Path oneConf = lab.writeFile("one.conf", instances(150, true, "secret1", net));
        Path twoConf = lab.writeFile("two.conf", instances(100, false, "secret2", net));

        // node 2 (the higher address) first: it is master of everything
        Daemon d2 = start(pair.lowerIsJava, two, twoConf);
        d2.waitForLine("(VI_T) Entering MASTER STATE", START);
        d2.waitForLine("(VI_N) Entering MASTER STATE", WAIT);
        Daemon d1 = start(pair.higherIsJava, one, oneConf);
        d1.waitForLine("(VI_T) Entering BACKUP STATE (init)", START);
        d1.waitForLine("(VI_N) Entering BACKUP STATE (init)", WAIT);

        // a backup neither preempts an equal priority nor, with nopreempt, a lower one
        hold("VI_T and VI_N stay on node 2", () -> only(two, one, tie) && only(two, one, nopreempt));
        assertThat(d1.process().output()).doesNotContain("(VI_T) Entering MASTER").doesNotContain("(VI_N) Entering MASTER");

        // mismatched passwords: both drop the other's adverts and both end up master of VI_P
        d1.waitForLine("(VI_P) received an invalid passwd!", WAIT);
        d2.waitForLine("(VI_P) received an invalid passwd!", WAIT);
        d1.waitForLine("(VI_P) Entering MASTER STATE", WAIT);
        Poll.until("VI_P's VIP on both nodes", WAIT, () -> one.hasAddress("eth0", pass) && two.hasAddress("eth0", pass));

        // both master, then healed: the higher address wins VI_T, the higher priority (nopreempt or not) VI_N
        int m1 = d1.process().mark();
        int m2 = d2.process().mark();
        bothMasterThenHeal(lan, 1, d1, m1);
        line(d1, m1, "(VI_T) Master received advert from " + net + "2 with same priority 100 but higher IP address than ours");
        line(d1, m1, "(VI_T) Entering BACKUP STATE");
        line(d2, m2, "(VI_N) Master received advert from " + net + "1 with higher priority 150, ours 100");
        line(d2, m2, "(VI_N) Entering BACKUP STATE");
        Poll.until("VI_T on node 2, VI_N on node 1", WAIT, () -> only(two, one, tie) && only(one, two, nopreempt));
        assertThat(two.hasAddress("eth0", pass) && one.hasAddress("eth0", pass)).as("VI_P still master on both").isTrue();

        // the other way round: node 1 holds VI_T, node 2 (higher address, same priority) returns and stays backup
        d2.stop(WAIT);
        Poll.until("VI_T on node 1 after node 2's stop", WAIT, () -> one.hasAddress("eth0", tie));
        Daemon d2b = start(pair.lowerIsJava, two, twoConf);
        d2b.waitForLine("(VI_T) Entering BACKUP STATE (init)", START);
        hold("VI_T and VI_N stay on node 1", () -> only(one, two, tie) && only(one, two, nopreempt));
        assertThat(d2b.process().output()).doesNotContain("(VI_T) Entering MASTER").doesNotContain("(VI_N) Entering MASTER");

        // both master again: still the higher address wins VI_T, now node 1 yields
        m1 = d1.process().mark();
        m2 = d2b.process().mark();
        bothMasterThenHeal(lan, 2, d2b, m2);
        line(d1, m1, "(VI_T) Master received advert from " + net + "2 with same priority 100 but higher IP address than ours");
        line(d2b, m2, "(VI_N) Master received advert from " + net + "1 with higher priority 150, ours 100");
        Poll.until("VI_T on node 2, VI_N on node 1 again", WAIT, () -> only(two, one, tie) && only(one, two, nopreempt));
    }

    /** Detaches host {@code port}'s switch port until {@code cut} is master of VI_T and VI_N, then plugs it back. */
    private static void bothMasterThenHeal(Lan lan, int port, Daemon cut, int mark) {
        Netns sw = lan.switchNamespace();
        sw.run("ip", "link", "set", "p" + port, "nomaster");
        try {
            line(cut, mark, "(VI_T) Entering MASTER STATE");
            line(cut, mark, "(VI_N) Entering MASTER STATE");
        } finally {
            sw.run("ip", "link", "set", "p" + port, "master", "br0");
        }
    }

    private static void line(Daemon d, int mark, String text) {
        d.process().waitForLine(Pattern.compile(Pattern.quote(text)), WAIT, mark);
    }

    /** {@code condition} holds throughout {@link #HOLD_NANOS}. */
    private static void hold(String what, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + HOLD_NANOS;
        while (System.nanoTime() < end) assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    /** {@code vip} is on {@code holder} and not on {@code other}. */
    private static boolean only(Netns holder, Netns other, String vip) {
        return holder.hasAddress("eth0", vip) && !other.hasAddress("eth0", vip);
    }

    private Daemon start(boolean java, Netns ns, Path conf) {
        return java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
    }

    /** VI_T (equal priority) and VI_N are VRRPv3 at 500 ms; VI_P is VRRPv2 (PASS exists only in v2) at 1 s. */
    private static String instances(int nPriority, boolean nopreempt, String password, String net) {
        return """
                vrrp_instance VI_T {
                    state BACKUP
                    interface eth0
                    virtual_router_id 53
                    version 3
                    priority 100
                    advert_int 0.5
                    virtual_ipaddress {
                        %1$s100/24
                    }
                }
                vrrp_instance VI_N {
                    state BACKUP
                    interface eth0
                    virtual_router_id 54
                    version 3
                    priority %2$d
                    %3$s
                    advert_int 0.5
                    virtual_ipaddress {
                        %1$s101/24
                    }
                }
                vrrp_instance VI_P {
                    state BACKUP
                    interface eth0
                    virtual_router_id 55
                    version 2
                    priority %2$d
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass %4$s
                    }
                    virtual_ipaddress {
                        %1$s102/24
                    }
                }
                """.formatted(net, nPriority, nopreempt ? "nopreempt" : "", password);
    }
}
