package io.jkeepalived.net.ffm;

/**
 * Numbers from the Linux UAPI and glibc headers for sockets, as on x86_64 and aarch64 (both share them).
 * Each group names its header.
 */
public final class Sock {
    private Sock() {
    }

    // <bits/socket.h>, <linux/socket.h>
    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;

    // <bits/socket_type.h>
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;

    // <asm-generic/socket.h>
    public static final int SOL_SOCKET = 1;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_PRIORITY = 12;
    public static final int SO_BINDTODEVICE = 25;
    public static final int SO_RCVBUFFORCE = 33;

    // <bits/socket.h> MSG_* flags
    public static final int MSG_CTRUNC = 0x08;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;

    // <sys/socket.h> shutdown(2)
    public static final int SHUT_RDWR = 2;

    // <linux/in.h> protocols
    public static final int IPPROTO_IP = 0;
    public static final int IPPROTO_ICMPV6 = 58;
    public static final int IPPROTO_IPV6 = 41;
    public static final int IPPROTO_AH = 51;
    /** VRRP, RFC 5798 §5.1.1.4 (IANA protocol 112). */
    public static final int IPPROTO_VRRP = 112;

    // <linux/in.h> IPPROTO_IP options
    public static final int IP_TTL = 2;
    public static final int IP_HDRINCL = 3;
    public static final int IP_PKTINFO = 8;
    public static final int IP_RECVTTL = 12;
    public static final int IP_MULTICAST_IF = 32;
    public static final int IP_MULTICAST_TTL = 33;
    public static final int IP_MULTICAST_LOOP = 34;
    public static final int IP_ADD_MEMBERSHIP = 35;
    public static final int IP_DROP_MEMBERSHIP = 36;
    public static final int IP_MULTICAST_ALL = 49;

    // <linux/in6.h> IPPROTO_IPV6 options
    public static final int IPV6_CHECKSUM = 7;
    public static final int IPV6_UNICAST_HOPS = 16;
    public static final int IPV6_MULTICAST_IF = 17;
    public static final int IPV6_MULTICAST_HOPS = 18;
    public static final int IPV6_MULTICAST_LOOP = 19;
    public static final int IPV6_ADD_MEMBERSHIP = 20;
    public static final int IPV6_DROP_MEMBERSHIP = 21;
    public static final int IPV6_MULTICAST_ALL = 29;
    public static final int IPV6_RECVPKTINFO = 49;
    public static final int IPV6_PKTINFO = 50;
    public static final int IPV6_RECVHOPLIMIT = 51;
    public static final int IPV6_HOPLIMIT = 52;

    // <linux/if_ether.h>
    public static final int ETH_P_ALL = 0x0003;
    public static final int ETH_P_IP = 0x0800;
    public static final int ETH_P_ARP = 0x0806;
    public static final int ETH_P_IPV6 = 0x86DD;

    // <net/if.h>
    public static final int IF_NAMESIZE = 16;

    // <poll.h>
    public static final short POLLIN = 0x1;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;

    // <sys/eventfd.h>
    public static final int EFD_NONBLOCK = 0x800;
    public static final int EFD_CLOEXEC = 0x80000;

    // <fcntl.h>
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;

    // <sched.h>
    public static final int CLONE_NEWNET = 0x40000000;

    // <asm-generic/errno-base.h>, <asm-generic/errno.h>
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ENOBUFS = 105;

    /** The TTL / hop limit VRRP sends and demands on receipt (RFC 5798 §5.1.1.3, §5.1.2.3). */
    public static final int VRRP_TTL = 255;
}
