package io.jkeepalived.net.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.net.Link;
import io.jkeepalived.net.frame.GratuitousArp;
import io.jkeepalived.net.frame.NeighbourAdvert;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Gratuitous ARP and unsolicited NA sent from one namespace, seen by tcpdump in another. */
@Tag("integration")
class PacketSocketNamespaceTest {
    private static LabNet lab;

    @BeforeAll
    static void makeLab() {
        lab = LabNet.withNodes(2);
    }

    @AfterAll
    static void removeLab() {
        lab.close();
    }

    /** Runs tcpdump in node 2 until it prints one matching frame, while {@code send} runs in node 1. */
    private static String capture(String filter, Runnable send) throws Exception {
        Process tcpdump = new ProcessBuilder("ip", "netns", "exec", lab.node(2), "tcpdump", "-i", "eth0", "-l",
                "-nn", "-e", "-c", "1", filter).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(tcpdump.getErrorStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = err.readLine()) != null && !line.contains("listening on")) {
                // wait until tcpdump has opened its socket before sending
            }
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(tcpdump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (tcpdump.isAlive() && System.nanoTime() < deadline) {
                send.run();
                tcpdump.waitFor(200, TimeUnit.MILLISECONDS);
            }
            return out.get(10, TimeUnit.SECONDS);
        } finally {
            tcpdump.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void gratuitousArpIsSeenInTheOtherNamespace() throws Exception {
        Link eth0 = lab.inNode(1, () -> {
            try (RouteNetlink rtnl = RouteNetlink.open()) {
                return rtnl.link("eth0").orElseThrow();
            }
        });
        PacketSocket socket = lab.inNode(1, PacketSocket::open);
        try (socket) {
            byte[] frame = new byte[GratuitousArp.LENGTH];
            GratuitousArp.encode(frame, 0, eth0.mac(), InetAddress.getByName("10.99.0.101").getAddress());
            String seen = capture("arp", () -> socket.sendFrame(eth0.index(), GratuitousArp.ETHERTYPE_ARP, frame, 0,
                    frame.length));
            assertThat(seen).contains(eth0.macText() + " > ff:ff:ff:ff:ff:ff")
                    .contains("Request who-has 10.99.0.101 (ff:ff:ff:ff:ff:ff) tell 10.99.0.101");
        }
    }

    @Test
    void unsolicitedNeighbourAdvertIsSeenInTheOtherNamespace() throws Exception {
        Link eth0 = lab.inNode(1, () -> {
            try (RouteNetlink rtnl = RouteNetlink.open()) {
                return rtnl.link("eth0").orElseThrow();
            }
        });
        PacketSocket socket = lab.inNode(1, PacketSocket::open);
        try (socket) {
            byte[] frame = new byte[NeighbourAdvert.LENGTH];
            NeighbourAdvert.encode(frame, 0, eth0.mac(), InetAddress.getByName("fd00:99::100").getAddress(), false);
            String seen = capture("icmp6 and ip6[40] == 136", () -> socket.sendFrame(eth0.index(),
                    NeighbourAdvert.ETHERTYPE_IPV6, frame, 0, frame.length));
            assertThat(seen).contains(eth0.macText() + " > 33:33:00:00:00:01")
                    .contains("fd00:99::100 > ff02::1: ICMP6, neighbor advertisement, tgt is fd00:99::100");
        }
    }
}
