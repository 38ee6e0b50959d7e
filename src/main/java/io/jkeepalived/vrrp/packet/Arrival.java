package io.jkeepalived.vrrp.packet;

/**
 * What recvmsg tells besides the bytes: the sender, the TTL/hop limit (IPV6_HOPLIMIT) and whether the destination
 * was multicast (IPV6_PKTINFO). IPv4 takes all three from its header, so only IPv6 needs this filled.
 * Mutable and reused by the receiving thread.
 */
public final class Arrival {
    private final byte[] source = new byte[16];
    private boolean sourceKnown;
    private int hopLimit = -1;
    private boolean multicastDestination;

    /** Sets the IPv6 ancillary facts; {@code hopLimit} -1 when the control message was absent. */
    public Arrival set(byte[] ipv6Source, int hopLimit, boolean multicastDestination) {
        java.util.Arrays.fill(source, (byte) 0);
        if (ipv6Source != null) {
            System.arraycopy(ipv6Source, 0, source, 0, Math.min(ipv6Source.length, source.length));
        }
        this.sourceKnown = ipv6Source != null;
        this.hopLimit = hopLimit;
        this.multicastDestination = multicastDestination;
        return this;
    }

    /** For IPv4, where the header says it all. */
    public Arrival clear() {
        return set(null, -1, false);
    }

    byte[] source() {
        return source;
    }

    boolean sourceKnown() {
        return sourceKnown;
    }

    int hopLimit() {
        return hopLimit;
    }

    boolean multicastDestination() {
        return multicastDestination;
    }
}
