package io.jkeepalived.vrrp.packet;

import java.util.List;

/**
 * What an instance puts in its adverts, in the codec's own terms (no config model).
 *
 * @param family                 IPv4 or IPv6
 * @param version                2 or 3
 * @param vrid                   1..255
 * @param advertIntervalMicros   advert_int in µs; v2 sends whole seconds, v3 centiseconds (12 bits)
 * @param authType               v2 over IPv4 only; NONE otherwise
 * @param authData               8 bytes (see {@link AuthType#authData}); ignored for NONE
 * @param vips                   the virtual addresses in config order, each 4 or 16 bytes
 * @param ttl                    IPv4 TTL: 255, or unicast_ttl
 * @param source                 IPv4 header source / IPv6 pseudo-header source; null for IPv6 leaves the
 *                               checksum to the kernel (IPV6_CHECKSUM)
 * @param unicast                true when sending to unicast peers (AH then zeroes the TTL in its ICV)
 * @param checksumGroup          the IPv4 group used by old-style unicast v3 checksums (vrrp_mcast_group4)
 * @param v3ChecksumAsV2         keepalived ≥ 2.2.8 {@code v3_checksum_as_v2}: no pseudo-header for v3 IPv4
 */
public record AdvertSpec(
        IpFamily family,
        int version,
        int vrid,
        long advertIntervalMicros,
        AuthType authType,
        byte[] authData,
        List<byte[]> vips,
        int ttl,
        byte[] source,
        boolean unicast,
        byte[] checksumGroup,
        boolean v3ChecksumAsV2) {

    public AdvertSpec {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("VRRP version " + version);
        }
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("VRID " + vrid);
        }
        if (vips.size() > 255) {
            throw new IllegalArgumentException(vips.size() + " VIPs");
        }
        vips = vips.stream().map(byte[]::clone).toList();
        for (byte[] vip : vips) {
            if (vip.length != family.addressLength()) {
                throw new IllegalArgumentException("VIP of " + vip.length + " bytes in an " + family + " instance");
            }
        }
        // keepalived drops authentication for v3, and AH for IPv6, at config time
        if (authType != AuthType.NONE && version != 2
                || authType == AuthType.AH && family != IpFamily.IPV4) {
            throw new IllegalArgumentException(authType + " authentication with VRRPv" + version + " over " + family);
        }
        authData = authData == null ? new byte[AuthType.DATA_LENGTH]
                : java.util.Arrays.copyOf(authData, AuthType.DATA_LENGTH);
        if (source != null && source.length != family.addressLength()) {
            throw new IllegalArgumentException("source of " + source.length + " bytes in an " + family + " instance");
        }
        if (family == IpFamily.IPV4 && source == null) {
            throw new IllegalArgumentException("an IPv4 advert needs a source address");
        }
        source = source == null ? null : source.clone();
        checksumGroup = checksumGroup == null ? VrrpWire.ipv4Group() : checksumGroup.clone();
    }

    /** Plain multicast VRRPv3 defaults: TTL 255, group 224.0.0.18 for the old checksum, no auth. */
    public static AdvertSpec v3(IpFamily family, int vrid, long advertIntervalMicros, List<byte[]> vips,
            byte[] source) {
        return new AdvertSpec(family, 3, vrid, advertIntervalMicros, AuthType.NONE, null, vips,
                VrrpWire.VRRP_TTL, source, false, null, false);
    }

    /** Plain multicast VRRPv2 over IPv4 with the given authentication. */
    public static AdvertSpec v2(int vrid, long advertIntervalMicros, AuthType authType, byte[] authData,
            List<byte[]> vips, byte[] source) {
        return new AdvertSpec(IpFamily.IPV4, 2, vrid, advertIntervalMicros, authType, authData, vips,
                VrrpWire.VRRP_TTL, source, false, null, false);
    }

    public AdvertSpec withUnicast(boolean unicastMode, int unicastTtl) {
        return new AdvertSpec(family, version, vrid, advertIntervalMicros, authType, authData, vips, unicastTtl,
                source, unicastMode, checksumGroup, v3ChecksumAsV2);
    }

    public AdvertSpec withV3ChecksumAsV2(boolean asV2) {
        return new AdvertSpec(family, version, vrid, advertIntervalMicros, authType, authData, vips, ttl,
                source, unicast, checksumGroup, asV2);
    }

    /** Bytes of the VRRP message alone. */
    public int vrrpLength() {
        return VrrpWire.vrrpLength(family, version, vips.size());
    }

    /** Bytes handed to the socket: for IPv4 the header (and AH) too, for IPv6 the VRRP message only. */
    public int packetLength() {
        if (family == IpFamily.IPV6) {
            return vrrpLength();
        }
        return VrrpWire.IPV4_HEADER + (authType == AuthType.AH ? VrrpWire.AH_HEADER : 0) + vrrpLength();
    }
}
