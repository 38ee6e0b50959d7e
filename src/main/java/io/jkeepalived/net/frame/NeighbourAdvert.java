package io.jkeepalived.net.frame;

/**
 * The unsolicited neighbour advertisement keepalived sends for an IPv6 virtual address (vrrp_ndisc.c):
 * Ethernet to 33:33:00:00:00:01, IPv6 from the VIP to ff02::1 with hop limit 255 (RFC 4861 §7.1.2),
 * ICMPv6 type 136 with the Override flag (and Router when the interface forwards), target = the VIP,
 * and a target link-layer address option carrying the MAC (RFC 4861 §4.4). 86 bytes.
 *
 * <pre>
 *  0: ether dst 33:33:00:00:00:01 | 6: ether src MAC | 12: ethertype 0x86dd
 * 14: IPv6: version 6, payload length 32, next header 58, hop limit 255, src VIP, dst ff02::1
 * 54: ICMPv6: type 136, code 0, checksum | 58: flags R=0x80 S=0x40 O=0x20, reserved
 * 62: target address = VIP | 78: option type 2, length 1 (8 bytes) | 80: MAC
 * </pre>
 */
public final class NeighbourAdvert {
    public static final int LENGTH = 86;
    public static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int IPV6_OFFSET = 14;
    static final int ICMP_OFFSET = 54;
    static final int ICMP_LENGTH = 32;
    static final int CHECKSUM_OFFSET = ICMP_OFFSET + 2;
    private static final int FLAG_ROUTER = 0x80;
    private static final int FLAG_OVERRIDE = 0x20;
    private static final byte[] ALL_NODES = {(byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private NeighbourAdvert() {
    }

    /**
     * Writes the frame at {@code out[offset]}; {@code router} sets the R flag (keepalived sets it when the
     * interface forwards IPv6). Returns {@link #LENGTH}. Allocates nothing.
     */
    public static int encode(byte[] out, int offset, byte[] mac, byte[] ipv6, boolean router) {
        if (mac.length != 6 || ipv6.length != 16) {
            throw new IllegalArgumentException("need a 6-byte MAC and a 16-byte IPv6 address");
        }
        java.util.Arrays.fill(out, offset, offset + LENGTH, (byte) 0);
        out[offset] = 0x33;
        out[offset + 1] = 0x33;
        out[offset + 5] = 1;
        System.arraycopy(mac, 0, out, offset + 6, 6);
        Bytes.putShort(out, offset + 12, ETHERTYPE_IPV6);
        int ip = offset + IPV6_OFFSET;
        out[ip] = 0x60;
        Bytes.putShort(out, ip + 4, ICMP_LENGTH);
        out[ip + 6] = 58;             // IPPROTO_ICMPV6
        out[ip + 7] = (byte) 255;     // RFC 4861 §7.1.2: hop limit 255
        System.arraycopy(ipv6, 0, out, ip + 8, 16);
        System.arraycopy(ALL_NODES, 0, out, ip + 24, 16);
        int icmp = offset + ICMP_OFFSET;
        out[icmp] = (byte) 136;       // ND_NEIGHBOR_ADVERT
        out[icmp + 4] = (byte) (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0));
        System.arraycopy(ipv6, 0, out, icmp + 8, 16);
        out[icmp + 24] = 2;           // ND_OPT_TARGET_LINKADDR
        out[icmp + 25] = 1;           // in units of 8 bytes
        System.arraycopy(mac, 0, out, icmp + 26, 6);
        Bytes.putShort(out, offset + CHECKSUM_OFFSET, checksum(out, offset));
        return LENGTH;
    }

    /** The ICMPv6 checksum over the pseudo-header (RFC 8200 §8.1) and the message. */
    static int checksum(byte[] frame, int offset) {
        int ip = offset + IPV6_OFFSET;
        long sum = 0;
        for (int i = 0; i < 32; i += 2) {       // source and destination addresses
            sum += Bytes.getShort(frame, ip + 8 + i);
        }
        sum += ICMP_LENGTH;                      // upper-layer packet length
        sum += 58;                               // next header
        int icmp = offset + ICMP_OFFSET;
        for (int i = 0; i < ICMP_LENGTH; i += 2) {
            if (icmp + i != offset + CHECKSUM_OFFSET) {
                sum += Bytes.getShort(frame, icmp + i);
            }
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
