package io.jkeepalived.vrrp.packet;

/**
 * Which destination a VRRPv3 IPv4 unicast advert's pseudo-header uses. keepalived 1.3.6 and older put the
 * multicast group there even when unicasting; 2.2.7 uses the real peer, switches to the old way when it
 * receives an advert that only checks out with the group, and lets {@code old_unicast_checksum} force it.
 */
public enum UnicastChecksumCompat {
    /** Default: real destination, switch to {@link #AUTO} on seeing an old-style advert. */
    NONE,
    /** {@code old_unicast_checksum never}: real destination, never switch. */
    NEVER,
    /** {@code old_unicast_checksum}: multicast group in the pseudo-header. */
    CONFIG,
    /** Switched after receiving an old-style advert. */
    AUTO;

    /** True when the pseudo-header carries the multicast group rather than the packet's destination. */
    public boolean usesGroupInPseudoHeader() {
        return this == CONFIG || this == AUTO;
    }
}
