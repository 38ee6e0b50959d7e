package io.jkeepalived.net;

import java.net.InetAddress;

/**
 * An address on an interface, as rtnetlink's ifaddrmsg carries it, both for adding one (keepalived's
 * virtual_ipaddress: {@code ADDR/PREFIX brd B dev IF scope S label L}) and for listing.
 *
 * @param ifIndex      the interface
 * @param address      the local address (IFA_LOCAL for IPv4, IFA_ADDRESS for IPv6)
 * @param prefixLength the prefix length (0..32 or 0..128)
 * @param scope        RT_SCOPE_* (0 universe, 253 link, 254 host)
 * @param flags        IFA_F_* (IFA_F_NODAD, IFA_F_NOPREFIXROUTE, ...)
 * @param label        the IPv4 label (e.g. {@code eth0:vip}), or null
 * @param broadcast    the IPv4 broadcast address, or null
 */
public record InterfaceAddress(int ifIndex, InetAddress address, int prefixLength, int scope, int flags,
                               String label, InetAddress broadcast) {
    public InterfaceAddress {
        int max = IpFamily.of(address) == IpFamily.IPV4 ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max);
        }
    }

    /** An address with no label, broadcast or flags, in the universe scope. */
    public static InterfaceAddress of(int ifIndex, InetAddress address, int prefixLength) {
        return new InterfaceAddress(ifIndex, address, prefixLength, 0, 0, null, null);
    }

    public IpFamily family() {
        return IpFamily.of(address);
    }

    public InterfaceAddress withFlags(int newFlags) {
        return new InterfaceAddress(ifIndex, address, prefixLength, scope, newFlags, label, broadcast);
    }

    public InterfaceAddress withLabel(String newLabel) {
        return new InterfaceAddress(ifIndex, address, prefixLength, scope, flags, newLabel, broadcast);
    }

    public InterfaceAddress withBroadcast(InetAddress newBroadcast) {
        return new InterfaceAddress(ifIndex, address, prefixLength, scope, flags, label, newBroadcast);
    }

    public InterfaceAddress withScope(int newScope) {
        return new InterfaceAddress(ifIndex, address, prefixLength, newScope, flags, label, broadcast);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + " if " + ifIndex
                + (broadcast != null ? " brd " + broadcast.getHostAddress() : "")
                + (label != null ? " label " + label : "") + (scope != 0 ? " scope " + scope : "")
                + (flags != 0 ? " flags 0x" + Integer.toHexString(flags) : "");
    }
}
