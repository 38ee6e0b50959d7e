package io.jkeepalived.config.model;

import java.net.Inet6Address;
import java.net.InetAddress;

/** An address with a prefix length (10.0.0.0/8, fe80::/64, or a host /32 //128). */
public record Prefix(InetAddress address, int length) {
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }
}
