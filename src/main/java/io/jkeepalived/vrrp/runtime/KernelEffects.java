package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.net.AddressControl;
import io.jkeepalived.net.FrameSender;
import io.jkeepalived.net.Link;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What an instance needs from the kernel besides its socket: addresses, frames, and the interfaces as
 * the event loop last saw them ({@code links} is the loop's own map, read on the loop thread only).
 */
final class KernelEffects implements InstanceRuntime.Effects {
    private final NetPorts ports;
    private final Map<String, Link> links;
    private final boolean logDetail;
    private final Map<String, Boolean> router = new HashMap<>();
    private GarpPacer pacer;
    private java.util.function.LongConsumer rearm;

    KernelEffects(NetPorts ports, Map<String, Link> links, boolean logDetail) {
        this.ports = ports;
        this.links = links;
        this.logDetail = logDetail;
    }

    @Override
    public AddressControl addresses() {
        return ports.addresses();
    }

    @Override
    public io.jkeepalived.net.RouteControl routes() {
        return ports.routes();
    }

    @Override
    public FrameSender frames() {
        return ports.frames();
    }

    @Override
    public byte[] mac(String ifName) {
        Link l = links.get(ifName);
        return l == null ? null : l.mac();
    }

    @Override
    public int ifIndex(String ifName) {
        Link l = links.get(ifName);
        return l == null ? 0 : l.index();
    }

    /** keepalived sets the NA router flag when the interface forwards IPv6 (RFC 4861 §4.4). */
    @Override
    public boolean ipv6Router(String ifName) {
        return router.computeIfAbsent(ifName, n -> {
            try {
                return Files.readString(Path.of("/proc/sys/net/ipv6/conf", n, "forwarding")).trim().equals("1");
            } catch (java.io.IOException | RuntimeException e) {
                return false;
            }
        });
    }

    /** vrrp_garp_interval pacing; {@code rearm} sets the pacer's timer to a wake-up time. */
    void pace(GarpPacer p, java.util.function.LongConsumer rearm) {
        this.pacer = p != null && p.active() ? p : null;
        this.rearm = rearm;
    }

    @Override
    public boolean admitGarp(InstanceRuntime instance, int vip, String dev, boolean ipv6, long now) {
        if (pacer == null || pacer.admit(instance, vip, dev, ipv6, now)) return true;
        rearm.accept(pacer.nextWake());
        return false;
    }

    @Override
    public void forgetGarps(InstanceRuntime instance) {
        if (pacer != null) pacer.forget(instance);
    }

    /** A VMAC's base interface (GARP pacing counts per physical interface), else the interface itself. */
    String baseOf(String ifName) {
        Link l = links.get(ifName);
        if (l == null || !"macvlan".equals(l.kind()) || l.linkIndex() == 0) return ifName;
        for (Link b : links.values()) {
            if (b.index() == l.linkIndex()) return b.name();
        }
        return ifName;
    }

    @Override
    public boolean logDetail() {
        return logDetail;
    }
}
