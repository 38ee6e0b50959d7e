package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Capture;
import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * use_vmac against keepalived 2.2.7: the same configuration run first by keepalived then by jkeepalived on
 * one host, a keepalived backup on the other; the frames the master puts on the wire (tcpdump -e) must be
 * the same: adverts from 00:00:5e:00:01:VRID (RFC 5798 §7.3), or from the base's MAC with
 * vmac_xmit_base, gratuitous ARPs from the virtual MAC; the VMAC is a private macvlan carrying the VIP
 * with keepalived's sysctls, and it is gone after the stop.
 */
@Tag("integration")
class VmacInteropTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final NetLab lab = new NetLab();

    private static String conf(int priority, boolean vmac) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %1$d
                    advert_int 1
                    %2$s
                    virtual_ipaddress {
                        10.99.1.100/24
                    }
                }
                vrrp_instance VI_2 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 52
                    priority %1$d
                    advert_int 1
                    %3$s
                    virtual_ipaddress {
                        10.99.1.110/24
                    }
                }
                """.formatted(priority, vmac ? "use_vmac" : "", vmac ? "use_vmac vm52\n    vmac_xmit_base" : "");
    }

    @Test
    void aVmacMasterPutsTheSameFramesOnTheWireAsKeepalived() {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns a = hosts.get(0);
        Netns b = hosts.get(1);
        Path aConf = lab.writeFile("a.conf", conf(150, true));
        Daemon backup = lab.keepalived(b, lab.writeFile("b.conf", conf(100, false)));
        backup.waitForLine("(VI_2) Entering BACKUP STATE", START);

        Set<String> reference = masterFrames(a, b, lab.keepalived(a, aConf));
        Set<String> ours = masterFrames(a, b, lab.jkeepalived(a, aConf));

        assertThat(reference).as("keepalived's frames").anyMatch(l -> l.startsWith("00:00:5e:00:01:33 > 01:00:5e:00:00:12"));
        assertThat(ours).isEqualTo(reference);
    }

    @Test
    void anIpv6VmacMasterSendsFromTheVirtualMacAndTheBasesLinkLocalAsKeepalived() {
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns a = hosts.get(0);
        Netns b = hosts.get(1);
        Path conf = lab.writeFile("v6.conf", """
                vrrp_instance VI_6 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 61
                    version 3
                    priority 150
                    advert_int 1
                    use_vmac
                    virtual_ipaddress {
                        fd00:99::100/64
                    }
                }
                """);
        Set<String> reference = v6Frames(a, b, lab.keepalived(a, conf));
        Set<String> ours = v6Frames(a, b, lab.jkeepalived(a, conf));
        assertThat(reference).anyMatch(l -> l.contains("ff02::12: VRRPv3, Advertisement, vrid 61, prio 150"))
                .anyMatch(l -> l.contains("neighbor advertisement, tgt is fd00:99::100"));
        assertThat(ours).isEqualTo(reference);
    }

    @Test
    void aReloadThatDropsAVmacInstanceRemovesItsVmacAndKeepsTheOther() throws Exception {
        Netns a = lab.hostsOnLan(1).getFirst();
        Path conf = lab.writeFile("a.conf", conf(150, true));
        Daemon j = lab.jkeepalived(a, conf);
        j.waitForLine("(VI_2) Entering MASTER STATE", START);
        j.waitForLine("(VI_1) Entering MASTER STATE", START);
        java.nio.file.Files.writeString(conf, conf(150, true).substring(0, conf(150, true).indexOf("vrrp_instance VI_2")));
        int mark = j.process().mark();
        j.process().signal("HUP");
        j.process().waitForLine(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                "(VI_2) Success removing VMAC interface vm52")), WAIT, mark);
        Poll.until("vm52 gone, vrrp.51 kept with its VIP", WAIT, () -> !a.exec("ip", "link", "show", "vm52").ok()
                && a.hasAddress("vrrp.51", "10.99.1.100"));
        List<String> after = j.process().linesSince(mark);
        assertThat(String.join("\n", after)).doesNotContain("(VI_1) Entering").doesNotContain("creating VMAC");
    }

    /** The frames {@code master} on {@code a} sends from its IPv6 virtual MAC while it is MASTER. */
    private Set<String> v6Frames(Netns a, Netns b, Daemon master) {
        Capture cap = lab.capture(b, "eth0", "ip6");
        master.waitForLine("(VI_6) Entering MASTER STATE", START);
        long t0 = System.nanoTime();
        Poll.until("adverts", WAIT, () -> System.nanoTime() - t0 > 2_500_000_000L);
        cap.stop();
        Set<String> frames = new TreeSet<>();
        for (String line : cap.packets("-e")) {
            String rest = line.substring(line.indexOf(' ') + 1);
            // keepalived's nftables table drops the kernel's router solicitations from a VMAC and sends its
            // MLD reports through the base; jkeepalived has no firewall side yet: compare the VRRP frames only
            if (rest.startsWith("00:00:5e:00:02:3d") && (rest.contains("VRRP") || rest.contains("neighbor advert"))) {
                frames.add(rest);
            }
        }
        master.stop(WAIT);
        Poll.until("VMAC removed at stop", WAIT, () -> !a.exec("ip", "link", "show", "vrrp.61").ok());
        return frames;
    }

    /** Runs {@code master} on {@code a} until it holds both VIPs, returns its frames, stops it, checks the cleanup. */
    private Set<String> masterFrames(Netns a, Netns b, Daemon master) {
        Capture cap = lab.capture(b, "eth0", "vrrp or arp");
        master.waitForLine("(VI_2) Entering MASTER STATE", START);
        Poll.until("VIPs on the VMACs", WAIT, () -> a.hasAddress("vrrp.51", "10.99.1.100")
                && a.hasAddress("vm52", "10.99.1.110"));
        String link = a.run("ip", "-d", "link", "show", "vrrp.51").stdout();
        assertThat(link).contains("link/ether 00:00:5e:00:01:33").contains("macvlan mode private")
                .contains("addrgenmode none");
        assertThat(a.run("ip", "-d", "link", "show", "vm52").stdout()).contains("link/ether 00:00:5e:00:01:34");
        assertThat(sysctl(a, "net.ipv4.conf.vrrp/51.arp_ignore")).isEqualTo("1");
        assertThat(sysctl(a, "net.ipv4.conf.vrrp/51.accept_local")).isEqualTo("1");
        assertThat(sysctl(a, "net.ipv4.conf.vrrp/51.rp_filter")).isEqualTo("0");
        assertThat(sysctl(a, "net.ipv4.conf.vrrp/51.promote_secondaries")).isEqualTo("1");
        assertThat(sysctl(a, "net.ipv6.conf.vrrp/51.disable_ipv6")).isEqualTo("1");
        assertThat(sysctl(a, "net.ipv4.conf.eth0.arp_ignore")).isEqualTo("1");
        assertThat(sysctl(a, "net.ipv4.conf.eth0.arp_filter")).isEqualTo("1");
        // a few adverts after the take-over's GARP bursts
        long t0 = System.nanoTime();
        Poll.until("adverts", WAIT, () -> System.nanoTime() - t0 > 2_500_000_000L);
        cap.stop();
        String backupMac = mac(b);
        Set<String> frames = new TreeSet<>();
        for (String line : cap.packets("-e")) {
            // "HH:MM:SS.us SRC > DST, ethertype …": everything after the time, for the master's frames only
            String rest = line.substring(line.indexOf(' ') + 1);
            if (rest.startsWith(backupMac)) continue;
            if (rest.contains("10.99.1.1 > 224.0.0.18") || rest.contains("tell 10.99.1.100") || rest.contains("tell 10.99.1.110")) {
                frames.add(rest);
            }
        }
        master.stop(WAIT);
        Poll.until("VMACs removed at stop", WAIT, () -> !a.exec("ip", "link", "show", "vrrp.51").ok()
                && !a.exec("ip", "link", "show", "vm52").ok());
        return frames;
    }

    private static String mac(Netns ns) {
        String out = ns.run("ip", "link", "show", "eth0").stdout();
        int at = out.indexOf("link/ether ") + "link/ether ".length();
        return out.substring(at, at + 17);
    }

    private static String sysctl(Netns ns, String key) {
        return ns.run("sysctl", "-n", key).stdout().trim();
    }
}
