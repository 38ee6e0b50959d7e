package io.jkeepalived.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** The two address families VRRP runs over (RFC 5798 §5.1: IPv4 and IPv6). */
public enum IpFamily {
    IPV4(4),
    IPV6(16);

    private final int addressLength;

    IpFamily(int addressLength) {
        this.addressLength = addressLength;
    }

    /** Bytes in an address of this family. */
    public int addressLength() {
        return addressLength;
    }

    public static IpFamily of(InetAddress address) {
        if (address instanceof Inet4Address) {
            return IPV4;
        }
        if (address instanceof Inet6Address) {
            return IPV6;
        }
        throw new IllegalArgumentException("not an IP address: " + address);
    }
}
