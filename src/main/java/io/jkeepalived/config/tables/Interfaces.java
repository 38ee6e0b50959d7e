package io.jkeepalived.config.tables;

import io.jkeepalived.config.parse.ParseContext;

/**
 * keepalived's if_get_by_ifname(name, IF_CREATE_IF_DYNAMIC): an interface that does not exist is accepted
 * only with dynamic_interfaces; otherwise the name is refused and the VRRP process later stops the whole
 * load with "Non-existent interface specified in configuration".
 */
final class Interfaces {
    private Interfaces() {}

    static boolean lookup(ParseContext ctx, RootBuilder root, String name) {
        if (ctx.interfaceExists(name)) return true;
        if (root.global.dynamicInterfaces) return true;
        root.vrrp.nonExistentInterface = true;
        return false;
    }

    /** Loopback cannot carry VRRP. */
    static boolean isLoopback(String name) {
        return name.equals("lo");
    }
}
