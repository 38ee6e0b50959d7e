package io.jkeepalived.net.nl;

import static io.jkeepalived.net.nl.Netlink.NLM_F_ACK;
import static io.jkeepalived.net.nl.Netlink.NLM_F_CREATE;
import static io.jkeepalived.net.nl.Netlink.NLM_F_DUMP;
import static io.jkeepalived.net.nl.Netlink.NLM_F_EXCL;
import static io.jkeepalived.net.nl.Netlink.NLM_F_REQUEST;

import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.Route;
import io.jkeepalived.net.Rule;

/**
 * Builds rtnetlink requests, the way iproute2 builds them for {@code ip addr|route|rule|link}.
 * Pure: each writes one message into the writer and returns its length; sockets are elsewhere.
 */
public final class RtnlRequests {
    /** AF_INET / AF_INET6 from {@code <bits/socket.h>}. */
    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    private static final int NEW = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
    private static final int DEL = NLM_F_REQUEST | NLM_F_ACK;
    private static final int DUMP = NLM_F_REQUEST | NLM_F_DUMP;

    private RtnlRequests() {
    }

    public static int af(IpFamily family) {
        return family == IpFamily.IPV4 ? AF_INET : AF_INET6;
    }

    private static int af(IpFamily family, boolean any) {
        return any ? AF_UNSPEC : af(family);
    }

    /** {@code ip addr add}: RTM_NEWADDR with IFA_LOCAL, IFA_ADDRESS, IFA_BROADCAST, IFA_LABEL, IFA_FLAGS. */
    public static int addAddress(NlWriter w, int seq, InterfaceAddress a) {
        return address(w, Rtnetlink.RTM_NEWADDR, NEW, seq, a, null);
    }

    /** {@code ip addr add … preferred_lft P valid_lft V}: with IFA_CACHEINFO (struct ifa_cacheinfo, host order). */
    public static int addAddress(NlWriter w, int seq, InterfaceAddress a, long preferredSeconds, long validSeconds) {
        java.nio.ByteBuffer ci = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.nativeOrder());
        ci.putInt((int) preferredSeconds).putInt((int) validSeconds).putInt(0).putInt(0);
        return address(w, Rtnetlink.RTM_NEWADDR, NEW, seq, a, ci.array());
    }

    /** {@code ip addr del}: RTM_DELADDR for the same address and prefix. */
    public static int deleteAddress(NlWriter w, int seq, InterfaceAddress a) {
        return address(w, Rtnetlink.RTM_DELADDR, DEL, seq, a, null);
    }

    private static int address(NlWriter w, int type, int flags, int seq, InterfaceAddress a, byte[] cacheInfo) {
        w.begin(type, flags, seq, 0);
        // struct ifaddrmsg: the low 8 flag bits go here, the rest in IFA_FLAGS (as iproute2 does)
        w.putU8(af(a.family())).putU8(a.prefixLength()).putU8(a.flags() & 0xff).putU8(a.scope())
                .putU32(a.ifIndex());
        w.attrAddress(IfAddr.IFA_LOCAL, a.address());
        w.attrAddress(IfAddr.IFA_ADDRESS, a.address());
        if (a.broadcast() != null) {
            w.attrAddress(IfAddr.IFA_BROADCAST, a.broadcast());
        }
        if (a.label() != null) {
            w.attrString(IfAddr.IFA_LABEL, a.label());
        }
        if ((a.flags() & ~0xff) != 0) {
            w.attrU32(IfAddr.IFA_FLAGS, a.flags());
        }
        if (cacheInfo != null) {
            w.attr(IfAddr.IFA_CACHEINFO, cacheInfo);
        }
        return w.end();
    }

    /** {@code ip addr show}: an RTM_GETADDR dump, for one family or both when {@code family} is null. */
    public static int dumpAddresses(NlWriter w, int seq, IpFamily family) {
        w.begin(Rtnetlink.RTM_GETADDR, DUMP, seq, 0);
        w.putU8(af(family, family == null)).putU8(0).putU8(0).putU8(0).putU32(0);
        return w.end();
    }

    /** {@code ip link show}: an RTM_GETLINK dump. */
    public static int dumpLinks(NlWriter w, int seq) {
        w.begin(Rtnetlink.RTM_GETLINK, DUMP, seq, 0);
        ifinfomsg(w, 0, 0, 0);
        return w.end();
    }

    /** RTM_GETLINK for one interface by name. */
    public static int getLink(NlWriter w, int seq, String name) {
        w.begin(Rtnetlink.RTM_GETLINK, NLM_F_REQUEST, seq, 0);
        ifinfomsg(w, 0, 0, 0);
        w.attrString(IfLink.IFLA_IFNAME, name);
        return w.end();
    }

    /** {@code ip link set IF up|down}: RTM_NEWLINK changing only IFF_UP. */
    public static int setLinkUp(NlWriter w, int seq, int ifIndex, boolean up) {
        w.begin(Rtnetlink.RTM_NEWLINK, DEL, seq, 0);
        ifinfomsg(w, ifIndex, up ? IfLink.IFF_UP : 0, IfLink.IFF_UP);
        return w.end();
    }

    /**
     * {@code ip link add link PARENT name NAME address MAC type macvlan mode MODE}: keepalived's use_vmac
     * interface (vrrp_vmac.c: mode private, MAC 00:00:5e:00:01:VRID for IPv4, 00:00:5e:00:02:VRID for IPv6).
     */
    public static int addMacvlan(NlWriter w, int seq, String name, int parentIndex, byte[] mac, int mode) {
        w.begin(Rtnetlink.RTM_NEWLINK, NEW, seq, 0);
        ifinfomsg(w, 0, 0, 0);
        w.attrString(IfLink.IFLA_IFNAME, name);
        w.attrU32(IfLink.IFLA_LINK, parentIndex);
        if (mac != null) {
            w.attr(IfLink.IFLA_ADDRESS, mac);
        }
        int linkInfo = w.beginNest(IfLink.IFLA_LINKINFO);
        w.attrString(IfLink.IFLA_INFO_KIND, "macvlan");
        int data = w.beginNest(IfLink.IFLA_INFO_DATA);
        w.attrU32(IfLink.IFLA_MACVLAN_MODE, mode);
        w.endNest(data);
        w.endNest(linkInfo);
        return w.end();
    }

    /**
     * {@code ip link set IF addrgenmode MODE}: RTM_NEWLINK with IFLA_AF_SPEC / AF_INET6 /
     * IFLA_INET6_ADDR_GEN_MODE. keepalived sets NONE on a VMAC so the kernel makes no link-local address
     * from the virtual MAC (vrrp_vmac.c); the kernel ignores this attribute when a link is created.
     */
    public static int setAddrGenMode(NlWriter w, int seq, int ifIndex, int mode) {
        w.begin(Rtnetlink.RTM_NEWLINK, DEL, seq, 0);
        ifinfomsg(w, ifIndex, 0, 0);
        int spec = w.beginNest(IfLink.IFLA_AF_SPEC);
        int inet6 = w.beginNest(AF_INET6);
        w.attrU8(IfLink.IFLA_INET6_ADDR_GEN_MODE, mode);
        w.endNest(inet6);
        w.endNest(spec);
        return w.end();
    }

    /** {@code ip link del}: RTM_DELLINK by index. */
    public static int deleteLink(NlWriter w, int seq, int ifIndex) {
        w.begin(Rtnetlink.RTM_DELLINK, DEL, seq, 0);
        ifinfomsg(w, ifIndex, 0, 0);
        return w.end();
    }

    private static void ifinfomsg(NlWriter w, int index, int flags, int change) {
        w.putU8(AF_UNSPEC).putU8(0).putU16(0).putU32(index).putU32(flags).putU32(change);
    }

    /** {@code ip route add}. */
    public static int addRoute(NlWriter w, int seq, Route r) {
        return route(w, Rtnetlink.RTM_NEWROUTE, NEW, seq, r);
    }

    /** {@code ip route del}. */
    public static int deleteRoute(NlWriter w, int seq, Route r) {
        return route(w, Rtnetlink.RTM_DELROUTE, DEL, seq, r);
    }

    /** {@code ip route show table all}: an RTM_GETROUTE dump of one family. */
    public static int dumpRoutes(NlWriter w, int seq, IpFamily family) {
        w.begin(Rtnetlink.RTM_GETROUTE, DUMP, seq, 0);
        w.putU8(af(family)).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU32(0);
        return w.end();
    }

    private static int route(NlWriter w, int type, int flags, int seq, Route r) {
        w.begin(type, flags, seq, 0);
        // struct rtmsg; tables past 255 only fit in RTA_TABLE
        w.putU8(af(r.family())).putU8(r.destinationLength()).putU8(0).putU8(0)
                .putU8(r.table() < 256 ? r.table() : Rtnetlink.RT_TABLE_UNSPEC).putU8(r.protocol())
                .putU8(r.scope()).putU8(r.type()).putU32(0);
        if (r.destination() != null) {
            w.attrAddress(Rtnetlink.RTA_DST, r.destination());
        }
        if (r.gateway() != null) {
            w.attrAddress(Rtnetlink.RTA_GATEWAY, r.gateway());
        }
        if (r.outIfIndex() != 0) {
            w.attrU32(Rtnetlink.RTA_OIF, r.outIfIndex());
        }
        if (r.metric() != 0) {
            w.attrU32(Rtnetlink.RTA_PRIORITY, r.metric());
        }
        if (r.preferredSource() != null) {
            w.attrAddress(Rtnetlink.RTA_PREFSRC, r.preferredSource());
        }
        w.attrU32(Rtnetlink.RTA_TABLE, r.table());
        return w.end();
    }

    /** {@code ip rule add}. */
    public static int addRule(NlWriter w, int seq, Rule r) {
        return rule(w, Rtnetlink.RTM_NEWRULE, NEW, seq, r);
    }

    /** {@code ip rule del}. */
    public static int deleteRule(NlWriter w, int seq, Rule r) {
        return rule(w, Rtnetlink.RTM_DELRULE, DEL, seq, r);
    }

    /** {@code ip rule show}: an RTM_GETRULE dump of one family. */
    public static int dumpRules(NlWriter w, int seq, IpFamily family) {
        w.begin(Rtnetlink.RTM_GETRULE, DUMP, seq, 0);
        w.putU8(af(family)).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU32(0);
        return w.end();
    }

    private static int rule(NlWriter w, int type, int flags, int seq, Rule r) {
        w.begin(type, flags, seq, 0);
        // struct fib_rule_hdr
        w.putU8(af(r.family())).putU8(r.destinationLength()).putU8(r.sourceLength()).putU8(0)
                .putU8(r.table() < 256 ? r.table() : Rtnetlink.RT_TABLE_UNSPEC).putU8(0).putU8(0)
                .putU8(r.action()).putU32(0);
        if (r.priority() >= 0) {
            w.attrU32(FibRules.FRA_PRIORITY, r.priority());
        }
        if (r.source() != null) {
            w.attrAddress(FibRules.FRA_SRC, r.source());
        }
        if (r.destination() != null) {
            w.attrAddress(FibRules.FRA_DST, r.destination());
        }
        if (r.fwmark() != 0) {
            w.attrU32(FibRules.FRA_FWMARK, r.fwmark());
        }
        if (r.fwmask() != 0) {
            w.attrU32(FibRules.FRA_FWMASK, r.fwmask());
        }
        if (r.inIfName() != null) {
            w.attrString(FibRules.FRA_IIFNAME, r.inIfName());
        }
        if (r.outIfName() != null) {
            w.attrString(FibRules.FRA_OIFNAME, r.outIfName());
        }
        if (r.action() == FibRules.FR_ACT_TO_TBL) {
            w.attrU32(FibRules.FRA_TABLE, r.table());
        }
        if (r.gotoTarget() != 0) {
            w.attrU32(FibRules.FRA_GOTO, r.gotoTarget());
        }
        if (r.protocol() != 0) {
            w.attrU8(FibRules.FRA_PROTOCOL, r.protocol());
        }
        return w.end();
    }

    /** Generic netlink CTRL_CMD_GETFAMILY by name (answered with the family id and multicast groups). */
    public static int getFamily(NlWriter w, int seq, String name) {
        w.begin(Genetlink.GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK, seq, 0);
        w.putU8(Genetlink.CTRL_CMD_GETFAMILY).putU8(1).putU16(0);
        w.attrString(Genetlink.CTRL_ATTR_FAMILY_NAME, name);
        return w.end();
    }
}
