package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.Lan;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A vrrp_sync_group of two instances on two LANs, jkeepalived against Debian's keepalived 2.2.7 in both
 * roles (keepalived.conf(5) vrrp_sync_group; vrrp_sync.c): one of the master's interfaces going down
 * takes the whole group to FAULT there, and both instances fail over to the peer together; the interface
 * coming back brings both home again.
 */
@Tag("integration")
class SyncGroupInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final String VIP1 = "10.99.1.100";
    private static final String VIP2 = "10.99.2.100";

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
    void bothInstancesFailOverTogetherWhenOneOfTheMastersInterfacesGoesDown(Pair pair) {
        Lan lan1 = lab.lan();
        Lan lan2 = lab.lan();
        List<Netns> hosts = lab.hostsOn(lan1, 2);
        for (int n = 1; n <= 2; n++) {
            Netns h = hosts.get(n - 1);
            lan2.connect(h, "eth1");
            h.addAddress("eth1", lan2.ipv4(n));
        }
        Netns high = hosts.get(0);
        Netns low = hosts.get(1);
        Path highConf = lab.writeFile("high.conf", config(150));
        Path lowConf = lab.writeFile("low.conf", config(100));

        Daemon h = start(pair.higherIsJava, high, highConf);
        h.waitForLine("VRRP_Group(G1) Syncing instances to MASTER state", START);
        Poll.until("both VIPs on the first node", WAIT, () -> holdsBoth(high));
        Daemon l = start(pair.lowerIsJava, low, lowConf);
        l.waitForLine("(VI_2) Entering BACKUP STATE", START);
        l.waitForLine("(VI_1) Entering BACKUP STATE", START);

        int highMark = h.process().mark();
        int lowMark = l.process().mark();
        high.down("eth1");
        h.process().waitForLine(Pattern.compile(Pattern.quote("VRRP_Group(G1) Syncing instances to FAULT state")),
                WAIT, highMark);
        h.process().waitForLine(Pattern.compile(Pattern.quote("(VI_1) Entering FAULT STATE")), WAIT, highMark);
        Poll.until("both VIPs moved to the peer", WAIT, () -> holdsBoth(low) && holdsNone(high));
        l.process().waitForLine(Pattern.compile(Pattern.quote("VRRP_Group(G1) Syncing instances to MASTER state")),
                WAIT, lowMark);
        assertThat(l.process().output()).doesNotContain("Syncing instances to FAULT state");

        highMark = h.process().mark();
        lowMark = l.process().mark();
        high.up("eth1");
        h.process().waitForLine(Pattern.compile(Pattern.quote("VRRP_Group(G1) Syncing instances to BACKUP state")),
                WAIT, highMark);
        Poll.until("both VIPs back on the higher priority", WAIT, () -> holdsBoth(high) && holdsNone(low));
        l.process().waitForLine(Pattern.compile(Pattern.quote("VRRP_Group(G1) Syncing instances to BACKUP state")),
                WAIT, lowMark);
        h.stop(WAIT);
        Poll.until("both VIPs on the peer after the master's stop", WAIT, () -> holdsBoth(low));
    }

    private static boolean holdsBoth(Netns ns) {
        return ns.hasAddress("eth0", VIP1) && ns.hasAddress("eth1", VIP2);
    }

    private static boolean holdsNone(Netns ns) {
        return !ns.hasAddress("eth0", VIP1) && !ns.hasAddress("eth1", VIP2);
    }

    private Daemon start(boolean java, Netns ns, Path conf) {
        return java ? lab.jkeepalived(ns, conf) : lab.keepalived(ns, conf);
    }

    private static String config(int priority) {
        return """
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %1$d
                    advert_int 1
                    virtual_ipaddress {
                        %2$s/24
                    }
                }
                vrrp_instance VI_2 {
                    state BACKUP
                    interface eth1
                    virtual_router_id 52
                    priority %1$d
                    advert_int 1
                    virtual_ipaddress {
                        %3$s/24
                    }
                }
                """.formatted(priority, VIP1, VIP2);
    }
}
