package io.jkeepalived.config.model;

import java.util.List;

/** {@code virtual_server_group NAME { … }}: address ranges and fwmarks sharing one set of real servers. */
public record VirtualServerGroup(String name, List<Range> ranges, List<Fwmark> fwmarks) {
    public VirtualServerGroup {
        ranges = List.copyOf(ranges);
        fwmarks = List.copyOf(fwmarks);
    }

    /** An address, or an inclusive range {@code first..last} (IP-LAST, IP-IP, IP/nn), with a port (0 = none). */
    public record Range(java.net.InetAddress first, java.net.InetAddress last, int port) {
        public AddressFamily family() {
            return AddressFamily.of(first);
        }
    }

    /** {@code fwmark N [inet|inet6]}. */
    public record Fwmark(long mark, AddressFamily family) {}

    public boolean hasIpv4() {
        return ranges.stream().anyMatch(r -> r.family() == AddressFamily.INET)
                || fwmarks.stream().anyMatch(f -> f.family() == AddressFamily.INET);
    }

    public boolean hasIpv6() {
        return ranges.stream().anyMatch(r -> r.family() == AddressFamily.INET6)
                || fwmarks.stream().anyMatch(f -> f.family() == AddressFamily.INET6);
    }
}
