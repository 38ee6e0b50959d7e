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

/**
 * One route line of static_routes / virtual_routes (keepalived's alloc_route, `ip route` words). Any word
 * that is not an option is "[to] [TYPE] PREFIX"; a bad value drops the route with an error. Returns null
 * when keepalived drops it.
 */
final class RouteGrammar {
    private RouteGrammar() {}

    /** Thrown to drop the route after its error has been reported (keepalived's "goto err"). */
    private static final class Drop extends RuntimeException {
        Drop() {
            super(null, null, false, false);
        }
    }

    /** The line being read. */
    private static final class State {
        final ParseContext ctx;
        final Args a;
        int i;
        Boolean v6;
        Map<String, String> opts = new LinkedHashMap<>();

        State(ParseContext ctx, Args a) {
            this.ctx = ctx;
            this.a = a;
        }

        String next() {
            return a.word(++i);
        }

        Drop drop(String msg) {
            ctx.error(GENERAL_ERROR, msg);
            return new Drop();
        }

        void family(boolean six) {
            if (v6 != null && v6 != six) throw drop("Cannot mix IPv4 and IPv6 addresses for route");
            v6 = six;
        }

        /** get_u32 / get_u8: an unsigned number up to max, else the message and the route is dropped. */
        long unsigned(String w, long max, String msg) {
            Long v = io.jkeepalived.config.parse.Numbers.readUnsigned(ctx, w, 0, max);
            if (v == null) throw drop(msg.replace("%s", w));
            return v;
        }

        /** A metric that may be locked: "[lock] N". */
        void locked(String key, long max, String msg) {
            String w = next();
            String lock = "";
            if (w.equals("lock")) {
                lock = "lock ";
                w = next();
            }
            opts.put(key, lock + unsigned(w, max, msg));
        }
    }

    static Route parse(ParseContext ctx, RootBuilder root, Args a, boolean staticRoute) {
        try {
            return read(new State(ctx, a), root, staticRoute);
        } catch (Drop d) {
            return null;
        }
    }

    private static Route read(State s, RootBuilder root, boolean staticRoute) {
        ParseContext ctx = s.ctx;
        Args a = s.a;
        String type = "unicast";
        Prefix dst = null;
        String dest = null;
        InetAddress src = null, via = null;
        String dev = null, trackGroup = null;
        long table = 254;
        Long metric = null;
        boolean noTrack = false;
        boolean nexthops = false;
        List<Route.Nexthop> hops = new ArrayList<>();
        for (s.i = 0; s.i < a.size(); s.i++) {
            String w = a.word(s.i);
            switch (w) {
                case "inet", "inet6" -> {
                    boolean six = w.equals("inet6");
                    if (s.v6 != null && s.v6 != six) {
                        throw s.drop(w + " specified for IPv" + (s.v6 ? 6 : 4) + " route");
                    }
                    s.v6 = six;
                    s.i++; // keepalived steps over the word after inet/inet6 as well
                }
                case "src" -> {
                    String v = s.next();
                    var p = AddressGrammar.parse(ctx, v, false);
                    if (p == null) throw s.drop("invalid route src address " + v);
                    s.family(!(p.address() instanceof Inet4Address));
                    src = p.address();
                }
                case "as" -> {
                    if (s.next().equals("to")) s.i++;
                    ctx.error(GENERAL_ERROR, "\"as to\" for MPLS only - ignoring");
                }
                case "via", "gw" -> {
                    if (w.equals("gw")) ctx.error(GENERAL_ERROR, "\"gw\" for routes is deprecated. Please use \"via\"");
                    String v = s.next();
                    if (v.equals("inet") || v.equals("inet6")) {
                        s.family(v.equals("inet6"));
                        v = s.next();
                    }
                    var p = AddressGrammar.parse(ctx, v, false);
                    if (p == null) throw s.drop("invalid route via address " + v);
                    s.family(!(p.address() instanceof Inet4Address));
                    via = p.address();
                }
                case "from" -> {
                    String v = s.next();
                    var p = AddressGrammar.parse(ctx, v, true);
                    if (p == null) throw s.drop("invalid route from address " + v);
                    if (p.address() instanceof Inet4Address) {
                        throw s.drop("route from address only supported with IPv6 (" + v + ")");
                    }
                    s.family(true);
                    s.opts.put("from", v);
                }
                case "tos", "dsfield" -> {
                    String v = s.next();
                    if (RtTables.dsfield(v) == null) throw s.drop("TOS value " + v + " is invalid");
                    s.opts.put("tos", v);
                }
                case "table" -> {
                    String v = s.next();
                    Long t = RtTables.table(v);
                    if (t == null) throw s.drop("Routing table " + v + " not found for route");
                    table = t;
                }
                case "protocol" -> {
                    String v = s.next();
                    if (RtTables.protocol(v) == null) throw s.drop("Protocol " + v + " not found or invalid for route");
                    s.opts.put(w, v);
                }
                case "scope" -> {
                    String v = s.next();
                    if (RtTables.scope(v) == null) throw s.drop("Scope " + v + " not found or invalid for route");
                    s.opts.put(w, v);
                }
                case "metric", "priority", "preference" ->
                        metric = s.unsigned(s.next(), 0xFFFF_FFFFL, "Invalid metric %s specified for route");
                case "dev", "oif" -> {
                    String v = s.next();
                    if (!Interfaces.lookup(ctx, root, v)) {
                        throw s.drop("WARNING - interface " + v + " for VROUTE nexthop doesn't exist");
                    }
                    dev = v;
                }
                case "onlink" -> s.opts.put(w, "");
                case "encap" -> encap(s);
                case "expires" -> {
                    String v = s.next();
                    if (Boolean.FALSE.equals(s.v6)) throw s.drop("expires is only valid for IPv6");
                    s.v6 = true;
                    s.opts.put(w, String.valueOf(s.unsigned(v, 0xFFFF_FFFFL, "Invalid expires time %s specified for route")));
                }
                case "mtu" -> s.locked(w, 0xFFFF_FFFFL, "Invalid MTU %s specified for route");
                case "hoplimit" -> s.opts.put(w, String.valueOf(s.unsigned(s.next(), 255,
                        "Invalid hoplimit %s specified for route")));
                case "advmss" -> s.locked(w, 0xFFFF_FFFFL, "Invalid advmss %s specified for route");
                case "rtt", "rttvar", "rto_min" -> {
                    String v = s.next();
                    String lock = "";
                    if (v.equals("lock")) {
                        lock = "lock ";
                        v = s.next();
                    }
                    if (!rttTime(v)) {
                        throw s.drop(w.equals("rto_min") ? "Invalid rto_min value " + v + " specified for route"
                                : "Invalid " + w + " " + v + " for route");
                    }
                    s.opts.put(w, lock + v);
                }
                case "reordering" -> s.locked(w, 0xFFFF_FFFFL, "Invalid reordering value %s specified for route");
                case "window" -> s.opts.put(w, String.valueOf(s.unsigned(s.next(), 0xFFFF_FFFFL,
                        "Invalid window value %s specified for route")));
                case "cwnd" -> s.locked(w, 0xFFFF_FFFFL, "Invalid cwnd value %s specified for route");
                case "ssthresh" -> s.locked(w, 0xFFFF_FFFFL, "Invalid ssthresh value %s specified for route");
                case "realms" -> {
                    String v = s.next();
                    if (!realms(v)) throw s.drop("Invalid realms " + v + " for route");
                    if (Boolean.TRUE.equals(s.v6)) throw s.drop("realms are only valid for IPv4");
                    s.v6 = false;
                    s.opts.put(w, v);
                }
                case "initcwnd", "initrwnd" -> s.opts.put(w, String.valueOf(s.unsigned(s.next(), 0xFFFF_FFFFL,
                        "Invalid " + w + " value %s specified for route")));
                case "features" -> {
                    String v = s.next();
                    if (v.equals("ecn")) s.opts.put(w, v);
                    else ctx.error(GENERAL_ERROR, "feature " + v + " not supported");
                }
                case "quickack" -> s.opts.put(w, String.valueOf(s.unsigned(s.next(), 1,
                        "Invalid quickack value %s specified for route")));
                case "congctl" -> {
                    String v = s.next();
                    if (v.equals("lock")) v = "lock " + s.next();
                    s.opts.put(w, v);
                }
                case "pref" -> {
                    String v = s.next();
                    if (Boolean.FALSE.equals(s.v6)) throw s.drop("pref is only valid for IPv6");
                    s.v6 = true;
                    if (!v.equals("low") && !v.equals("medium") && !v.equals("high")) {
                        s.unsigned(v, 255, "Invalid pref value %s specified for route");
                    }
                    s.opts.put(w, v);
                }
                case "ttl-propagate" -> {
                    String v = s.next();
                    if (v.equals("enabled") || v.equals("disabled")) s.opts.put(w, v);
                    else ctx.error(GENERAL_ERROR, "ttl-propagate value " + v + " not recognised");
                }
                case "fastopen_no_cookie" -> s.opts.put(w, String.valueOf(s.unsigned(s.next(), 1,
                        "Invalid fastopen_no_cookie value %s specified for route")));
                case "add", "prepend", "append" -> s.opts.put("mode", w);
                case "or" -> {
                    ctx.error(GENERAL_ERROR, "\"or\" for routes is deprecated. Please use \"nexthop\"");
                    if (!hops.isEmpty()) {
                        ctx.error(GENERAL_ERROR, "\"or\" route already specified - ignoring subsequent");
                        s.i++;
                        continue;
                    }
                    hops.add(new Route.Nexthop(via, null, 0, Map.of()));
                    via = null;
                    String v = s.next();
                    var p = AddressGrammar.parse(ctx, v, false);
                    if (p == null) throw s.drop("Invalid \"or\" address " + v);
                    hops.add(new Route.Nexthop(p.address(), null, 0, Map.of()));
                }
                case "nexthop" -> {
                    if (!hops.isEmpty()) ctx.error(GENERAL_ERROR, "Cannot specify nexthops with \"or\" route");
                    else nexthops = true;
                }
                case "no_track" -> noTrack = true;
                case "vrf" -> throw s.drop("VRF " + s.next() + " not found for route");
                default -> {
                    if (staticRoute && w.equals("track_group")) {
                        String v = s.next();
                        if (trackGroup != null) {
                            ctx.error(GENERAL_ERROR, "track_group " + v + " is a duplicate");
                            s.i = a.size();
                            continue;
                        }
                        if (!root.vrrp.trackGroupNames.contains(v)) ctx.error(GENERAL_ERROR, "track_group " + v + " not found");
                        else trackGroup = v;
                        continue;
                    }
                    // "[to] [TYPE] PREFIX"
                    if (w.equals("to")) s.i++;
                    if (RtTables.routeType(w) != null) {
                        type = w;
                        s.i++;
                    }
                    dest = a.word(s.i);
                    dst = destination(s, dest);
                }
            }
            if (nexthops) break;
        }
        if (nexthops) {
            parseNexthops(s, root, hops);
        }
        if (dst == null) throw s.drop("Route must have a destination");
        if (dst.address() == null) {
            boolean six = Boolean.TRUE.equals(s.v6);
            dst = new Prefix(Words.ip(six ? "::" : "0.0.0.0"), 0);
        }
        if (!noTrack) {
            String proto = s.opts.get("protocol");
            if (proto != null && !Long.valueOf(18).equals(RtTables.protocol(proto)) && !proto.equals("keepalived")) {
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
        return new Route(type, Boolean.TRUE.equals(s.v6) || dst.isIpv6(), dst, src, via, dev, table, metric, s.opts,
                hops, noTrack, trackGroup);
    }

    /** parse_route: default/any/all (family from the rest of the line), default6, or an address/prefix. */
    private static Prefix destination(State s, String w) {
        if (w.equals("default") || w.equals("any") || w.equals("all")) return new Prefix(null, 0);
        if (w.equals("default6")) {
            s.family(true);
            return new Prefix(Words.ip("::"), 0);
        }
        var p = AddressGrammar.parse(s.ctx, w, true);
        if (p == null) throw s.drop("unknown route keyword " + w);
        if (s.v6 != null && s.v6 != !(p.address() instanceof Inet4Address)) {
            throw s.drop("Cannot mix IPv4 and IPv6 addresses for route (" + w + ")");
        }
        s.v6 = !(p.address() instanceof Inet4Address);
        return new Prefix(p.address(), p.prefix());
    }

    /** parse_nexthops: "nexthop [via [inet|inet6] ADDR] [dev IF] [weight 1..256] [onlink] ..." repeated. */
    private static void parseNexthops(State s, RootBuilder root, List<Route.Nexthop> hops) {
        Args a = s.a;
        while (s.i < a.size() && a.word(s.i).equals("nexthop")) {
            s.i++;
            InetAddress via = null;
            String dev = null;
            int weight = 0;
            Map<String, String> opts = new LinkedHashMap<>();
            loop:
            while (s.i < a.size()) {
                String w = a.word(s.i);
                switch (w) {
                    case "via" -> {
                        String v = s.next();
                        if (v.equals("inet") || v.equals("inet6")) {
                            boolean six = v.equals("inet6");
                            if (s.v6 != null && s.v6 != six) throw s.drop("IPv4/6 mismatch for nexthop");
                            s.v6 = six;
                            v = s.next();
                        }
                        var p = AddressGrammar.parse(s.ctx, v, false);
                        if (p == null) throw s.drop("invalid nexthop address " + v);
                        boolean six = !(p.address() instanceof Inet4Address);
                        if (s.v6 != null && s.v6 != six) throw s.drop("Address family mismatch for next hop");
                        s.v6 = six;
                        via = p.address();
                    }
                    case "dev" -> {
                        String v = s.next();
                        if (!Interfaces.lookup(s.ctx, root, v)) {
                            throw s.drop("WARNING - interface " + v + " for VROUTE nexthop doesn't exist");
                        }
                        dev = v;
                    }
                    case "weight" -> {
                        long v = s.unsigned(s.next(), 256, "Invalid weight %s specified for route");
                        if (v == 0) throw s.drop("Invalid weight 0 specified for route");
                        weight = (int) v;
                    }
                    case "onlink" -> opts.put(w, "");
                    case "encap" -> encap(s);
                    case "realms" -> {
                        String v = s.next();
                        if (!realms(v)) throw s.drop("Invalid realms " + v + " for route");
                        if (Boolean.TRUE.equals(s.v6)) throw s.drop("realms are only supported for IPv4");
                        s.v6 = false;
                        opts.put(w, v);
                    }
                    case "as" -> {
                        if (s.next().equals("to")) s.i++;
                        throw s.drop("'as [to]' (nat) not supported");
                    }
                    default -> {
                        break loop;
                    }
                }
                s.i++;
            }
            hops.add(new Route.Nexthop(via, dev, weight, opts));
        }
        if (s.i < a.size()) throw s.drop("Route has trailing nonsense after nexthops - " + a.word(s.i));
    }

    /** encap mpls LABEL | ip|ip6 (id N | dst A | src A | tos T | ttl N | tc N | hoplimit N | flags ...)... | ila LOC. */
    private static void encap(State s) {
        String type = s.next();
        switch (type) {
            case "mpls", "ila" -> s.opts.put("encap", type + " " + s.next());
            case "ip", "ip6" -> {
                StringBuilder b = new StringBuilder(type);
                while (s.a.has(s.i + 1) && java.util.Set.of("id", "dst", "src", "tos", "ttl", "tc", "hoplimit", "flags")
                        .contains(s.a.word(s.i + 1))) {
                    b.append(' ').append(s.next()).append(' ').append(s.next());
                }
                s.opts.put("encap", b.toString());
            }
            default -> throw s.drop("Unknown encap type - " + type);
        }
    }

    /** get_time_rtt: a number, optionally with s/sec/secs or ms/msec/msecs. */
    private static boolean rttTime(String v) {
        return v.matches("\\d+(\\.\\d+)?(s|sec|secs|ms|msec|msecs)?") || v.matches("\\d+");
    }

    private static boolean realms(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) return RtTables.realm(v) != null;
        return RtTables.realm(v.substring(0, slash)) != null && RtTables.realm(v.substring(slash + 1)) != null;
    }
}
