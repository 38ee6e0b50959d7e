package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.Route;
import io.jkeepalived.config.model.Rule;
import io.jkeepalived.net.NetException;
import io.jkeepalived.net.RouteControl;
import java.util.List;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A list of routes and rules added and removed as a set, each remembering whether it is in the kernel
 * (vrrp_iproute.c netlink_rtlist, vrrp_iprule.c netlink_rulelist): an instance's virtual_routes and
 * virtual_rules, or the static_routes and static_rules. A route that already exists counts as added
 * (keepalived takes EEXIST on RTM_NEWROUTE as success), so it is removed with the rest; a rule that
 * already exists is an error and stays unset. Other failures are logged in keepalived's
 * "Netlink: error: …" words. Loop thread only.
 */
final class RouteSet {
    private static final Logger log = LoggerFactory.getLogger(RouteSet.class);
    private static final int EEXIST = 17;
    private static final int ENOENT = 2;
    private static final int RTM_NEWROUTE = 24;
    private static final int RTM_DELROUTE = 25;
    private static final int RTM_NEWRULE = 32;
    private static final int RTM_DELRULE = 33;

    private final List<Route> routes;
    private final List<Rule> rules;
    private final boolean[] routeSet;
    private final boolean[] ruleSet;
    private final io.jkeepalived.net.Route[] kernelRoutes;
    private final io.jkeepalived.net.Rule[] kernelRules;
    private int addedWithoutOif;

    RouteSet(String owner, List<Route> routes, List<Rule> rules) {
        this.routes = List.copyOf(routes);
        this.rules = List.copyOf(rules);
        this.routeSet = new boolean[routes.size()];
        this.ruleSet = new boolean[rules.size()];
        this.kernelRoutes = new io.jkeepalived.net.Route[routes.size()];
        this.kernelRules = new io.jkeepalived.net.Rule[rules.size()];
        for (Route r : routes) {
            List<String> skipped = RouteWords.unsupported(r);
            if (!skipped.isEmpty()) log.info("{} route {}: {} not supported yet - ignored", owner, r.dst(), skipped);
        }
        for (Rule r : rules) {
            List<String> skipped = RouteWords.unsupported(r);
            if (!skipped.isEmpty()) log.info("{} rule: {} not supported yet - ignored", owner, skipped);
        }
    }

    boolean hasRoutes() {
        return !routes.isEmpty();
    }

    boolean hasRules() {
        return !rules.isEmpty();
    }

    /** Adds every route not yet set; the interfaces are resolved now, as they are at this moment. */
    void addRoutes(RouteControl kernel, ToIntFunction<String> ifIndex) {
        for (int i = 0; i < routes.size(); i++) {
            if (routeSet[i]) continue;
            io.jkeepalived.net.Route r = RouteWords.route(routes.get(i), ifIndex);
            kernelRoutes[i] = r;
            try {
                kernel.addRoute(r);
                routeSet[i] = true;
            } catch (NetException e) {
                if (e.errno() == EEXIST) {
                    routeSet[i] = true;
                } else {
                    error(e, RTM_NEWROUTE);
                    continue;
                }
            }
            if (r.outIfIndex() == 0 && routes.get(i).nexthops().isEmpty()) addedWithoutOif++;
        }
    }

    /**
     * keepalived's netlink reflector, reading back its own new routes once the current work is done,
     * says so for each one without RTA_OIF (keepalived_netlink.c netlink_route_filter).
     */
    void reportReflections() {
        for (; addedWithoutOif > 0; addedWithoutOif--) log.info("New route doesn't have i/f index");
    }

    /** Removes every route that is set. */
    void removeRoutes(RouteControl kernel) {
        for (int i = 0; i < routes.size(); i++) {
            if (!routeSet[i]) continue;
            routeSet[i] = false;
            try {
                kernel.deleteRoute(kernelRoutes[i]);
            } catch (NetException e) {
                // keepalived reports even a route the kernel dropped on its own ("No such process(3)")
                error(e, RTM_DELROUTE);
            }
        }
    }

    void addRules(RouteControl kernel) {
        for (int i = 0; i < rules.size(); i++) {
            if (ruleSet[i]) continue;
            io.jkeepalived.net.Rule r = RouteWords.rule(rules.get(i));
            kernelRules[i] = r;
            try {
                kernel.addRule(r);
                ruleSet[i] = true;
            } catch (NetException e) {
                error(e, RTM_NEWRULE);
            }
        }
    }

    /**
     * Removes every rule that is set, or with {@code force} every rule (keepalived's start-up clearing of
     * static rules left behind, a missing one being no error).
     */
    void removeRules(RouteControl kernel, boolean force) {
        for (int i = 0; i < rules.size(); i++) {
            if (!ruleSet[i] && !force) continue;
            ruleSet[i] = false;
            io.jkeepalived.net.Rule r = kernelRules[i] != null ? kernelRules[i] : RouteWords.rule(rules.get(i));
            try {
                kernel.deleteRule(r);
            } catch (NetException e) {
                if (!(force && e.errno() == ENOENT)) error(e, RTM_DELRULE);
            }
        }
    }

    /** Whether any route here is tracked (keepalived then watches route deletions). */
    boolean tracksRoutes() {
        for (Route r : routes) if (!r.noTrack() && r.dev() != null) return true;
        return false;
    }

    /**
     * The kernel says a route went (keepalived_netlink.c netlink_route_filter for static routes): one of
     * ours that matches is no longer set, and a tracked one is put back, "Restoring deleted static route
     * prepend 10.99.60.0/24 via inet 10.99.1.254 dev eth0 proto 18" (vrrp_iproute.c reinstate_static_route).
     */
    void staticRouteDeleted(io.jkeepalived.net.Route gone, RouteControl kernel) {
        if (gone.protocol() != RouteWords.RTPROT_KEEPALIVED) return;
        for (int i = 0; i < routes.size(); i++) {
            io.jkeepalived.net.Route r = kernelRoutes[i];
            if (!routeSet[i] || r == null || r.table() != gone.table() || r.family() != gone.family()
                    || r.destinationLength() != gone.destinationLength()
                    || !sameAddress(r.destination(), gone.destination())) {
                continue;
            }
            routeSet[i] = false;
            Route configured = routes.get(i);
            if (configured.noTrack() || configured.dev() == null) return;
            try {
                kernel.addRoute(r);
                routeSet[i] = true;
            } catch (NetException e) {
                routeSet[i] = e.errno() == EEXIST;
                if (!routeSet[i]) error(e, RTM_NEWROUTE);
            }
            log.info("Restoring deleted static route " + format(configured, r));
            return;
        }
    }

    private static boolean sameAddress(java.net.InetAddress a, java.net.InetAddress b) {
        boolean aAny = a == null || a.isAnyLocalAddress();
        boolean bAny = b == null || b.isAnyLocalAddress();
        return aAny || bAny ? aAny == bAny : a.equals(b);
    }

    /** vrrp_iproute.c format_iproute, for the words this implementation sends. */
    static String format(Route c, io.jkeepalived.net.Route r) {
        StringBuilder b = new StringBuilder(c.options().getOrDefault("mode", "prepend"));
        if (!c.type().equals("unicast")) b.append(' ').append(c.type());
        b.append(' ').append(prefixText(c.dst(), "default"));
        if (c.src() != null) b.append(" src ").append(c.src().getHostAddress());
        if (c.via() != null) {
            b.append(" via ").append(c.via().getAddress().length == 16 ? "inet6 " : "inet ").append(c.via().getHostAddress());
        }
        if (c.dev() != null) b.append(" dev ").append(c.dev());
        if (r.table() != 254) b.append(" table ").append(Integer.toUnsignedString(r.table()));
        b.append(" proto ").append(r.protocol());
        if (c.options().containsKey("scope")) b.append(" scope ").append(r.scope());
        if (c.metric() != null) b.append(" metric ").append(c.metric());
        if (c.options().containsKey("onlink")) b.append(" onlink");
        return b.toString();
    }

    /**
     * A reload (vrrp_iproute.c clear_diff_routes, vrrp_iprule.c clear_diff_rules): what the old set had
     * in the kernel and the new one still has stays and counts as set here; the rest is removed, said
     * under {@code -D} ("Removing route 10.99.70.0/24", "ip rule from 10.99.1.100 removed", and for a
     * whole block gone "Removing a VirtualRoute block" / "Removing a VirtualRule block").
     */
    void takeOver(RouteSet old, RouteControl kernel, boolean logDetail, java.util.function.ToIntFunction<String> ifIndex) {
        // rules before routes, as clear_diff_vrrp and start_vrrp go
        if (!old.rules.isEmpty()) {
            // keepalived says this one even without -D
            if (rules.isEmpty()) log.info("Removing a VirtualRule block");
            for (int i = 0; i < old.rules.size(); i++) {
                int j = rules.indexOf(old.rules.get(i));
                if (j >= 0) {
                    ruleSet[j] = old.ruleSet[i];
                    kernelRules[j] = old.kernelRules[i];
                    continue;
                }
                if (!old.ruleSet[i]) continue;
                if (logDetail && !rules.isEmpty()) log.info("ip rule from " + prefixText(old.rules.get(i).from(), "all")
                        + (old.rules.get(i).to() == null ? "" : " to " + prefixText(old.rules.get(i).to(), "")) + " removed");
                old.ruleSet[i] = false;
                try {
                    kernel.deleteRule(old.kernelRules[i]);
                } catch (NetException e) {
                    error(e, RTM_DELRULE);
                }
            }
        }
        if (!old.routes.isEmpty()) {
            if (routes.isEmpty() && logDetail) log.info("Removing a VirtualRoute block");
            for (int i = 0; i < old.routes.size(); i++) {
                if (!old.routeSet[i]) continue;
                int j = sameRoute(old.kernelRoutes[i], ifIndex);
                if (j >= 0) {
                    routeSet[j] = true;
                    kernelRoutes[j] = old.kernelRoutes[i];
                    continue;
                }
                if (logDetail && !routes.isEmpty()) log.info("Removing route " + old.routes.get(i).dst().address().getHostAddress()
                        + (old.routes.get(i).dst().length() == (old.routes.get(i).ipv6() ? 128 : 32) ? "" : "/" + old.routes.get(i).dst().length()));
                old.routeSet[i] = false;
                try {
                    kernel.deleteRoute(old.kernelRoutes[i]);
                } catch (NetException e) {
                    error(e, RTM_DELROUTE);
                }
            }
        }
    }

    /** The kernel's key of a route plus what keepalived compares (vrrp_iproute.c route_exist). */
    private int sameRoute(io.jkeepalived.net.Route old, java.util.function.ToIntFunction<String> ifIndex) {
        for (int j = 0; j < routes.size(); j++) {
            io.jkeepalived.net.Route r = RouteWords.route(routes.get(j), ifIndex);
            if (r.family() == old.family() && java.util.Objects.equals(r.destination(), old.destination())
                    && r.destinationLength() == old.destinationLength() && r.metric() == old.metric()
                    && r.table() == old.table() && r.scope() == old.scope() && r.type() == old.type()
                    && java.util.Objects.equals(r.gateway(), old.gateway()) && r.outIfIndex() == old.outIfIndex()) {
                return j;
            }
        }
        return -1;
    }

    private static String prefixText(io.jkeepalived.config.model.Prefix p, String none) {
        if (p == null || p.address() == null) return none;
        int host = p.isIpv6() ? 128 : 32;
        return p.address().getHostAddress() + (p.length() == host ? "" : "/" + p.length());
    }

    /** keepalived_netlink.c: "Netlink: error: %s(%d), type=%s(%u), …" (the sequence and pid are ours to omit). */
    private static void error(NetException e, int type) {
        String name = switch (type) {
            case RTM_NEWROUTE -> "RTM_NEWROUTE";
            case RTM_DELROUTE -> "RTM_DELROUTE";
            case RTM_NEWRULE -> "RTM_NEWRULE";
            default -> "RTM_DELRULE";
        };
        log.info("Netlink: error: {}({}), type={}({})", strerror(e), e.errno(), name, type);
    }

    private static String strerror(NetException e) {
        String m = e.getMessage();
        int end = m.lastIndexOf(" (errno ");
        int start = m.lastIndexOf(": ", end < 0 ? m.length() : end);
        return start >= 0 && end > start ? m.substring(start + 2, end) : m;
    }
}
