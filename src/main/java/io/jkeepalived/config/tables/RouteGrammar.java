package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;

import io.jkeepalived.config.model.Prefix;
import io.jkeepalived.config.model.Route;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.ParseContext;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One route line of static_routes / virtual_routes (keepalived's alloc_route, `ip route` words). The
 * destination and the words that change behaviour are typed; the rest are kept with their values.
 */
final class RouteGrammar {
    private RouteGrammar() {}

    private static final Set<String> TYPES = Set.of("unicast", "blackhole", "unreachable", "prohibit", "throw",
            "local", "broadcast", "multicast", "anycast", "nat");
    /** Words followed by one value (a metric may also be preceded by "lock"). */
    private static final Set<String> VALUED = Set.of("tos", "dsfield", "expires", "mtu", "hoplimit", "advmss", "rtt",
            "rttvar", "reordering", "window", "cwnd", "ssthresh", "realms", "rto_min", "initcwnd", "initrwnd",
            "features", "quickack", "congctl", "pref", "ttl-propagate", "fastopen_no_cookie", "as");
    private static final Set<String> FLAGS = Set.of("onlink", "no_track", "add", "append", "prepend");

    static Route parse(ParseContext ctx, RootBuilder root, Args a, boolean staticRoute) {
        String type = "unicast";
        Boolean v6 = null;
        Prefix dst = null;
        String dest = null;
        InetAddress src = null, via = null;
        String dev = null, trackGroup = null;
        long table = 0;
        Long metric = null;
        boolean noTrack = false;
        Map<String, String> opts = new LinkedHashMap<>();
        List<Route.Nexthop> hops = new ArrayList<>();
        int i = 0;
        while (i < a.size()) {
            String w = a.word(i);
            if (w.equals("inet") || w.equals("inet6")) {
                boolean six = w.equals("inet6");
                if (v6 != null && v6 != six) {
                    ctx.error(GENERAL_ERROR, w + " specified for IPv" + (v6 ? 6 : 4) + " route");
                    return null;
                }
                v6 = six;
            } else if (FLAGS.contains(w)) {
                if (w.equals("no_track")) noTrack = true;
                else opts.put(w, "");
            } else if (w.equals("nexthop") || w.equals("or")) {
                // the rest of the line describes next hops; keep it whole
                opts.put("nexthop", String.join(" ", a.words().subList(i + 1, a.size())));
                break;
            } else if (w.equals("encap")) {
                opts.put(w, String.join(" ", a.words().subList(i + 1, a.size())));
                break;
            } else if (Set.of("src", "via", "gw", "from", "table", "protocol", "scope", "metric", "priority",
                    "preference", "dev", "oif", "track_group", "vrf").contains(w) || VALUED.contains(w)) {
                String v = a.word(++i);
                switch (w) {
                    case "src" -> {
                        if ((src = address(ctx, v, v6, "invalid route src address " + v)) == null) return null;
                        v6 = !(src instanceof Inet4Address);
                    }
                    case "via", "gw" -> {
                        if (w.equals("gw")) ctx.error(GENERAL_ERROR, "\"gw\" for routes is deprecated. Please use \"via\"");
                        if (v.equals("inet") || v.equals("inet6")) v = a.word(++i);
                        if ((via = address(ctx, v, v6, "invalid route via address " + v)) == null) return null;
                        v6 = !(via instanceof Inet4Address);
                    }
                    case "from" -> {
                        if (AddressGrammar.parse(ctx, v, true) == null) {
                            ctx.error(GENERAL_ERROR, "invalid route from address " + v);
                            return null;
                        }
                        opts.put("from", v);
                    }
                    case "table" -> {
                        Integer t = RtTables.table(v);
                        if (t == null) {
                            ctx.error(GENERAL_ERROR, "Routing table " + v + " not found for route");
                            return null;
                        }
                        table = t;
                    }
                    case "protocol" -> {
                        if (RtTables.protocol(v) == null) {
                            ctx.error(GENERAL_ERROR, "Protocol " + v + " not found or invalid for route");
                            return null;
                        }
                        opts.put(w, v);
                    }
                    case "scope" -> {
                        if (RtTables.scope(v) == null) {
                            ctx.error(GENERAL_ERROR, "Scope " + v + " not found or invalid for route");
                            return null;
                        }
                        opts.put(w, v);
                    }
                    case "metric", "priority", "preference" -> {
                        Long m = a.readUnsigned(i, 0, 0xFFFF_FFFFL);
                        if (m == null) return null;
                        metric = m;
                    }
                    case "dev", "oif" -> {
                        if (!Interfaces.lookup(ctx, root, v)) {
                            ctx.error(GENERAL_ERROR, "WARNING - interface " + v + " for VROUTE nexthop doesn't exist");
                            return null;
                        }
                        dev = v;
                    }
                    case "track_group" -> {
                        if (trackGroup != null) {
                            ctx.error(GENERAL_ERROR, "track_group " + v + " is a duplicate");
                        } else if (!root.vrrp.trackGroupNames.contains(v)) {
                            ctx.error(GENERAL_ERROR, "track_group " + v + " not found");
                        } else {
                            trackGroup = v;
                        }
                    }
                    case "vrf" -> {
                        ctx.error(GENERAL_ERROR, "VRF " + v + " not found for route");
                        return null;
                    }
                    default -> {
                        if (v.equals("lock")) v = "lock " + a.word(++i);
                        opts.put(w, v);
                    }
                }
            } else {
                // anything else is "[to] [TYPE] PREFIX"
                if (w.equals("to")) w = a.word(++i);
                if (TYPES.contains(w)) {
                    type = w;
                    w = a.word(++i);
                }
                dest = w;
                if (w.equals("default") || w.equals("any") || w.equals("all") || w.equals("default6")) {
                    boolean six = w.equals("default6") || Boolean.TRUE.equals(v6);
                    dst = new Prefix(Words.ip(six ? "::" : "0.0.0.0"), 0);
                } else {
                    var p = AddressGrammar.parse(ctx, w, true);
                    if (p == null) {
                        ctx.error(GENERAL_ERROR, "unknown route keyword " + w);
                        return null;
                    }
                    dst = new Prefix(p.address(), p.prefix());
                    if (v6 != null && v6 != dst.isIpv6()) {
                        ctx.error(GENERAL_ERROR, "Cannot mix IPv4 and IPv6 addresses for route (" + w + ")");
                        return null;
                    }
                    v6 = dst.isIpv6();
                }
            }
            i++;
        }
        if (dst == null) {
            ctx.error(GENERAL_ERROR, "Route must have a destination");
            return null;
        }
        if (!noTrack) {
            if (opts.containsKey("protocol") && !opts.get("protocol").equals("keepalived")
                    && !opts.get("protocol").equals("18")) {
                ctx.error(GENERAL_ERROR, "Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol");
            }
            if (dev == null) {
                ctx.error(GENERAL_ERROR, "Warning - cannot track route " + dest + " with no interface specified, not tracking");
                noTrack = true;
            }
        }
        if (trackGroup != null && dev == null) {
            ctx.error(GENERAL_ERROR, "Static route cannot have track group if no oif specified");
            trackGroup = null;
        }
        return new Route(type, Boolean.TRUE.equals(v6), dst, src, via, dev, table, metric, opts, hops, noTrack, trackGroup);
    }

    private static InetAddress address(ParseContext ctx, String v, Boolean six, String msg) {
        InetAddress ip = Words.ip(v);
        if (ip == null) {
            ctx.error(GENERAL_ERROR, msg);
            return null;
        }
        if (six != null && (ip instanceof Inet4Address) == six) {
            ctx.error(GENERAL_ERROR, "Cannot mix IPv4 and IPv6 addresses for route");
            return null;
        }
        return ip;
    }
}
