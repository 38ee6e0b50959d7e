package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Capture;
import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances on one interface with their own mcast_dst_ip (keepalived.conf(5)), jkeepalived against
 * keepalived 2.2.7: each side must hear the other's adverts on each group (keepalived's one socket per
 * group, vrrp_scheduler.c already_exist_sock), so each instance has exactly one MASTER.
 */
@Tag("integration")
class McastGroupInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final NetLab lab = new NetLab();

    private static String conf(int p1, int p2) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    version 3
                    priority %d
                    advert_int 1
                    mcast_dst_ip 224.0.0.100
                    virtual_ipaddress {
                        10.99.1.100/24
                    }
                }
                vrrp_instance VI_2 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 52
                    version 3
                    priority %d
                    advert_int 1
                    mcast_dst_ip 224.0.0.101
                    virtual_ipaddress {
                        10.99.1.110/24
                    }
                }
                vrrp_instance VI_3 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 53
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        10.99.1.120/24
                    }
                }
                """.formatted(p1, p2, p2);
    }

    @Test
    void instancesWithTheirOwnGroupsEachElectOneMaster() {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns java = hosts.get(0);
        Netns c = hosts.get(1);
        Capture cap = lab.capture(c, "eth0", "vrrp");
        Daemon k = lab.keepalived(c, lab.writeFile("c.conf", conf(100, 150)));
        k.waitForLine("(VI_3) Entering MASTER STATE", START);
        k.waitForLine("(VI_1) Entering MASTER STATE", START);
        int kMark = k.process().mark();
        Daemon j = lab.jkeepalived(java, lab.writeFile("java.conf", conf(150, 100)));
        j.waitForLine("(VI_1) Entering MASTER STATE", START);
        j.waitForLine("(VI_2) Entering BACKUP STATE", START);
        j.waitForLine("(VI_3) Entering BACKUP STATE", START);
        Poll.until("one master per instance", WAIT, () -> java.hasAddress("eth0", "10.99.1.100")
                && !c.hasAddress("eth0", "10.99.1.100") && c.hasAddress("eth0", "10.99.1.110"));
        // a few more advert intervals: nobody changes its mind
        long t0 = System.nanoTime();
        Poll.until("steady", WAIT, () -> System.nanoTime() - t0 > 4_000_000_000L);
        assertThat(j.process().output()).doesNotContain("(VI_2) Entering MASTER STATE")
                .doesNotContain("(VI_3) Entering MASTER STATE");
        assertThat(java.hasAddress("eth0", "10.99.1.110")).isFalse();
        assertThat(java.hasAddress("eth0", "10.99.1.120")).isFalse();
        List<String> kLines = k.process().lines();
        // keepalived was alone at first: it hands VI_1 over once and never takes it back
        assertThat(String.join("\n", kLines.subList(kMark, kLines.size())))
                .contains("(VI_1) Entering BACKUP STATE").doesNotContain("(VI_1) Entering MASTER STATE");
        cap.stop();
        String wire = String.join("\n", cap.packets());
        assertThat(wire).contains("10.99.1.1 > 224.0.0.100: VRRPv3, Advertisement, vrid 51, prio 150")
                .contains("10.99.1.2 > 224.0.0.101: VRRPv3, Advertisement, vrid 52, prio 150")
                .contains("10.99.1.2 > 224.0.0.18: VRRPv2, Advertisement, vrid 53, prio 150");
    }
}
