package io.jkeepalived.net.frame;

/**
 * The gratuitous ARP keepalived sends for an IPv4 virtual address (vrrp_arp.c, Ethernet case): an ARP
 * request from the interface's MAC to the broadcast address, sender and target protocol address both the
 * VIP, target hardware address the broadcast address. 42 bytes, no padding (the driver pads).
 *
 * <pre>
 *  0: ether dst ff:ff:ff:ff:ff:ff | 6: ether src MAC | 12: ethertype 0x0806
 * 14: ar_hrd 1 | 16: ar_pro 0x0800 | 18: ar_hln 6 | 19: ar_pln 4 | 20: ar_op 1 (request)
 * 22: sender MAC | 28: sender IP = VIP | 32: target MAC ff:ff:ff:ff:ff:ff | 38: target IP = VIP
 * </pre>
 */
public final class GratuitousArp {
    public static final int LENGTH = 42;
    public static final int ETHERTYPE_ARP = 0x0806;
    static final int SENDER_MAC_OFFSET = 22;
    static final int SENDER_IP_OFFSET = 28;
    static final int TARGET_MAC_OFFSET = 32;
    static final int TARGET_IP_OFFSET = 38;

    private GratuitousArp() {
    }

    /** Writes the frame at {@code out[offset]}; returns its length ({@link #LENGTH}). Allocates nothing. */
    public static int encode(byte[] out, int offset, byte[] mac, byte[] ipv4) {
        if (mac.length != 6 || ipv4.length != 4) {
            throw new IllegalArgumentException("need a 6-byte MAC and a 4-byte IPv4 address");
        }
        for (int i = 0; i < 6; i++) {
            out[offset + i] = (byte) 0xff;
            out[offset + TARGET_MAC_OFFSET + i] = (byte) 0xff;
        }
        System.arraycopy(mac, 0, out, offset + 6, 6);
        Bytes.putShort(out, offset + 12, ETHERTYPE_ARP);
        Bytes.putShort(out, offset + 14, 1);          // ARPHRD_ETHER
        Bytes.putShort(out, offset + 16, 0x0800);     // ETHERTYPE_IP
        out[offset + 18] = 6;
        out[offset + 19] = 4;
        Bytes.putShort(out, offset + 20, 1);          // ARPOP_REQUEST
        System.arraycopy(mac, 0, out, offset + SENDER_MAC_OFFSET, 6);
        System.arraycopy(ipv4, 0, out, offset + SENDER_IP_OFFSET, 4);
        System.arraycopy(ipv4, 0, out, offset + TARGET_IP_OFFSET, 4);
        return LENGTH;
    }
}
