package io.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;

/**
 * The Internet checksum (RFC 1071) as VRRP uses it: RFC 3768 §5.3.8 over the VRRP message alone, RFC 5798 §5.2.8
 * with the IPv4 or IPv6 pseudo-header in front. {@link #sum} accumulates, {@link #fold} finishes; a buffer that
 * carries a correct checksum folds to zero.
 */
public final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Adds {@code len} bytes at {@code at} to {@code acc} as big-endian 16-bit words (odd tail padded with 0). */
    public static long sum(ByteBuffer b, int at, int len, long acc) {
        int i = 0;
        for (; i + 1 < len; i += 2) {
            acc += Octets.u16(b, at + i);
        }
        if (i < len) {
            acc += Octets.u8(b, at + i) << 8;
        }
        return acc;
    }

    /** Adds the bytes of a raw address (or any array) as 16-bit words. */
    public static long sum(byte[] bytes, long acc) {
        int i = 0;
        for (; i + 1 < bytes.length; i += 2) {
            acc += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        if (i < bytes.length) {
            acc += (bytes[i] & 0xFF) << 8;
        }
        return acc;
    }

    /** Folds the carries and complements: the value to put in a checksum field, or 0 when verifying a good one. */
    public static int fold(long acc) {
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xFFFF) + (acc >>> 16);
        }
        return (int) (~acc & 0xFFFF);
    }

    /**
     * Sum of the pseudo-header RFC 5798 §5.2.8 puts in front of a VRRPv3 message: source, destination,
     * a zero byte, protocol 112 and the VRRP length (IPv4: 16 bits; IPv6, RFC 2460 §8.1: 32 bits, 3 zero bytes).
     */
    public static long pseudoHeader(byte[] source, byte[] destination, int vrrpLength) {
        long acc = sum(destination, sum(source, 0));
        return acc + VrrpWire.IPPROTO_VRRP + vrrpLength;
    }

    /**
     * Verifies a VRRP-over-IPv6 checksum the way the kernel does for a raw socket with IPV6_CHECKSUM (RFC 2460
     * §8.1 pseudo-header): for packets that did not come through such a socket (captures, packet sockets).
     */
    public static boolean ipv6VrrpValid(ByteBuffer b, int at, int len, byte[] source, byte[] destination) {
        return fold(sum(b, at, len, pseudoHeader(source, destination, len))) == 0;
    }

    /** The IPv4 header checksum (RFC 791) over {@code ihl} bytes, with the checksum field counted as zero. */
    public static int ipv4Header(ByteBuffer b, int at, int headerLength) {
        long acc = sum(b, at, headerLength, 0) - Octets.u16(b, at + 10);
        return fold(acc);
    }
}
