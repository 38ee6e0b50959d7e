package io.jkeepalived.config.model;

/** An address family as keepalived.conf names it ({@code inet}, {@code inet6}); UNSPEC when not known. */
public enum AddressFamily {
    UNSPEC, INET, INET6;

    public static AddressFamily of(java.net.InetAddress a) {
        return a instanceof java.net.Inet6Address ? INET6 : INET;
    }
}
