package io.jkeepalived.config.model;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * One line of virtual_routes or static_routes, in `ip route` words.
 *
 * @param type     the route type (unicast, blackhole, unreachable, prohibit, throw, local, broadcast, ...)
 * @param ipv6     the family
 * @param dst      the destination ({@code default} is 0.0.0.0/0 or ::/0)
 * @param src      {@code src}, or null
 * @param via      the gateway ({@code via}/{@code gw}), or null
 * @param dev      {@code dev}/{@code oif}, or null
 * @param table    the table number (0 = main, not set)
 * @param metric   {@code metric}/{@code priority}/{@code preference}, or null
 * @param options  the other words with their values, in order (mtu, scope, protocol, realms, ...)
 * @param nexthops multipath next hops
 * @param noTrack  {@code no_track}
 * @param trackGroup {@code track_group}, or null
 */
public record Route(String type, boolean ipv6, Prefix dst, InetAddress src, InetAddress via, String dev, long table,
                    Long metric, Map<String, String> options, List<Nexthop> nexthops, boolean noTrack,
                    String trackGroup) {
    public Route {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        nexthops = List.copyOf(nexthops);
    }

    /** One {@code nexthop} of a multipath route. */
    public record Nexthop(InetAddress via, String dev, int weight, Map<String, String> options) {
        public Nexthop {
            options = Map.copyOf(options);
        }
    }
}
