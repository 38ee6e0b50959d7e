package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.Route;
import io.jkeepalived.config.model.Rule;
import io.jkeepalived.config.tables.RtTables;
import io.jkeepalived.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * virtual_routes / static_routes and virtual_rules / static_rules lines, in `ip route` / `ip rule` words,
 * as the rtnetlink requests keepalived sends for them (vrrp_iproute.c netlink_route, vrrp_iprule.c
 * netlink_rule): routes default to scope universe and protocol keepalived (18); tracked rules carry
 * protocol keepalived, no_track ones none. Words the kernel codec cannot carry yet are named by
 * {@link #unsupported}.
 */
final class RouteWords {
    static final int RTPROT_KEEPALIVED = 18;
    private static final int FR_ACT_TO_TBL = 1;
    private static final int FR_ACT_GOTO = 2;
    private static final int FR_ACT_NOP = 3;
    /** Route words the codec carries (the others are reported once and left out). */
    private static final List<String> ROUTE_WORDS = List.of("protocol", "scope", "mode");
    private static final List<String> RULE_WORDS = List.of("protocol", "fwmark", "iif", "oif", "goto");

    private RouteWords() {
    }

    /** The route as rtnetlink carries it; {@code ifIndex} resolves {@code dev} (0 when unknown). */
    static io.jkeepalived.net.Route route(Route r, ToIntFunction<String> ifIndex) {
        String proto = r.options().get("protocol");
        // vrrp_iproute.c alloc_route: a tracked route is always RTPROT_KEEPALIVED
        int protocol = r.noTrack() && proto != null ? RtTables.protocol(proto).intValue() : RTPROT_KEEPALIVED;
        String scopeWord = r.options().get("scope");
        int scope = scopeWord == null ? 0 : RtTables.scope(scopeWord).intValue();
        Long type = RtTables.routeType(r.type());
        return new io.jkeepalived.net.Route(r.ipv6() ? IpFamily.IPV6 : IpFamily.IPV4, r.dst().address(),
                r.dst().length(), r.via(), r.dev() == null ? 0 : ifIndex.applyAsInt(r.dev()), (int) r.table(),
                protocol, scope, type == null ? 1 : type.intValue(), r.metric() == null ? 0 : r.metric().intValue(),
                r.src());
    }

    static io.jkeepalived.net.Rule rule(Rule r) {
        String action = r.action();
        int act = action == null ? FR_ACT_TO_TBL : switch (action) {
            case "goto" -> FR_ACT_GOTO;
            case "nop" -> FR_ACT_NOP;
            default -> RtTables.routeType(action).intValue();
        };
        int fwmark = 0;
        int fwmask = 0;
        String mark = r.options().get("fwmark");
        if (mark != null) {
            String[] parts = mark.strip().split("/", 2);
            fwmark = (int) Long.decode(parts[0]).longValue();
            // ip rule: a mark alone matches every bit
            fwmask = parts.length > 1 ? (int) Long.decode(parts[1]).longValue() : 0xFFFF_FFFF;
        }
        String proto = r.options().get("protocol");
        int protocol = r.noTrack() ? (proto == null ? 0 : Integer.decode(proto)) : RTPROT_KEEPALIVED;
        String gotoTarget = r.options().get("goto");
        // a rule with neither from nor to matches all: keepalived sends no FRA_SRC / FRA_DST then
        return new io.jkeepalived.net.Rule(r.ipv6() ? IpFamily.IPV6 : IpFamily.IPV4,
                r.priority() == null ? -1 : r.priority().intValue(),
                r.table() == null ? (act == FR_ACT_TO_TBL ? 254 : 0) : r.table().intValue(), act,
                address(r.from()), r.from() == null ? 0 : r.from().length(),
                address(r.to()), r.to() == null ? 0 : r.to().length(), fwmark, fwmask,
                r.options().get("iif"), r.options().get("oif"), protocol,
                gotoTarget == null ? 0 : (int) Long.parseLong(gotoTarget));
    }

    private static java.net.InetAddress address(io.jkeepalived.config.model.Prefix p) {
        return p == null ? null : p.address();
    }

    /** The words of a route line this implementation does not send yet (empty when all are carried). */
    static List<String> unsupported(Route r) {
        List<String> out = new ArrayList<>();
        for (String w : r.options().keySet()) if (!ROUTE_WORDS.contains(w)) out.add(w);
        if (!r.nexthops().isEmpty()) out.add("nexthop");
        return out;
    }

    static List<String> unsupported(Rule r) {
        List<String> out = new ArrayList<>();
        for (String w : r.options().keySet()) if (!RULE_WORDS.contains(w)) out.add(w);
        return out;
    }
}
