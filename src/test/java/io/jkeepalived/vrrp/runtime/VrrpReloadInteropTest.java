package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Capture;
import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGHUP on a running jkeepalived master, with Debian's keepalived 2.2.7 as its backup on the same LAN
 * (vrrp_daemon.c reload_vrrp_thread, vrrp.c clear_diff_vrrp): the kept instance stays MASTER with no new
 * election (the backup never takes over), its dropped VIP goes and its new one comes; the dropped
 * instance sends priority 0 so that keepalived takes over at once; the new instance starts in BACKUP.
 */
@Tag("integration")
class VrrpReloadInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final NetLab lab = new NetLab();

    private static String instance(String name, int vrid, int priority, String extra, String... vips) {
        StringBuilder v = new StringBuilder();
        for (String a : vips) v.append("        ").append(a).append('\n');
        return """
                vrrp_instance %s {
                    state BACKUP
                    interface eth0
                    virtual_router_id %d
                    priority %d
                    advert_int 1
                    %s
                    virtual_ipaddress {
                %s    }
                }
                """.formatted(name, vrid, priority, extra, v);
    }

    @Test
    void aReloadKeepsTheMasterDropsAndAddsInstancesAndDiffsTheVips() throws Exception {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns java = hosts.get(0);
        Netns c = hosts.get(1);
        Path javaConf = lab.writeFile("java.conf",
                instance("VI_1", 51, 150, "", "10.99.1.100/24", "10.99.1.101/24")
                        + instance("VI_2", 52, 150, "", "10.99.1.110/24"));
        // the backup's VIP check would refuse the master's new list; operators change both sides anyway
        Path cConf = lab.writeFile("c.conf",
                instance("VI_1", 51, 100, "skip_check_adv_addr", "10.99.1.100/24", "10.99.1.101/24")
                        + instance("VI_2", 52, 100, "", "10.99.1.110/24"));
        Daemon j = lab.jkeepalived(java, javaConf);
        j.waitForLine("(VI_2) Entering MASTER STATE", START);
        Daemon k = lab.keepalived(c, cConf);
        k.waitForLine("(VI_2) Entering BACKUP STATE", START);
        Poll.until("VIPs on jkeepalived", WAIT, () -> java.hasAddress("eth0", "10.99.1.101")
                && java.hasAddress("eth0", "10.99.1.110"));

        Capture cap = lab.capture(c, "eth0", "ip proto 112");
        int jMark = j.process().mark();
        int kMark = k.process().mark();
        // VI_1 renamed and its VIPs changed; VI_2 dropped; VI_3 new
        Files.writeString(javaConf, instance("VI_ONE", 51, 150, "", "10.99.1.100/24", "10.99.1.102/24")
                + instance("VI_3", 53, 150, "", "10.99.1.130/24"));
        long hupAt = System.currentTimeMillis();
        j.process().signal("HUP");

        j.process().waitForLine(Pattern.compile("^.*: Reloading$"), WAIT, jMark);
        j.process().waitForLine(Pattern.compile(Pattern.quote(
                "(VI_ONE) ip address 10.99.1.101/24 dev eth0, no longer exist")), WAIT, jMark);
        j.process().waitForLine(Pattern.compile(Pattern.quote("(VI_3) Entering BACKUP STATE (init)")), WAIT, jMark);
        Poll.until("VIP diff applied", WAIT, () -> java.hasAddress("eth0", "10.99.1.102")
                && !java.hasAddress("eth0", "10.99.1.101") && java.hasAddress("eth0", "10.99.1.100"));
        // priority 0 from the dropped instance: keepalived takes over after its skew time, not 3 s
        k.process().waitForLine(Pattern.compile(Pattern.quote("(VI_2) Entering MASTER STATE")), WAIT, kMark);
        assertThat(System.currentTimeMillis() - hupAt).as("take-over of the dropped instance, ms").isLessThan(3_000);
        Poll.until("dropped instance's VIP released", WAIT, () -> !java.hasAddress("eth0", "10.99.1.110")
                && c.hasAddress("eth0", "10.99.1.110"));
        j.process().waitForLine(Pattern.compile(Pattern.quote("(VI_3) Entering MASTER STATE")), WAIT, jMark);

        // the kept master never left MASTER, and its backup never saw a reason to take over
        String after = String.join("\n", j.process().linesSince(jMark));
        assertThat(after).doesNotContain("(VI_1) Entering").doesNotContain("(VI_ONE) Entering");
        String kAfter = String.join("\n", k.process().linesSince(kMark));
        assertThat(kAfter).doesNotContain("(VI_1) Entering MASTER STATE");
        assertThat(c.hasAddress("eth0", "10.99.1.100")).isFalse();

        cap.stop();
        List<String> wire = cap.packets("-v");
        String all = String.join("\n", wire);
        assertThat(all).as("dropped master's goodbye").containsPattern("vrid 52, prio 0");
        assertThat(all).as("kept master never says goodbye").doesNotContainPattern("vrid 51, prio 0");
        assertThat(all).as("kept master's adverts carry the new list").contains("addrs(2): 10.99.1.100,10.99.1.102");
    }

    @Test
    void aSyncGroupOfMastersStaysMasterSilentlyAcrossAReloadAsKeepalived() throws Exception {
        Netns java = lab.hostsOnLan(1).getFirst();
        String conf = """
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                }
                """ + instance("VI_1", 51, 150, "", "10.99.1.100/24") + instance("VI_2", 52, 150, "", "10.99.1.110/24");
        Path file = lab.writeFile("java.conf", conf);
        Daemon j = lab.jkeepalived(java, file);
        j.waitForLine("VRRP_Group(G1) Syncing instances to MASTER state", START);
        Poll.until("both VIPs", WAIT, () -> java.hasAddress("eth0", "10.99.1.100") && java.hasAddress("eth0", "10.99.1.110"));
        int mark = j.process().mark();
        j.process().signal("HUP");
        j.process().waitForLine(Pattern.compile("^.*: Reload complete$"), WAIT, mark);
        // keepalived 2.2.7 says only "(VI_n) setting VIPs." here: no group line, no transition
        long t0 = System.nanoTime();
        Poll.until("a few advert intervals", WAIT, () -> System.nanoTime() - t0 > 3_000_000_000L);
        String after = String.join("\n", j.process().linesSince(mark));
        assertThat(after).contains("(VI_1) setting VIPs.").contains("(VI_2) setting VIPs.")
                .doesNotContain("VRRP_Group").doesNotContain("Entering");
        assertThat(java.hasAddress("eth0", "10.99.1.100") && java.hasAddress("eth0", "10.99.1.110")).isTrue();
    }
}
