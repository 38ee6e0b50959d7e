package io.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;

/**
 * Writes adverts byte for byte as keepalived 2.2.7 sends them. For IPv4 that is the whole datagram keepalived
 * hands to its IP_HDRINCL socket (TOS 0xC0, ID from {@link PacketCounters}, no DF, TTL from the spec) with the
 * header checksum filled in as the kernel would; for IPv6 the VRRP message, whose checksum the kernel also
 * computes (IPV6_CHECKSUM) but which is filled here when the source is known.
 *
 * <p>One encoder per instance and sending thread: it keeps an {@link AhAuthenticator} and a scratch ICV; no
 * call allocates.
 */
public final class AdvertEncoder {
    private final AdvertSpec spec;
    private final AhAuthenticator ah;
    private final byte[] icv = new byte[VrrpWire.AH_ICV_LENGTH];

    public AdvertEncoder(AdvertSpec spec) {
        this.spec = spec;
        this.ah = spec.authType() == AuthType.AH ? new AhAuthenticator(spec.authData()) : null;
    }

    public AdvertSpec spec() {
        return spec;
    }

    /** Bytes {@link #encode} writes. */
    public int length() {
        return spec.packetLength();
    }

    /**
     * Encodes one advert at {@code at} in {@code dst} (absolute puts; position and limit untouched).
     *
     * @param priority    the effective priority, 0 when stopping (RFC 3768 §5.3.4)
     * @param destination the multicast group or this copy's unicast peer (4 or 16 bytes)
     * @param counters    ID, AH sequence and unicast checksum mode of the current round
     * @return the number of bytes written
     * @throws IndexOutOfBoundsException when {@code dst} is too small (a caller bug, not a peer's)
     */
    public int encode(ByteBuffer dst, int at, int priority, byte[] destination, PacketCounters counters) {
        int length = length();
        if (at < 0 || at + length > dst.limit()) {
            throw new IndexOutOfBoundsException("advert of " + length + " bytes at " + at + " in " + dst.limit());
        }
        if (spec.family() == IpFamily.IPV6) {
            writeVrrp(dst, at, priority);
            if (spec.source() != null) {
                long acc = InternetChecksum.pseudoHeader(spec.source(), destination, spec.vrrpLength());
                Octets.put16(dst, at + 6, InternetChecksum.fold(InternetChecksum.sum(dst, at, spec.vrrpLength(), acc)));
            }
            return length;
        }
        boolean withAh = spec.authType() == AuthType.AH;
        int vrrpAt = at + VrrpWire.IPV4_HEADER + (withAh ? VrrpWire.AH_HEADER : 0);
        writeIpv4Header(dst, at, length, destination, counters.ipId());
        writeVrrp(dst, vrrpAt, priority);
        Octets.put16(dst, vrrpAt + 6, ipv4VrrpChecksum(dst, vrrpAt, destination, counters));
        if (withAh) {
            int ahAt = at + VrrpWire.IPV4_HEADER;
            Octets.put8(dst, ahAt, VrrpWire.IPPROTO_VRRP);
            Octets.put8(dst, ahAt + 1, VrrpWire.AH_PAYLOAD_LENGTH);
            Octets.put16(dst, ahAt + 2, 0);
            // SPI = sender's address: no SA negotiation is possible towards a multicast group
            Octets.putBytes(dst, ahAt + 4, spec.source());
            Octets.put32(dst, ahAt + 8, counters.ahSequence());
            Octets.zero(dst, ahAt + VrrpWire.AH_ICV_OFFSET, VrrpWire.AH_ICV_LENGTH);
            ah.icv(dst, at, VrrpWire.IPV4_HEADER, length, spec.unicast(), icv);
            for (int i = 0; i < icv.length; i++) {
                dst.put(ahAt + VrrpWire.AH_ICV_OFFSET + i, icv[i]);
            }
        }
        // the kernel fills the header checksum of IP_HDRINCL datagrams; doing it here makes our bytes the wire's
        Octets.put16(dst, at + 10, InternetChecksum.ipv4Header(dst, at, VrrpWire.IPV4_HEADER));
        return length;
    }

    private void writeIpv4Header(ByteBuffer dst, int at, int length, byte[] destination, int ipId) {
        Octets.put8(dst, at, 0x45);
        Octets.put8(dst, at + 1, VrrpWire.IPV4_TOS);
        Octets.put16(dst, at + 2, length);
        Octets.put16(dst, at + 4, ipId);
        Octets.put16(dst, at + 6, 0);
        Octets.put8(dst, at + 8, spec.ttl());
        Octets.put8(dst, at + 9, spec.authType() == AuthType.AH ? VrrpWire.IPPROTO_AH : VrrpWire.IPPROTO_VRRP);
        Octets.put16(dst, at + 10, 0);
        Octets.putBytes(dst, at + 12, spec.source());
        Octets.putBytes(dst, at + 16, destination);
    }

    private void writeVrrp(ByteBuffer dst, int at, int priority) {
        int version = spec.version();
        Octets.put8(dst, at, (version << 4) | VrrpWire.TYPE_ADVERTISEMENT);
        Octets.put8(dst, at + 1, spec.vrid());
        Octets.put8(dst, at + 2, priority);
        Octets.put8(dst, at + 3, spec.vips().size());
        if (version == 2) {
            Octets.put8(dst, at + 4, spec.authType().code());
            Octets.put8(dst, at + 5, (int) (spec.advertIntervalMicros() / VrrpWire.TIMER_HZ));
        } else {
            Octets.put16(dst, at + 4, (int) (spec.advertIntervalMicros() / VrrpWire.TIMER_CENTI_HZ) & 0x0FFF);
        }
        Octets.put16(dst, at + 6, 0);
        int p = at + VrrpWire.VRRP_HEADER;
        for (int i = 0; i < spec.vips().size(); i++) {
            byte[] vip = spec.vips().get(i);
            Octets.putBytes(dst, p, vip);
            p += vip.length;
        }
        if (version == 2 && spec.family() == IpFamily.IPV4) {
            if (spec.authType() == AuthType.PASS) {
                Octets.putBytes(dst, p, spec.authData());
            } else {
                Octets.zero(dst, p, VrrpWire.AUTH_DATA);
            }
        }
    }

    /**
     * The destination in a v3 IPv4 pseudo-header: the real one (RFC 5798 §5.2.8), the group for
     * old_unicast_checksum, or, after an automatic switch, whatever keepalived's buffer was left with.
     */
    private byte[] pseudoDestination(byte[] destination, PacketCounters counters) {
        return switch (counters.checksumCompat()) {
            case NONE, NEVER -> {
                counters.noteDestination(destination);
                yield destination;
            }
            case CONFIG -> spec.checksumGroup();
            case AUTO -> counters.frozenDestination();
        };
    }

    private int ipv4VrrpChecksum(ByteBuffer dst, int vrrpAt, byte[] destination, PacketCounters counters) {
        int len = spec.vrrpLength();
        long acc = 0;
        if (spec.version() == 3 && !spec.v3ChecksumAsV2()) {
            acc = InternetChecksum.pseudoHeader(spec.source(), pseudoDestination(destination, counters), len);
        }
        return InternetChecksum.fold(InternetChecksum.sum(dst, vrrpAt, len, acc));
    }
}
