package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Capture;
import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * vrrp_garp_interval on the wire, keepalived 2.2.7 then jkeepalived with the same configuration on the same
 * host: a new master's GARP burst (repeat 2 over four VIPs) sends its first ARP at once and nothing more
 * for 0.5 s, the repeats of the waiting addresses collapsed, in the same order. (keepalived's later spacing
 * depends on its cached clock: measured, it sent the four waiting ARPs together at 0.5 s in some runs and
 * 0.5 s apart in others; jkeepalived keeps them 0.5 s apart, which is what its code intends.)
 */
@Tag("integration")
class GarpIntervalInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CONF = """
            global_defs {
                vrrp_garp_interval 0.5
                vrrp_garp_master_repeat 2
                vrrp_garp_master_delay 0
            }
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 51
                priority 150
                advert_int 1
                virtual_ipaddress {
                    10.99.1.100/24
                    10.99.1.101/24
                    10.99.1.102/24
                    10.99.1.103/24
                }
            }
            """;

    @RegisterExtension
    final NetLab lab = new NetLab();

    @Test
    void aPacedBurstMatchesKeepalived() {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns a = hosts.get(0);
        Netns b = hosts.get(1);
        Path conf = lab.writeFile("a.conf", CONF);
        List<Double> reference = new ArrayList<>();
        List<String> refOrder = burst(a, b, lab.keepalived(a, conf), reference);
        List<Double> ours = new ArrayList<>();
        List<String> ourOrder = burst(a, b, lab.jkeepalived(a, conf), ours);

        assertThat(refOrder).as("keepalived's order").hasSize(5);
        assertThat(ourOrder).isEqualTo(refOrder);
        // the loop's clock is read before the burst's first send: measured gaps come out a little short
        assertThat(reference.get(1)).as("keepalived's first gap, s").isGreaterThan(0.35);
        for (int i = 1; i < ours.size(); i++) {
            assertThat(ours.get(i) - ours.get(i - 1)).as("gap before ARP %d, s", i).isBetween(0.35, 0.8);
        }
    }

    /** The master's ARPs (address, seconds since the first) until the burst is over. */
    private List<String> burst(Netns a, Netns b, Daemon master, List<Double> times) {
        Capture cap = lab.capture(b, "eth0", "arp");
        master.waitForLine("(VI_1) Entering MASTER STATE", START);
        long t0 = System.nanoTime();
        Poll.until("burst over", WAIT, () -> System.nanoTime() - t0 > 3_500_000_000L);
        cap.stop();
        master.stop(WAIT);
        List<String> order = new ArrayList<>();
        double first = -1;
        for (String line : cap.packets("-tt")) {
            if (!line.contains("tell 10.99.1.10")) continue;
            double t = Double.parseDouble(line.substring(0, line.indexOf(' ')));
            if (first < 0) first = t;
            times.add(t - first);
            order.add(line.substring(line.indexOf("tell ") + 5, line.indexOf(", length")));
        }
        return order;
    }
}
