package io.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;

/**
 * A reusable flyweight over one received packet: an IPv4 datagram (header, maybe AH, VRRP) or an IPv6 VRRP
 * payload. {@link #wrap} finds the VRRP header the way keepalived's vrrp_get_header does and refuses what the
 * kernel or that function would; the getters then read fields straight from the buffer. Getters beyond the
 * fixed 8-byte VRRP header are only safe once a validator has checked the length.
 */
public final class AdvertView {
    private ByteBuffer buffer;
    private IpFamily family;
    private int at;
    private int length;
    private int ihl;
    private int ahAt = -1;
    private int vrrpAt;

    /**
     * Points the view at {@code length} bytes at {@code at}. Returns {@link Verdict#ACCEPT} when a full VRRP
     * header is there, else why not ({@link Verdict#TOO_SHORT}, {@link Verdict#MALFORMED_IP_HEADER},
     * {@link Verdict#NOT_VRRP}).
     */
    public Verdict wrap(ByteBuffer packet, int at, int length, IpFamily family) {
        this.buffer = packet;
        this.family = family;
        this.at = at;
        this.length = length;
        this.ahAt = -1;
        if (at < 0 || length < 0 || at + length > packet.limit()) {
            this.length = 0;
            return Verdict.TOO_SHORT;
        }
        if (family == IpFamily.IPV6) {
            ihl = 0;
            vrrpAt = at;
            return length < VrrpWire.VRRP_HEADER ? Verdict.TOO_SHORT : Verdict.ACCEPT;
        }
        if (length < VrrpWire.IPV4_HEADER) {
            return Verdict.TOO_SHORT;
        }
        int first = Octets.u8(packet, at);
        ihl = (first & 0x0F) << 2;
        // the kernel hands raw sockets only well-formed IPv4 headers of protocol 112 or 51
        if (first >> 4 != 4 || ihl < VrrpWire.IPV4_HEADER) {
            return Verdict.MALFORMED_IP_HEADER;
        }
        int protocol = Octets.u8(packet, at + 9);
        if (protocol != VrrpWire.IPPROTO_VRRP && protocol != VrrpWire.IPPROTO_AH) {
            return Verdict.NOT_VRRP;
        }
        if (length < ihl + VrrpWire.VRRP_HEADER) {
            return Verdict.TOO_SHORT;
        }
        if (protocol == VrrpWire.IPPROTO_AH) {
            if (length < ihl + VrrpWire.AH_HEADER + VrrpWire.VRRP_HEADER) {
                return Verdict.TOO_SHORT;
            }
            ahAt = at + ihl;
            vrrpAt = ahAt + VrrpWire.AH_HEADER;
        } else {
            vrrpAt = at + ihl;
        }
        return Verdict.ACCEPT;
    }

    public IpFamily family() {
        return family;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    int start() {
        return at;
    }

    int vrrpStart() {
        return vrrpAt;
    }

    int ahStart() {
        return ahAt;
    }

    /** Bytes received (the IPv4 datagram or the IPv6 payload). */
    public int length() {
        return length;
    }

    public int ipHeaderLength() {
        return ihl;
    }

    public boolean hasAh() {
        return ahAt >= 0;
    }

    public int version() {
        return Octets.u8(buffer, vrrpAt) >> 4;
    }

    public int type() {
        return Octets.u8(buffer, vrrpAt) & 0x0F;
    }

    public int vrid() {
        return Octets.u8(buffer, vrrpAt + 1);
    }

    public int priority() {
        return Octets.u8(buffer, vrrpAt + 2);
    }

    public int addressCount() {
        return Octets.u8(buffer, vrrpAt + 3);
    }

    /** VRRPv2 auth type code (byte 4). */
    public int authTypeCode() {
        return Octets.u8(buffer, vrrpAt + 4);
    }

    /** VRRPv2 advert interval in seconds (byte 5). */
    public int advertIntervalSeconds() {
        return Octets.u8(buffer, vrrpAt + 5);
    }

    /** VRRPv3 max advert interval in centiseconds (12 bits of bytes 4-5). */
    public int advertIntervalCentis() {
        return Octets.u16(buffer, vrrpAt + 4) & 0x0FFF;
    }

    /** The advert interval in µs, read as this packet's version says. */
    public long advertIntervalMicros() {
        return version() == 2 ? advertIntervalSeconds() * VrrpWire.TIMER_HZ
                : advertIntervalCentis() * VrrpWire.TIMER_CENTI_HZ;
    }

    public int checksum() {
        return Octets.u16(buffer, vrrpAt + 6);
    }

    /** Copies address {@code index} of the advert into {@code out} (4 or 16 bytes). */
    public void address(int index, byte[] out) {
        buffer.get(vrrpAt + VrrpWire.VRRP_HEADER + index * family.addressLength(), out, 0, family.addressLength());
    }

    /** IPv4 header fields (IPv4 only). */
    public int ipTtl() {
        return Octets.u8(buffer, at + 8);
    }

    public int ipTotalLength() {
        return Octets.u16(buffer, at + 2);
    }

    public int ipId() {
        return Octets.u16(buffer, at + 4);
    }

    public void ipv4Source(byte[] out) {
        buffer.get(at + 12, out, 0, 4);
    }

    public void ipv4Destination(byte[] out) {
        buffer.get(at + 16, out, 0, 4);
    }

    /** AH fields (only when {@link #hasAh()}). */
    public int ahNextHeader() {
        return Octets.u8(buffer, ahAt);
    }

    public long ahSpi() {
        return Octets.u32(buffer, ahAt + 4);
    }

    public long ahSequence() {
        return Octets.u32(buffer, ahAt + 8);
    }
}
