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
        int i = 0;
        String type = "unicast";
        boolean bad = false;
        Boolean v6 = null;
        if (TYPES.contains(a.word(0))) type = a.word(i++);
        if (a.has(i) && (a.word(i).equals("inet") || a.word(i).equals("inet6"))) v6 = a.word(i++).equals("inet6");
        if (a.has(i) && a.word(i).equals("to")) i++;
        String d = a.word(i++);
        Prefix dst;
        if (d.equals("default") || d.equals("any") || d.equals("all") || d.equals("default6")) {
            boolean six = d.equals("default6") || Boolean.TRUE.equals(v6);
            dst = new Prefix(Words.ip(six ? "::" : "0.0.0.0"), 0);
        } else {
            var p = AddressGrammar.parse(ctx, d, true);
            if (p == null) {
                bad = true;
                dst = null;
            } else {
                dst = new Prefix(p.address(), p.prefix());
            }
        }
        boolean six = dst != null ? dst.isIpv6() : Boolean.TRUE.equals(v6);
        InetAddress src = null, via = null;
        String dev = null, trackGroup = null;
        long table = 0;
        Long metric = null;
        boolean noTrack = false;
        Map<String, String> opts = new LinkedHashMap<>();
        List<Route.Nexthop> hops = new ArrayList<>();
        while (i < a.size()) {
            String w = a.word(i);
            if (FLAGS.contains(w)) {
                if (w.equals("no_track")) noTrack = true;
                else opts.put(w, "");
                i++;
                continue;
            }
            if (w.equals("nexthop")) {
                // the rest of the line describes next hops; keep it whole
                opts.put("nexthop", String.join(" ", a.words().subList(i + 1, a.size())));
                break;
            }
            if (!a.has(i + 1)) {
                ctx.error(GENERAL_ERROR, "unknown route keyword " + w);
                bad = true;
                break;
            }
            String v = a.word(i + 1);
            switch (w) {
                case "src" -> {
                    src = address(ctx, v, six, "invalid route src address " + v);
                    bad |= src == null;
                }
                case "via", "gw" -> {
                    if (w.equals("gw")) ctx.error(GENERAL_ERROR, "\"gw\" for routes is deprecated. Please use \"via\"");
                    if ((v.equals("inet") || v.equals("inet6")) && a.has(i + 2)) v = a.word(++i + 1);
                    via = address(ctx, v, six, "invalid route via address " + v);
                    bad |= via == null;
                }
                case "from" -> {
                    var p = AddressGrammar.parse(ctx, v, true);
                    if (p == null) bad = true;
                    else opts.put("from", v);
                }
                case "table" -> {
                    Integer t = RtTables.table(v);
                    if (t == null) {
                        ctx.error(GENERAL_ERROR, "Routing table " + v + " not found for route");
                        bad = true;
                    } else {
                        table = t;
                    }
                }
                case "protocol" -> {
                    if (RtTables.protocol(v) == null) {
                        ctx.error(GENERAL_ERROR, "Protocol " + v + " not found or invalid for route");
                        bad = true;
                    } else opts.put(w, v);
                }
                case "scope" -> {
                    if (RtTables.scope(v) == null) {
                        ctx.error(GENERAL_ERROR, "Scope " + v + " not found or invalid for route");
                        bad = true;
                    } else opts.put(w, v);
                }
                case "metric", "priority", "preference" -> {
                    Long m = a.readUnsigned(i + 1, 0, 0xFFFF_FFFFL);
                    if (m == null) bad = true;
                    else metric = m;
                }
                case "dev", "oif" -> {
                    if (!Interfaces.lookup(ctx, root, v)) {
                        ctx.error(GENERAL_ERROR, "WARNING - interface " + v + " for VROUTE nexthop doesn't exist");
                        bad = true;
                    } else {
                        dev = v;
                    }
                }
                case "track_group" -> {
                    if (!staticRoute) {
                        ctx.error(GENERAL_ERROR, "unknown route keyword " + w);
                        bad = true;
                    } else if (!root.vrrp.trackGroupNames.contains(v)) {
                        ctx.error(GENERAL_ERROR, "track_group " + v + " not found");
                    } else {
                        trackGroup = v;
                    }
                }
                case "encap", "vrf" -> {
                    opts.put(w, String.join(" ", a.words().subList(i + 1, a.size())));
                    i = a.size();
                    continue;
                }
                default -> {
                    if (!VALUED.contains(w)) {
                        ctx.error(GENERAL_ERROR, "unknown route keyword " + w);
                        bad = true;
                        i++;
                        continue;
                    }
                    if (v.equals("lock") && a.has(i + 2)) v = "lock " + a.word(++i + 1);
                    opts.put(w, v);
                }
            }
            i += 2;
        }
        if (bad) return null;
        return new Route(type, six, dst, src, via, dev, table, metric, opts, hops, noTrack, trackGroup);
    }

    private static InetAddress address(ParseContext ctx, String v, boolean six, String msg) {
        InetAddress ip = Words.ip(v);
        if (ip == null) {
            ctx.error(GENERAL_ERROR, msg);
            return null;
        }
        if ((ip instanceof Inet4Address) == six) {
            ctx.error(GENERAL_ERROR, "Cannot mix IPv4 and IPv6 addresses for route");
            return null;
        }
        return ip;
    }
}
