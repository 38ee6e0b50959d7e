package io.jkeepalived.net.nl;

import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.Link;
import io.jkeepalived.net.Route;
import io.jkeepalived.net.Rule;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes rtnetlink and generic-netlink replies and announcements into records. Pure; a message that
 * does not hold what its type promises raises {@link NlFormatException}.
 */
public final class RtnlReplies {
    // struct ifinfomsg offsets
    static final int IFI_TYPE_OFFSET = 2;
    static final int IFI_INDEX_OFFSET = 4;
    static final int IFI_FLAGS_OFFSET = 8;
    // struct ifaddrmsg offsets
    static final int IFA_PREFIXLEN_OFFSET = 1;
    static final int IFA_FLAGS_OFFSET = 2;
    static final int IFA_SCOPE_OFFSET = 3;
    static final int IFA_INDEX_OFFSET = 4;

    private RtnlReplies() {
    }

    private static void need(NlMessage m, int size, String what) {
        if (m.payload().limit() < size) {
            throw new NlFormatException(what + " of " + m.payload().limit() + " bytes, needs " + size);
        }
    }

    private static IpFamily family(int af) {
        return switch (af) {
            case RtnlRequests.AF_INET -> IpFamily.IPV4;
            case RtnlRequests.AF_INET6 -> IpFamily.IPV6;
            default -> null;
        };
    }

    /** RTM_NEWLINK / RTM_DELLINK. */
    public static Link link(NlMessage m) {
        need(m, IfLink.IFINFOMSG_SIZE, "ifinfomsg");
        ByteBuffer p = m.payload();
        NlAttrs a = m.attrs(IfLink.IFINFOMSG_SIZE);
        String kind = null;
        if (a.has(IfLink.IFLA_LINKINFO)) {
            NlAttrs info = a.nested(IfLink.IFLA_LINKINFO);
            kind = info.string(IfLink.IFLA_INFO_KIND, null);
        }
        return new Link(p.getInt(IFI_INDEX_OFFSET), a.string(IfLink.IFLA_IFNAME, ""), p.getInt(IFI_FLAGS_OFFSET),
                Short.toUnsignedInt(p.getShort(IFI_TYPE_OFFSET)),
                a.has(IfLink.IFLA_ADDRESS) ? a.bytes(IfLink.IFLA_ADDRESS) : new byte[0],
                a.u32(IfLink.IFLA_MTU, 0), kind, a.u32(IfLink.IFLA_LINK, 0), a.u32(IfLink.IFLA_MASTER, 0));
    }

    /** RTM_NEWADDR / RTM_DELADDR, or null for a family other than IPv4/IPv6. */
    public static InterfaceAddress address(NlMessage m) {
        need(m, IfAddr.IFADDRMSG_SIZE, "ifaddrmsg");
        ByteBuffer p = m.payload();
        if (family(Byte.toUnsignedInt(p.get(0))) == null) {
            return null;
        }
        NlAttrs a = m.attrs(IfAddr.IFADDRMSG_SIZE);
        // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the peer on point-to-point links
        InetAddress local = a.has(IfAddr.IFA_LOCAL) ? a.address(IfAddr.IFA_LOCAL) : a.address(IfAddr.IFA_ADDRESS);
        int flags = a.has(IfAddr.IFA_FLAGS) ? a.u32(IfAddr.IFA_FLAGS) : Byte.toUnsignedInt(p.get(IFA_FLAGS_OFFSET));
        return new InterfaceAddress(p.getInt(IFA_INDEX_OFFSET), local, Byte.toUnsignedInt(p.get(IFA_PREFIXLEN_OFFSET)),
                Byte.toUnsignedInt(p.get(IFA_SCOPE_OFFSET)), flags, a.string(IfAddr.IFA_LABEL, null),
                a.has(IfAddr.IFA_BROADCAST) ? a.address(IfAddr.IFA_BROADCAST) : null);
    }

    /** RTM_NEWROUTE / RTM_DELROUTE, or null for a family other than IPv4/IPv6. */
    public static Route route(NlMessage m) {
        need(m, Rtnetlink.RTMSG_SIZE, "rtmsg");
        ByteBuffer p = m.payload();
        IpFamily family = family(Byte.toUnsignedInt(p.get(0)));
        if (family == null) {
            return null;
        }
        NlAttrs a = m.attrs(Rtnetlink.RTMSG_SIZE);
        int table = a.has(Rtnetlink.RTA_TABLE) ? a.u32(Rtnetlink.RTA_TABLE) : Byte.toUnsignedInt(p.get(4));
        return new Route(family, a.has(Rtnetlink.RTA_DST) ? a.address(Rtnetlink.RTA_DST) : null,
                Byte.toUnsignedInt(p.get(1)),
                a.has(Rtnetlink.RTA_GATEWAY) ? a.address(Rtnetlink.RTA_GATEWAY) : null,
                a.u32(Rtnetlink.RTA_OIF, 0), table, Byte.toUnsignedInt(p.get(5)), Byte.toUnsignedInt(p.get(6)),
                Byte.toUnsignedInt(p.get(7)), a.u32(Rtnetlink.RTA_PRIORITY, 0),
                a.has(Rtnetlink.RTA_PREFSRC) ? a.address(Rtnetlink.RTA_PREFSRC) : null);
    }

    /** RTM_NEWRULE / RTM_DELRULE, or null for a family other than IPv4/IPv6. */
    public static Rule rule(NlMessage m) {
        need(m, FibRules.FIB_RULE_HDR_SIZE, "fib_rule_hdr");
        ByteBuffer p = m.payload();
        IpFamily family = family(Byte.toUnsignedInt(p.get(0)));
        if (family == null) {
            return null;
        }
        NlAttrs a = m.attrs(FibRules.FIB_RULE_HDR_SIZE);
        int table = a.has(FibRules.FRA_TABLE) ? a.u32(FibRules.FRA_TABLE) : Byte.toUnsignedInt(p.get(4));
        return new Rule(family, a.u32(FibRules.FRA_PRIORITY, -1), table, Byte.toUnsignedInt(p.get(7)),
                a.has(FibRules.FRA_SRC) ? a.address(FibRules.FRA_SRC) : null, Byte.toUnsignedInt(p.get(2)),
                a.has(FibRules.FRA_DST) ? a.address(FibRules.FRA_DST) : null, Byte.toUnsignedInt(p.get(1)),
                a.u32(FibRules.FRA_FWMARK, 0), a.u32(FibRules.FRA_FWMASK, 0),
                a.string(FibRules.FRA_IIFNAME, null), a.string(FibRules.FRA_OIFNAME, null),
                a.has(FibRules.FRA_PROTOCOL) ? a.u8(FibRules.FRA_PROTOCOL) : 0, a.u32(FibRules.FRA_GOTO, 0));
    }

    /** A generic netlink family as CTRL_CMD_NEWFAMILY describes it. */
    public record GenlFamily(int id, String name, int version, int headerSize, int maxAttr,
                             Map<String, Integer> multicastGroups) {
    }

    /** The reply to CTRL_CMD_GETFAMILY. */
    public static GenlFamily family(NlMessage m) {
        need(m, Genetlink.GENL_HDRLEN, "genlmsghdr");
        NlAttrs a = m.attrs(Genetlink.GENL_HDRLEN);
        Map<String, Integer> groups = new LinkedHashMap<>();
        if (a.has(Genetlink.CTRL_ATTR_MCAST_GROUPS)) {
            for (NlAttrs g : a.nested(Genetlink.CTRL_ATTR_MCAST_GROUPS).nestedArray()) {
                groups.put(g.string(Genetlink.CTRL_ATTR_MCAST_GRP_NAME), g.u32(Genetlink.CTRL_ATTR_MCAST_GRP_ID));
            }
        }
        return new GenlFamily(a.u16(Genetlink.CTRL_ATTR_FAMILY_ID), a.string(Genetlink.CTRL_ATTR_FAMILY_NAME),
                a.u32(Genetlink.CTRL_ATTR_VERSION, 0), a.u32(Genetlink.CTRL_ATTR_HDRSIZE, 0),
                a.u32(Genetlink.CTRL_ATTR_MAXATTR, 0), Map.copyOf(groups));
    }
}
