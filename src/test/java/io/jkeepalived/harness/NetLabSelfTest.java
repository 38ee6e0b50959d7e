package io.jkeepalived.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
class NetLabSelfTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final NetLab lab = new NetLab();

    @Test
    void twoHostsOnABridgePingEachOtherOverIpv4AndIpv6() {
        Packages.require("ping", "iputils-ping");
        List<Netns> hosts = lab.hostsOnLan(2);
        Netns a = hosts.get(0);
        Netns b = hosts.get(1);

        assertThat(lab.namespaceNames()).allMatch(n -> n.startsWith(NetLab.PREFIX)).hasSize(3);
        assertThat(a.addresses("eth0")).extracting(Address::cidr).contains("10.99.1.1/24", "fd00:99::1:1/64");
        assertThat(b.hasAddress("eth0", "10.99.1.2")).isTrue();

        assertThat(a.exec("ping", "-c", "1", "-W", "5", "10.99.1.2").describe()).contains("exit 0");
        assertThat(b.exec("ping", "-c", "1", "-W", "5", "10.99.1.1").describe()).contains("exit 0");
        assertThat(a.exec("ping", "-6", "-c", "1", "-W", "5", "fd00:99::1:2").describe()).contains("exit 0");
    }

    @Test
    void commandsInANamespaceSeeOnlyItsInterfaces() {
        Netns ns = lab.namespace();
        ns.vethPair("eth0", "eth0p");
        CommandResult links = ns.run("ip", "-o", "link", "show");
        assertThat(links.stdout()).contains("eth0").contains("eth0p").contains("lo");
        assertThat(ns.exec("sh", "-c", "echo out; echo err >&2; exit 3"))
                .extracting(CommandResult::exitCode, CommandResult::stdout, CommandResult::stderr)
                .containsExactly(3, "out\n", "err\n");
    }

    @Test
    void processesAreSignalledAloneOrAsAGroupAndTheirOutputIsWaitedFor() {
        Netns ns = lab.namespace();
        LabProcess sh = ns.start("trapper", "sh", "-c",
                "trap 'echo got HUP' HUP; sleep 1000 & echo child $!; echo ready >&2;"
                        + " while :; do wait; done");
        assertThat(sh.pgid()).isEqualTo(sh.pid());
        sh.waitForLine("ready", WAIT);
        long child = Long.parseLong(sh.waitForLine(java.util.regex.Pattern.compile("^child \\d+$"), WAIT).substring(6));
        int mark = sh.mark();
        sh.signal("HUP");
        sh.waitForLine(java.util.regex.Pattern.compile("got HUP"), WAIT, mark);
        assertThat(ProcStat.alive(child)).isTrue();
        assertThat(sh.stderrLines()).containsExactly("ready");
        assertThat(sh.stdoutFile()).content().contains("got HUP");

        sh.kill();
        assertThat(sh.isAlive()).isFalse();
        assertThat(ProcStat.alive(child)).as("child in the same group").isFalse();
    }

    @Test
    void debianKeepalivedBecomesMasterThenTeardownRemovesEverything() throws Exception {
        List<String> made;
        long leftOver;
        Daemon keepalived;
        try (NetLab own = new NetLab("NetLabSelfTest.keepalived")) {
            List<Netns> hosts = own.hostsOnLan(1);
            Netns host = hosts.getFirst();
            Path conf = own.writeFile("keepalived.conf", """
                    global_defs {
                        router_id jkt_selftest
                    }
                    vrrp_instance VI_1 {
                        state MASTER
                        interface eth0
                        virtual_router_id 51
                        priority 150
                        advert_int 1
                        virtual_ipaddress {
                            10.99.1.100/24
                        }
                    }
                    """);
            Capture capture = host.capture("eth0", "ip", "proto", "112");
            keepalived = own.keepalived(host, conf);
            keepalived.waitForLine("Entering MASTER STATE", WAIT);
            keepalived.process().waitFor("VIP on eth0", WAIT, () -> host.hasAddress("eth0", "10.99.1.100"));
            keepalived.process().waitFor("vrrp pid file", WAIT, () -> keepalived.vrrpPid().isPresent());
            long vrrpChild = keepalived.vrrpPid().getAsLong();

            int before = keepalived.process().mark();
            Poll.until("an advert to be captured", WAIT, () -> capture.pcap().toFile().length() > 24);
            capture.stop();
            assertThat(capture.packets()).anyMatch(l -> l.contains("VRRPv2") && l.contains("vrid 51"));

            keepalived.kill();
            assertThat(keepalived.process().isAlive()).isFalse();
            assertThat(keepalived.process().groupAlive()).isFalse();
            assertThat(ProcStat.alive(vrrpChild)).isFalse();
            assertThat(keepalived.process().linesSince(before))
                    .noneMatch(l -> l.contains("Stopping"));

            LabProcess sleeper = host.start("sleeper", "sleep", "1000");
            leftOver = sleeper.pid();
            made = own.namespaceNames();
            assertThat(made).hasSize(2);
        }
        assertThat(ProcStat.alive(leftOver)).as("process left running at teardown").isFalse();
        String listed = Shell.run("ip", "netns", "list").stdout();
        assertThat(made).allSatisfy(n -> assertThat(listed).doesNotContain(n));
        assertThat(keepalived.process().stdoutFile()).exists();
    }
}
