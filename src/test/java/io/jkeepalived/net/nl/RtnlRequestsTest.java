package io.jkeepalived.net.nl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.Route;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked request encodings (host order = little endian here), one commented line per struct or
 * attribute, compared byte for byte with what {@link RtnlRequests} writes.
 */
class RtnlRequestsTest {
    private static NlWriter writer() {
        return new NlWriter(ByteBuffer.allocate(1024));
    }

    private static String hex(String commented) {
        return HexFormat.of().formatHex(Fixtures.hex(commented));
    }

    @Test
    void addIpv4AddressWithBroadcastAndLabelEncodesLikeIproute2() throws Exception {
        NlWriter w = writer();
        InterfaceAddress a = InterfaceAddress.of(2, InetAddress.getByName("10.99.0.101"), 24)
                .withBroadcast(InetAddress.getByName("10.99.0.255")).withLabel("eth0:vip");
        int len = RtnlRequests.addAddress(w, 7, a);
        assertThat(len).isEqualTo(64);
        assertThat(Fixtures.written(w)).isEqualTo(hex("""
                40000000 1400 0506 07000000 00000000   # nlmsghdr: len 64, RTM_NEWADDR, REQUEST|ACK|EXCL|CREATE, seq 7
                02 18 00 00 02000000                   # ifaddrmsg: AF_INET, /24, flags 0, scope universe, ifindex 2
                0800 0200 0a630065                     # IFA_LOCAL 10.99.0.101
                0800 0100 0a630065                     # IFA_ADDRESS 10.99.0.101
                0800 0400 0a6300ff                     # IFA_BROADCAST 10.99.0.255
                0d00 0300 657468303a76697000 000000    # IFA_LABEL "eth0:vip\\0", padded to 4
                """));
    }

    @Test
    void ipv6FlagsAboveEightBitsGoInIfaFlags() throws Exception {
        NlWriter w = writer();
        InterfaceAddress a = InterfaceAddress.of(3, InetAddress.getByName("fd00:99::100"), 64)
                .withFlags(IfAddr.IFA_F_NODAD | IfAddr.IFA_F_NOPREFIXROUTE);
        RtnlRequests.addAddress(w, 1, a);
        assertThat(Fixtures.written(w)).isEqualTo(hex("""
                48000000 1400 0506 01000000 00000000   # nlmsghdr: len 72, RTM_NEWADDR
                0a 40 02 00 03000000                   # ifaddrmsg: AF_INET6, /64, IFA_F_NODAD, universe, ifindex 3
                1400 0200 fd000099000000000000000000000100  # IFA_LOCAL fd00:99::100
                1400 0100 fd000099000000000000000000000100  # IFA_ADDRESS
                0800 0800 02020000                     # IFA_FLAGS NODAD|NOPREFIXROUTE (0x202)
                """));
    }

    @Test
    void deleteAddressAsksOnlyForAnAck() throws Exception {
        NlWriter w = writer();
        RtnlRequests.deleteAddress(w, 2, InterfaceAddress.of(2, InetAddress.getByName("10.0.0.1"), 32));
        ByteBuffer b = Fixtures.buffer(w.buffer().array());
        assertThat(b.getShort(4)).isEqualTo((short) Rtnetlink.RTM_DELADDR);
        assertThat(b.getShort(6)).isEqualTo((short) (Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK));
    }

    @Test
    void macvlanForVrrpVmacNestsKindAndPrivateMode() {
        NlWriter w = writer();
        byte[] vmac = {0x00, 0x00, 0x5e, 0x00, 0x01, 0x33};
        RtnlRequests.addMacvlan(w, 9, "vrrp.51", 2, vmac, IfLink.MACVLAN_MODE_PRIVATE);
        assertThat(Fixtures.written(w)).isEqualTo(hex("""
                5c000000 1000 0506 09000000 00000000   # nlmsghdr: len 92, RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE
                00 00 0000 00000000 00000000 00000000  # ifinfomsg: AF_UNSPEC, any type, no index/flags/change
                0c00 0300 767272702e353100             # IFLA_IFNAME "vrrp.51\\0"
                0800 0500 02000000                     # IFLA_LINK 2 (the parent)
                0a00 0100 00005e000133 0000            # IFLA_ADDRESS 00:00:5e:00:01:33, padded
                1c00 1200                              # IFLA_LINKINFO (28 bytes)
                  0c00 0100 6d6163766c616e00           #   IFLA_INFO_KIND "macvlan\\0"
                  0c00 0200                            #   IFLA_INFO_DATA (12 bytes)
                    0800 0100 01000000                 #     IFLA_MACVLAN_MODE private
                """));
    }

    @Test
    void getFamilyCarriesGenlHeaderAndName() {
        NlWriter w = writer();
        RtnlRequests.getFamily(w, 4, "IPVS");
        assertThat(Fixtures.written(w)).isEqualTo(hex("""
                20000000 1000 0500 04000000 00000000   # nlmsghdr: len 32, GENL_ID_CTRL, REQUEST|ACK, seq 4
                03 01 0000                             # genlmsghdr: CTRL_CMD_GETFAMILY, version 1
                0900 0200 4950565300 000000            # CTRL_ATTR_FAMILY_NAME "IPVS\\0", padded
                """));
    }

    @Test
    void routeInATableAbove255UsesRtaTableOnly() throws Exception {
        NlWriter w = writer();
        RtnlRequests.addRoute(w, 5, new Route(IpFamily.IPV4, InetAddress.getByName("10.99.50.0"), 24, null, 2,
                1000, Rtnetlink.RTPROT_KEEPALIVED, Rtnetlink.RT_SCOPE_LINK, Rtnetlink.RTN_UNICAST, 0, null));
        assertThat(Fixtures.written(w)).isEqualTo(hex("""
                34000000 1800 0506 05000000 00000000   # nlmsghdr: len 52, RTM_NEWROUTE
                02 18 00 00 00 12 fd 01 00000000       # rtmsg: AF_INET, dst /24, table unspec, proto 18, link, unicast
                0800 0100 0a633200                     # RTA_DST 10.99.50.0
                0800 0400 02000000                     # RTA_OIF 2
                0800 0f00 e8030000                     # RTA_TABLE 1000
                """));
    }
}
