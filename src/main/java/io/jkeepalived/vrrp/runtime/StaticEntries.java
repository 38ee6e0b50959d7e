package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.VrrpConfig;
import java.util.Map;

/**
 * static_ipaddress, static_routes and static_rules (keepalived.conf(5)): in the kernel for as long as the
 * VRRP side runs, whatever the instances do (vrrp_daemon.c start_vrrp, vrrp_terminate_phase2). At start
 * keepalived first deletes static rules an earlier run may have left (a missing one is no error; leftover
 * addresses and routes are simply taken over), then adds addresses, routes, rules; at exit it removes
 * rules, routes, addresses. Loop thread only.
 */
final class StaticEntries {
    private final VirtualAddresses addresses;
    private final RouteSet routing;
    private final NetPorts ports;

    private StaticEntries(VirtualAddresses addresses, RouteSet routing, NetPorts ports) {
        this.addresses = addresses;
        this.routing = routing;
        this.ports = ports;
    }

    /** Null when the configuration has none. */
    static StaticEntries of(VrrpConfig config, Map<String, Integer> ifIndex, NetPorts ports) {
        if (config.staticAddresses().isEmpty() && config.staticRoutes().isEmpty() && config.staticRules().isEmpty()) {
            return null;
        }
        return new StaticEntries(VirtualAddresses.of("static_ipaddress", null, config.staticAddresses(), ifIndex),
                new RouteSet("static", config.staticRoutes(), config.staticRules()), ports);
    }

    /**
     * SIGHUP (vrrp_daemon.c start_vrrp on reload: clear_diff_static_rules/routes/addresses, then the new
     * entries are set): what the new configuration no longer has goes, the rest stays, new ones are added.
     */
    static StaticEntries reload(StaticEntries old, VrrpConfig config, Map<String, Integer> ifIndex, NetPorts ports,
            boolean logDetail) {
        StaticEntries next = of(config, ifIndex, ports);
        if (old != null) {
            StaticEntries target = next != null ? next : new StaticEntries(
                    VirtualAddresses.of("static_ipaddress", null, java.util.List.of(), ifIndex),
                    new RouteSet("static", java.util.List.of(), java.util.List.of()), ports);
            if (old.routing.hasRoutes() || old.routing.hasRules()) {
                target.routing.takeOver(old.routing, ports.routes(), logDetail, dev -> ifIndex.getOrDefault(dev, 0));
            }
            for (io.jkeepalived.net.InterfaceAddress a : old.addresses.addresses()) {
                if (target.addresses.addresses().contains(a)) continue;
                try {
                    ports.addresses().deleteAddress(a);
                } catch (io.jkeepalived.net.NetException e) {
                    // already gone
                }
            }
        }
        if (next != null) {
            next.addresses.add(ports.addresses());
            if (next.routing.hasRoutes()) next.routing.addRoutes(ports.routes(), dev -> ifIndex.getOrDefault(dev, 0));
            if (next.routing.hasRules()) next.routing.addRules(ports.routes());
            next.routing.reportReflections();
        }
        return next;
    }

    void install(Map<String, Integer> ifIndex) {
        if (routing.hasRules()) routing.removeRules(ports.routes(), true);
        addresses.add(ports.addresses());
        if (routing.hasRoutes()) routing.addRoutes(ports.routes(), dev -> ifIndex.getOrDefault(dev, 0));
        if (routing.hasRules()) routing.addRules(ports.routes());
    }

    /** After the instances' start: what keepalived's reflector says of the routes just added. */
    void reportReflections() {
        routing.reportReflections();
    }

    /** Tracked static routes exist: route deletions are to be watched. */
    boolean tracksRoutes() {
        return routing.tracksRoutes();
    }

    /** A route deletion the kernel announced: a tracked static route of ours is put back. */
    void routeDeleted(io.jkeepalived.net.Route gone) {
        routing.staticRouteDeleted(gone, ports.routes());
    }

    void remove() {
        if (routing.hasRules()) routing.removeRules(ports.routes(), false);
        if (routing.hasRoutes()) routing.removeRoutes(ports.routes());
        addresses.remove(ports.addresses());
    }
}
