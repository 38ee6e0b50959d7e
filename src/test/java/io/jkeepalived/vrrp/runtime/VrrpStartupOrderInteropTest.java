package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up lines of several instances come in keepalived 2.2.7's order, measured by running both
 * daemons on the same configuration in twin namespaces: every interface-down line, then every
 * missing-address line (vrrp_track.c initialise_tracking_priorities), every "(VI_x) entering FAULT state"
 * (vrrp.c vrrp_complete_init), then every instance's leftover VIPs removed (vrrp_restore_interfaces_startup),
 * then each first state (vrrp_scheduler.c vrrp_init_state).
 */
@Tag("integration")
class VrrpStartupOrderInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final String CONF = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                advert_int 1
                virtual_ipaddress {
                    10.99.1.100/24
                }
            }
            vrrp_instance VI_2 {
                interface eth1
                virtual_router_id 52
                priority 100
                advert_int 1
                virtual_ipaddress {
                    10.99.2.100/24
                }
            }
            vrrp_instance VI_3 {
                interface eth0
                virtual_router_id 53
                priority 100
                advert_int 1
                virtual_ipaddress {
                    10.99.1.103/24
                }
            }
            """;

    @RegisterExtension
    final NetLab lab = new NetLab();

    @Test
    void instancesStartInKeepalivedsOrderOfLines() {
        Path conf = lab.writeFile("keepalived.conf", CONF);
        Netns c = twin();
        Netns java = twin();
        Daemon k = lab.keepalived(c, conf);
        Daemon j = lab.jkeepalived(java, conf);
        k.waitForLine("(VI_3) Entering BACKUP STATE (init)", START);
        j.waitForLine("(VI_3) Entering BACKUP STATE (init)", START);
        assertThat(startLines(j)).isEqualTo(startLines(k));
    }

    /** eth0 up with an address, eth1 down without one: VI_2 starts in FAULT for two reasons. */
    private Netns twin() {
        Netns ns = lab.namespace();
        ns.vethPair("eth0", "eth0p");
        ns.addAddress("eth0", "10.99.1.1/24");
        ns.run("ip", "link", "add", "eth1", "type", "veth", "peer", "name", "eth1p");
        return ns;
    }

    /** The instances' lines up to the last first state, without timestamps. */
    private static List<String> startLines(Daemon d) {
        List<String> out = new ArrayList<>();
        for (String line : d.process().lines()) {
            int at = line.indexOf("(VI_");
            if (at < 0) continue;
            String text = line.substring(at);
            out.add(text);
            if (text.equals("(VI_3) Entering BACKUP STATE (init)")) break;
        }
        return out;
    }
}
