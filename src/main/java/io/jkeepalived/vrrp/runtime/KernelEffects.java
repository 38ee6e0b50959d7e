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

    @Override
    public boolean logDetail() {
        return logDetail;
    }
}
