package io.jkeepalived.net;

/**
 * A network interface as rtnetlink reports it (ifinfomsg and its IFLA_* attributes).
 *
 * @param index      ifindex
 * @param name       IFLA_IFNAME
 * @param flags      IFF_* (IFF_UP 0x1, IFF_RUNNING 0x40, IFF_LOWER_UP 0x10000)
 * @param hwType     ARPHRD_* (1 Ethernet)
 * @param mac        IFLA_ADDRESS, or an empty array
 * @param mtu        IFLA_MTU, or 0
 * @param kind       IFLA_INFO_KIND (veth, bridge, macvlan), or null
 * @param linkIndex  IFLA_LINK, the parent of a macvlan or a veth's peer, or 0
 * @param masterIndex IFLA_MASTER, or 0
 */
public record Link(int index, String name, int flags, int hwType, byte[] mac, int mtu, String kind, int linkIndex,
                   int masterIndex) {
    private static final int IFF_UP = 0x1;
    private static final int IFF_RUNNING = 0x40;

    /** Administratively up (IFF_UP). */
    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }

    /** Up and with carrier: what keepalived's interface tracking calls up (IFF_UP and IFF_RUNNING). */
    public boolean isRunning() {
        return (flags & IFF_UP) != 0 && (flags & IFF_RUNNING) != 0;
    }

    public String macText() {
        StringBuilder sb = new StringBuilder();
        for (byte b : mac) {
            if (!sb.isEmpty()) {
                sb.append(':');
            }
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return index + ": " + name + " flags 0x" + Integer.toHexString(flags) + " " + macText()
                + (kind != null ? " " + kind : "");
    }
}
