package io.jkeepalived.net.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.Link;
import io.jkeepalived.net.NetException;
import io.jkeepalived.net.NetEvent;
import io.jkeepalived.net.Route;
import io.jkeepalived.net.Rule;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.nl.FibRules;
import io.jkeepalived.net.nl.IfAddr;
import io.jkeepalived.net.nl.IfLink;
import io.jkeepalived.net.nl.Rtnetlink;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** rtnetlink against the kernel of a test namespace, checked with {@code ip}. */
@Tag("integration")
class RouteNetlinkNamespaceTest {
    private static LabNet lab;
    private static RouteNetlink rtnl;
    private static int eth0;

    @BeforeAll
    static void makeLab() {
        lab = LabNet.withNodes(2);
        rtnl = lab.inNode(1, RouteNetlink::open);
        eth0 = lab.inNode(1, () -> Libc.ifNameToIndex("eth0"));
    }

    @AfterAll
    static void removeLab() {
        if (rtnl != null) {
            rtnl.close();
        }
        lab.close();
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    private static String ipAddr() {
        return LabNet.sh("ip", "-n", lab.node(1), "-o", "addr", "show", "dev", "eth0");
    }

    @Test
    void ipv4AddressWithLabelAndBroadcastIsAddedAndRemoved() throws Exception {
        InterfaceAddress vip = InterfaceAddress.of(eth0, ip(lab.spareIpv4(101)), 24)
                .withLabel("eth0:vip").withBroadcast(ip(lab.spareIpv4(255)));
        rtnl.addAddress(vip);
        assertThat(ipAddr()).contains("inet " + lab.spareIpv4(101) + "/24 brd " + lab.spareIpv4(255)
                + " scope global secondary eth0:vip");
        assertThat(rtnl.addresses(IpFamily.IPV4)).anySatisfy(a -> {
            assertThat(a.address()).isEqualTo(ip(lab.spareIpv4(101)));
            assertThat(a.label()).isEqualTo("eth0:vip");
            assertThat(a.broadcast()).isEqualTo(ip(lab.spareIpv4(255)));
            assertThat(a.flags() & IfAddr.IFA_F_SECONDARY).isNotZero();
        });
        rtnl.deleteAddress(vip);
        assertThat(ipAddr()).doesNotContain(lab.spareIpv4(101) + "/");
    }

    @Test
    void ipv6AddressWithNodadAndNoprefixrouteIsAddedAndRemoved() throws Exception {
        InterfaceAddress vip = InterfaceAddress.of(eth0, ip("fd00:99::100"), 64)
                .withFlags(IfAddr.IFA_F_NODAD | IfAddr.IFA_F_NOPREFIXROUTE);
        rtnl.addAddress(vip);
        assertThat(ipAddr()).containsPattern("inet6 fd00:99::100/64 scope global nodad noprefixroute");
        assertThat(rtnl.addresses(IpFamily.IPV6)).anySatisfy(a -> {
            assertThat(a.address()).isEqualTo(ip("fd00:99::100"));
            assertThat(a.flags() & IfAddr.IFA_F_NOPREFIXROUTE).isNotZero();
        });
        rtnl.deleteAddress(vip);
        assertThat(ipAddr()).doesNotContain("fd00:99::100");
    }

    @Test
    void hostScopeAddressKeepsItsScope() throws Exception {
        InterfaceAddress vip = InterfaceAddress.of(eth0, ip("10.99.1.7"), 32).withScope(Rtnetlink.RT_SCOPE_HOST);
        rtnl.addAddress(vip);
        try {
            assertThat(ipAddr()).contains("inet 10.99.1.7/32 scope host eth0");
        } finally {
            rtnl.deleteAddress(vip);
        }
    }

    @Test
    void addingAnAddressTwiceNamesTheOperationAndErrno() throws Exception {
        InterfaceAddress vip = InterfaceAddress.of(eth0, ip(lab.spareIpv4(102)), 24);
        rtnl.addAddress(vip);
        try {
            assertThatThrownBy(() -> rtnl.addAddress(vip))
                    .isInstanceOf(NetException.class)
                    .hasMessageContaining("add address " + lab.spareIpv4(102) + "/24")
                    .hasMessageContaining("File exists")
                    .satisfies(e -> assertThat(((NetException) e).errno()).isEqualTo(17));
        } finally {
            rtnl.deleteAddress(vip);
        }
    }

    @Test
    void linksAreListedWithNameMacAndKind() {
        List<Link> links = rtnl.links();
        assertThat(links).extracting(Link::name).contains("lo", "eth0");
        Link eth = rtnl.link("eth0").orElseThrow();
        assertThat(eth.index()).isEqualTo(eth0);
        assertThat(eth.kind()).isEqualTo("veth");
        assertThat(eth.mac()).hasSize(6);
        assertThat(LabNet.sh("ip", "-n", lab.node(1), "link", "show", "eth0")).contains(eth.macText());
        assertThat(rtnl.link("nosuch0")).isEmpty();
    }

    @Test
    void routeAndRuleAreAddedListedAndRemoved() throws Exception {
        Route route = new Route(IpFamily.IPV4, ip("10.99.50.0"), 24, ip(lab.ipv4(2)), eth0, 100,
                Rtnetlink.RTPROT_KEEPALIVED, Rtnetlink.RT_SCOPE_UNIVERSE, Rtnetlink.RTN_UNICAST, 0, null);
        Rule rule = new Rule(IpFamily.IPV4, 1000, 100, FibRules.FR_ACT_TO_TBL, ip("10.99.0.0"), 24, null, 0,
                0, 0, null, null);
        rtnl.addRoute(route);
        rtnl.addRule(rule);
        try {
            assertThat(LabNet.sh("ip", "-n", lab.node(1), "route", "show", "table", "100"))
                    .contains("10.99.50.0/24 via " + lab.ipv4(2) + " dev eth0 proto keepalived");
            assertThat(LabNet.sh("ip", "-n", lab.node(1), "rule", "show"))
                    .contains("1000:\tfrom 10.99.0.0/24 lookup 100");
            assertThat(rtnl.routes(IpFamily.IPV4)).contains(route);
            assertThat(rtnl.rules(IpFamily.IPV4)).anySatisfy(r -> {
                assertThat(r.priority()).isEqualTo(1000);
                assertThat(r.table()).isEqualTo(100);
                assertThat(r.source()).isEqualTo(ip("10.99.0.0"));
            });
        } finally {
            rtnl.deleteRule(rule);
            rtnl.deleteRoute(route);
        }
        assertThat(LabNet.sh("ip", "-n", lab.node(1), "route", "show", "table", "100")).isBlank();
        assertThat(LabNet.sh("ip", "-n", lab.node(1), "rule", "show")).doesNotContain("lookup 100");
    }

    @Test
    void linkDownIsAnnouncedWithin100Milliseconds() throws Exception {
        LinkMonitor monitor = lab.inNode(2, LinkMonitor::open);
        RouteNetlink node2 = lab.inNode(2, RouteNetlink::open);
        int eth = lab.inNode(2, () -> Libc.ifNameToIndex("eth0"));
        List<NetEvent> seen = new CopyOnWriteArrayList<>();
        try (monitor; node2) {
            Future<Long> watcher = lab.startInNode(2, () -> {
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < deadline) {
                    monitor.poll(e -> {
                        seen.add(e);
                    }, 50);
                    for (NetEvent e : seen) {
                        if (e instanceof NetEvent.LinkChanged(Link link, boolean removed)
                                && link.index() == eth && !link.isUp() && !removed) {
                            return System.nanoTime();
                        }
                    }
                }
                return -1L;
            });
            long start = System.nanoTime();
            node2.setUp(eth, false);
            long seenAt = LabNet.get(watcher);
            assertThat(seenAt).as("link-down event seen").isPositive();
            assertThat((seenAt - start) / 1_000_000).as("milliseconds to the event").isLessThan(100);
            node2.setUp(eth, true);
            assertThat(LabNet.waitFor(java.time.Duration.ofSeconds(5), () -> node2.link("eth0").orElseThrow().isUp()))
                    .isTrue();
        }
    }

    @Test
    void addressEventsAreAnnounced() throws Exception {
        LinkMonitor monitor = lab.inNode(1, LinkMonitor::open);
        List<NetEvent> seen = new CopyOnWriteArrayList<>();
        InterfaceAddress vip = InterfaceAddress.of(eth0, ip(lab.spareIpv4(150)), 24);
        try (monitor) {
            rtnl.addAddress(vip);
            rtnl.deleteAddress(vip);
            LabNet.get(lab.startInNode(1, () -> {
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (seen.size() < 2 && System.nanoTime() < deadline) {
                    monitor.poll(seen::add, 100);
                }
                return null;
            }));
        }
        assertThat(seen).hasSize(2).allSatisfy(e -> {
            InterfaceAddress a = ((NetEvent.AddressChanged) e).address();
            assertThat(a.address()).isEqualTo(vip.address());
            assertThat(a.prefixLength()).isEqualTo(24);
            assertThat(a.ifIndex()).isEqualTo(eth0);
        });
        assertThat(seen).extracting(e -> ((NetEvent.AddressChanged) e).removed()).containsExactly(false, true);
    }

    @Test
    void macvlanWithVrrpVirtualMacIsCreatedAndRemoved() {
        byte[] vmac = {0x00, 0x00, 0x5e, 0x00, 0x01, 0x33};
        Link vmacLink = rtnl.addMacvlan("vrrp.51", eth0, vmac, IfLink.MACVLAN_MODE_PRIVATE);
        try {
            assertThat(vmacLink.kind()).isEqualTo("macvlan");
            assertThat(vmacLink.mac()).containsExactly(vmac);
            assertThat(vmacLink.linkIndex()).isEqualTo(eth0);
            rtnl.setAddrGenMode(vmacLink.index(), IfLink.IN6_ADDR_GEN_MODE_NONE);
            rtnl.setUp(vmacLink.index(), true);
            String shown = LabNet.sh("ip", "-n", lab.node(1), "-d", "link", "show", "vrrp.51");
            assertThat(shown).contains("link/ether 00:00:5e:00:01:33").contains("macvlan mode private")
                    .contains("addrgenmode none");
            assertThat(LabNet.sh("ip", "-n", lab.node(1), "-6", "addr", "show", "dev", "vrrp.51"))
                    .doesNotContain("fe80::");
        } finally {
            rtnl.deleteLink(vmacLink.index());
        }
        assertThat(rtnl.link("vrrp.51")).isEmpty();
    }

    @Test
    void genericNetlinkResolvesTheControllerFamily() {
        try (GenericNetlink genl = lab.inNode(1, GenericNetlink::open)) {
            var family = genl.resolve("nlctrl");
            assertThat(family.id()).isEqualTo(0x10);
            assertThat(family.multicastGroups()).containsKey("notify");
            assertThatThrownBy(() -> genl.resolve("IPVS-nonexistent"))
                    .isInstanceOf(NetException.class)
                    .hasMessageContaining("resolve generic netlink family IPVS-nonexistent")
                    .satisfies(e -> assertThat(((NetException) e).errno()).isPositive());
        }
    }
}
