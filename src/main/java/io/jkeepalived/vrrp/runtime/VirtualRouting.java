package io.jkeepalived.vrrp.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance's virtual_routes and virtual_rules go with its VIPs (vrrp.c vrrp_state_become_master,
 * vrrp_restore_interface): added after the VIPs on becoming MASTER, removed before them on leaving it,
 * rules before routes. Under {@code -D} keepalived says "(VI_1) setting Virtual Routes" and the like
 * whenever the instance has any, set or not.
 */
final class VirtualRouting {
    private static final Logger log = LoggerFactory.getLogger(VirtualRouting.class);

    private VirtualRouting() {
    }

    static void add(String tag, RouteSet set, InstanceRuntime.Effects effects) {
        if (set.hasRoutes()) {
            if (effects.logDetail()) log.info(tag + " setting Virtual Routes");
            set.addRoutes(effects.routes(), effects::ifIndex);
        }
        if (set.hasRules()) {
            if (effects.logDetail()) log.info(tag + " setting Virtual Rules");
            set.addRules(effects.routes());
        }
        set.reportReflections();
    }

    static void remove(String tag, RouteSet set, InstanceRuntime.Effects effects) {
        if (set.hasRules()) {
            if (effects.logDetail()) log.info(tag + " removing Virtual Rules");
            set.removeRules(effects.routes(), false);
        }
        if (set.hasRoutes()) {
            if (effects.logDetail()) log.info(tag + " removing Virtual Routes");
            set.removeRoutes(effects.routes());
        }
    }
}
