package io.jkeepalived.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What the kernel said about one received packet, besides its bytes: its length, the TTL (IPv4) or hop
 * limit (IPv6) it arrived with, the interface it arrived on, its source and its destination address.
 * One instance is reused for every receive on a thread, so steady-state receiving allocates nothing;
 * the address accessors that build {@link InetAddress} objects are for logs and tests.
 */
public final class PacketInfo {
    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];
    private IpFamily family = IpFamily.IPV4;
    private int length;
    private int ttl = -1;
    private int ifIndex;
    private boolean truncated;

    /** Resets everything before a receive fills it in (the kernel may omit a control message). */
    public void clear(IpFamily newFamily) {
        family = newFamily;
        length = 0;
        ttl = -1;
        ifIndex = 0;
        truncated = false;
        Arrays.fill(source, (byte) 0);
        Arrays.fill(destination, (byte) 0);
    }

    public void set(int newLength, int newTtl, int newIfIndex, boolean wasTruncated) {
        length = newLength;
        ttl = newTtl;
        ifIndex = newIfIndex;
        truncated = wasTruncated;
    }

    public IpFamily family() {
        return family;
    }

    /** Bytes received (for IPv4 raw sockets this includes the IP header, as the kernel delivers it). */
    public int length() {
        return length;
    }

    /** TTL or hop limit of the packet as received, or -1 when the kernel gave none. */
    public int ttl() {
        return ttl;
    }

    /** Index of the interface the packet arrived on, or 0 when unknown. */
    public int ifIndex() {
        return ifIndex;
    }

    /** True when the packet was longer than the buffer and was cut (MSG_TRUNC). */
    public boolean truncated() {
        return truncated;
    }

    /** The source address bytes in network order; only the first {@code family().addressLength()} count. */
    public byte[] sourceBytes() {
        return source;
    }

    /** The destination address bytes in network order; only the first {@code family().addressLength()} count. */
    public byte[] destinationBytes() {
        return destination;
    }

    /** True when the packet was sent to a multicast group (224.0.0.0/4, ff00::/8), e.g. 224.0.0.18 / ff02::12. */
    public boolean isMulticastDestination() {
        int first = destination[0] & 0xff;
        return family == IpFamily.IPV4 ? (first & 0xf0) == 0xe0 : first == 0xff;
    }

    public InetAddress source() {
        return toAddress(source);
    }

    public InetAddress destination() {
        return toAddress(destination);
    }

    private InetAddress toAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(Arrays.copyOf(bytes, family.addressLength()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "PacketInfo[" + family + " len=" + length + " ttl=" + ttl + " if=" + ifIndex + " src="
                + source().getHostAddress() + " dst=" + destination().getHostAddress()
                + (truncated ? " truncated" : "") + "]";
    }
}
