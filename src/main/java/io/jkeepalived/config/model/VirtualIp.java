package io.jkeepalived.config.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Set;

/**
 * One address line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress
 * (keepalived.conf(5): "ADDR[/PREFIX] [dev IF] [scope S] [brd B] [label L] [peer P] [home] ...").
 *
 * @param address       the address
 * @param prefix        its prefix length (32 or 128 when not given; the peer's when a peer is given)
 * @param dev           the interface named with {@code dev}, or null (the instance's interface is used)
 * @param scope         the scope number (0 = global)
 * @param broadcast     the IPv4 broadcast address, or null
 * @param label         the address label, or null
 * @param peer          the peer address, or null
 * @param flags         kernel address flags requested
 * @param preferredLft  preferred lifetime in seconds; -1 = forever; null = kernel default
 * @param noTrack       {@code no_track}
 * @param useVmac       {@code use_vmac}
 * @param trackGroup    {@code track_group} (static addresses), or null
 */
public record VirtualIp(InetAddress address, int prefix, String dev, int scope, InetAddress broadcast, String label,
                        InetAddress peer, Set<Flag> flags, Long preferredLft, boolean noTrack, boolean useVmac,
                        String trackGroup) {
    public enum Flag { HOME, NODAD, MNGTMPADDR, NOPREFIXROUTE, AUTOJOIN }

    public VirtualIp {
        flags = Set.copyOf(flags);
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }
}
