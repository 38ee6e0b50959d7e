package io.jkeepalived.vrrp.packet;

import java.util.Arrays;
import java.util.List;

/**
 * What an instance expects of received adverts (the codec's own terms, no config model).
 *
 * @param family               IPv4 or IPv6
 * @param version              2 or 3
 * @param vrid                 1..255
 * @param advertIntervalMicros our advert_int in µs; v2 adverts must carry exactly it
 * @param authType             our authentication (v2 only)
 * @param authData             8 bytes: the PASS value and the AH key
 * @param vips                 our VIPs (each must be in the advert, RFC 3768 §7.1 "MAY verify")
 * @param unicast              true when we have unicast peers (no TTL 255 rule; destination must be unicast)
 * @param peers                unicast peers with their TTL windows
 * @param checkUnicastSource   check_unicast_src (global or instance)
 * @param checksumGroup        vrrp_mcast_group4, the old-style unicast v3 pseudo-header destination
 * @param v3ChecksumAsV2       keepalived ≥ 2.2.8 v3_checksum_as_v2: received v3 checksums are not checked
 * @param skipCheckAdvAddr     skip_check_adv_addr: a backup skips the VIP checks for adverts from the known master
 */
public record ReceivePolicy(
        IpFamily family,
        int version,
        int vrid,
        long advertIntervalMicros,
        AuthType authType,
        byte[] authData,
        List<byte[]> vips,
        boolean unicast,
        List<UnicastPeer> peers,
        boolean checkUnicastSource,
        byte[] checksumGroup,
        boolean v3ChecksumAsV2,
        boolean skipCheckAdvAddr) {

    public ReceivePolicy {
        vips = vips.stream().map(byte[]::clone).toList();
        peers = List.copyOf(peers);
        authData = authData == null ? new byte[AuthType.DATA_LENGTH] : Arrays.copyOf(authData, AuthType.DATA_LENGTH);
        checksumGroup = checksumGroup == null ? VrrpWire.ipv4Group() : checksumGroup.clone();
    }

    /** Multicast instance, no auth, no unicast checks. */
    public static ReceivePolicy multicast(IpFamily family, int version, int vrid, long advertIntervalMicros,
            List<byte[]> vips) {
        return new ReceivePolicy(family, version, vrid, advertIntervalMicros, AuthType.NONE, null, vips, false,
                List.of(), false, null, false, false);
    }

    public ReceivePolicy withAuth(AuthType type, byte[] data) {
        return new ReceivePolicy(family, version, vrid, advertIntervalMicros, type, data, vips, unicast, peers,
                checkUnicastSource, checksumGroup, v3ChecksumAsV2, skipCheckAdvAddr);
    }

    public ReceivePolicy withUnicast(List<UnicastPeer> unicastPeers, boolean checkSource) {
        return new ReceivePolicy(family, version, vrid, advertIntervalMicros, authType, authData, vips,
                !unicastPeers.isEmpty(), unicastPeers, checkSource, checksumGroup, v3ChecksumAsV2, skipCheckAdvAddr);
    }

    public ReceivePolicy withSkipCheckAdvAddr(boolean skip) {
        return new ReceivePolicy(family, version, vrid, advertIntervalMicros, authType, authData, vips, unicast,
                peers, checkUnicastSource, checksumGroup, v3ChecksumAsV2, skip);
    }

    public ReceivePolicy withV3ChecksumAsV2(boolean asV2) {
        return new ReceivePolicy(family, version, vrid, advertIntervalMicros, authType, authData, vips, unicast,
                peers, checkUnicastSource, checksumGroup, asV2, skipCheckAdvAddr);
    }

    /** Our VIPs packed back to back, for the allocation-free membership test. */
    byte[] packedVips() {
        int len = family.addressLength();
        byte[] packed = new byte[vips.size() * len];
        for (int i = 0; i < vips.size(); i++) {
            System.arraycopy(vips.get(i), 0, packed, i * len, len);
        }
        return packed;
    }
}
