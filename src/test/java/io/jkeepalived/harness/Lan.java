package io.jkeepalived.harness;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Ethernet segment: a bridge {@code br0} in a namespace of its own (the "switch"), and one veth pair per
 * host, its switch end enslaved to the bridge, its host end named as the test wants (e.g. {@code eth0}).
 */
public final class Lan {
    private final Netns sw;
    private final int index;
    private final AtomicInteger ports = new AtomicInteger();

    Lan(Netns sw, int index) {
        this.sw = sw;
        this.index = index;
        // Multicast snooping off: VRRP adverts (224.0.0.18, ff02::12) must reach every port, querier or not.
        sw.run("ip", "link", "add", "br0", "type", "bridge", "mcast_snooping", "0", "stp_state", "0", "forward_delay", "0");
        sw.up("br0");
    }

    /** The switch namespace, e.g. to capture on {@code br0}. */
    public Netns switchNamespace() {
        return sw;
    }

    /** This LAN's number, used in its default addresses 10.99.INDEX.0/24 and fd00:99::INDEX:0/112. */
    public int index() {
        return index;
    }

    /** Plugs {@code host} in through a new interface {@code dev} (up, no address yet). */
    public void connect(Netns host, String dev) {
        String port = "p" + ports.incrementAndGet();
        sw.run("ip", "link", "add", port, "type", "veth", "peer", "name", dev, "netns", host.name());
        sw.run("ip", "link", "set", port, "master", "br0");
        sw.up(port);
        host.up(dev);
    }

    /** The default IPv4 address of host number {@code n} on this LAN, with prefix: 10.99.INDEX.n/24. */
    public String ipv4(int n) {
        return "10.99." + index + "." + n + "/24";
    }

    /** The default IPv6 address of host number {@code n}: fd00:99::INDEX:n/64 (inside fd00:99::/64). */
    public String ipv6(int n) {
        return "fd00:99::" + Integer.toHexString(index) + ":" + Integer.toHexString(n) + "/64";
    }

    @Override
    public String toString() {
        return "lan" + index + "(" + sw.name() + ")";
    }
}
