package io.jkeepalived.net.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Gratuitous ARP and unsolicited NA compared byte for byte with frames keepalived 2.2.7 sent
 * (shared/vectors/keepalived-2.2.7-vrrpv3-ipv4-ipv6-multicast.pcap, node 2, MAC aa:40:60:b6:49:72).
 */
class FramesTest {
    private static final byte[] MAC = HexFormat.of().parseHex("aa4060b64972");

    @Test
    void gratuitousArpMatchesKeepalivedsFrame() throws Exception {
        byte[] out = new byte[60];
        int len = GratuitousArp.encode(out, 0, MAC, InetAddress.getByName("10.99.0.101").getAddress());
        assertThat(len).isEqualTo(42);
        assertThat(HexFormat.of().formatHex(out, 0, len)).isEqualTo(
                "ffffffffffff" + "aa4060b64972" + "0806"          // Ethernet: broadcast, from the MAC, ARP
                        + "0001" + "0800" + "06" + "04" + "0001"  // Ethernet/IPv4, request
                        + "aa4060b64972" + "0a630065"             // sender: MAC, 10.99.0.101
                        + "ffffffffffff" + "0a630065");           // target: broadcast, 10.99.0.101
    }

    @Test
    void neighbourAdvertMatchesKeepalivedsFrame() throws Exception {
        byte[] out = new byte[NeighbourAdvert.LENGTH + 4];
        int len = NeighbourAdvert.encode(out, 2, MAC, InetAddress.getByName("fd00:99::100").getAddress(), false);
        assertThat(len).isEqualTo(86);
        assertThat(HexFormat.of().formatHex(out, 2, 2 + len)).isEqualTo(
                "333300000001" + "aa4060b64972" + "86dd"                       // Ethernet to all-nodes
                        + "60000000" + "0020" + "3a" + "ff"                        // IPv6: 32 bytes, ICMPv6, hop 255
                        + "fd000099000000000000000000000100"                       // src fd00:99::100
                        + "ff020000000000000000000000000001"                       // dst ff02::1
                        + "88" + "00" + "0503" + "20000000"                        // NA, checksum, Override
                        + "fd000099000000000000000000000100"                       // target
                        + "0201" + "aa4060b64972");                                // target link-layer address
    }

    @Test
    void routerFlagIsSetWhenTheInterfaceForwards() throws Exception {
        byte[] out = new byte[NeighbourAdvert.LENGTH];
        NeighbourAdvert.encode(out, 0, MAC, InetAddress.getByName("fd00:99::100").getAddress(), true);
        assertThat(out[NeighbourAdvert.ICMP_OFFSET + 4]).isEqualTo((byte) 0xa0);
        assertThat(NeighbourAdvert.checksum(out, 0)).isEqualTo(Bytes.getShort(out, NeighbourAdvert.CHECKSUM_OFFSET));
    }
}
