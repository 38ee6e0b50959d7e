package io.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;

/** Sizes, offsets and numbers of the VRRP wire format (RFC 3768 §5, RFC 5798 §5, RFC 2402 §2). */
public final class VrrpWire {
    private VrrpWire() {
    }

    public static final int IPPROTO_VRRP = 112;
    public static final int IPPROTO_AH = 51;
    /** RFC 3768 §5.2.3 / RFC 5798 §5.1.1.3: adverts leave with TTL/hop limit 255 and must arrive with it. */
    public static final int VRRP_TTL = 255;
    public static final int TYPE_ADVERTISEMENT = 1;
    /** keepalived sends with TOS "internet network control". */
    public static final int IPV4_TOS = 0xC0;

    public static final int IPV4_HEADER = 20;
    public static final int VRRP_HEADER = 8;
    /** VRRPv2 over IPv4 carries 8 bytes of authentication data after the addresses. */
    public static final int AUTH_DATA = AuthType.DATA_LENGTH;

    /** IPsec AH as keepalived writes it: next header, payload length 4, reserved, SPI, sequence, 96-bit ICV. */
    public static final int AH_HEADER = 24;
    public static final int AH_PAYLOAD_LENGTH = 4;
    public static final int AH_ICV_OFFSET = 12;
    public static final int AH_ICV_LENGTH = 12;

    /** Microseconds per second, keepalived's TIMER_HZ: advert intervals are kept in these units. */
    public static final long TIMER_HZ = 1_000_000L;
    /** One VRRPv3 interval unit (RFC 5798 §5.2.7: centiseconds) in microseconds. */
    public static final long TIMER_CENTI_HZ = 10_000L;

    /** 224.0.0.18, RFC 3768 §5.2.2 / RFC 5798 §5.1.1.2; keepalived's vrrp_mcast_group4 default. */
    public static byte[] ipv4Group() {
        return new byte[] {(byte) 224, 0, 0, 18};
    }

    /** ff02::12, RFC 5798 §5.1.2.2; keepalived's vrrp_mcast_group6 default. */
    public static byte[] ipv6Group() {
        byte[] a = new byte[16];
        a[0] = (byte) 0xFF;
        a[1] = 0x02;
        a[15] = 0x12;
        return a;
    }

    /** Length of the VRRP message (header, addresses, and the v2/IPv4 auth field) for {@code count} addresses. */
    public static int vrrpLength(IpFamily family, int version, int count) {
        int len = VRRP_HEADER + count * family.addressLength();
        return family == IpFamily.IPV4 && version == 2 ? len + AUTH_DATA : len;
    }

    static boolean isIpv4Multicast(ByteBuffer b, int at) {
        return (Octets.u8(b, at) & 0xF0) == 0xE0;
    }
}
