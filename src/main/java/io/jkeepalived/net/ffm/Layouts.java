package io.jkeepalived.net.ffm;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * C struct layouts for the socket calls (LP64 Linux). Offsets are taken from these layouts, never typed
 * in by hand. Fields in network byte order use the big-endian value layouts below.
 */
public final class Layouts {
    private Layouts() {
    }

    public static final ValueLayout.OfShort BE_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfInt BE_INT = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);

    /** struct sockaddr_in { sa_family_t sin_family; in_port_t sin_port; struct in_addr sin_addr; char sin_zero[8]; } (netinet/in.h) */
    public static final StructLayout SOCKADDR_IN = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin_family"), BE_SHORT.withName("sin_port"),
            MemoryLayout.sequenceLayout(4, JAVA_BYTE).withName("sin_addr"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sin_zero"));

    /** struct sockaddr_in6 { family; port; uint32 flowinfo; struct in6_addr addr; uint32 scope_id; } (netinet/in.h) */
    public static final StructLayout SOCKADDR_IN6 = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin6_family"), BE_SHORT.withName("sin6_port"),
            JAVA_INT.withName("sin6_flowinfo"),
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("sin6_addr"),
            JAVA_INT.withName("sin6_scope_id"));

    /** struct sockaddr_ll { family; __be16 protocol; int ifindex; hatype; pkttype; halen; addr[8]; } (linux/if_packet.h) */
    public static final StructLayout SOCKADDR_LL = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sll_family"), BE_SHORT.withName("sll_protocol"),
            JAVA_INT.withName("sll_ifindex"), JAVA_SHORT.withName("sll_hatype"),
            JAVA_BYTE.withName("sll_pkttype"), JAVA_BYTE.withName("sll_halen"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sll_addr"));

    /** struct sockaddr_nl { nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; } (linux/netlink.h) */
    public static final StructLayout SOCKADDR_NL = MemoryLayout.structLayout(
            JAVA_SHORT.withName("nl_family"), JAVA_SHORT.withName("nl_pad"),
            JAVA_INT.withName("nl_pid"), JAVA_INT.withName("nl_groups"));

    /** struct iovec { void *iov_base; size_t iov_len; } (bits/types/struct_iovec.h) */
    public static final StructLayout IOVEC = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"), JAVA_LONG.withName("iov_len"));

    /**
     * struct msghdr { void *msg_name; socklen_t msg_namelen; struct iovec *msg_iov; size_t msg_iovlen;
     * void *msg_control; size_t msg_controllen; int msg_flags; } (bits/socket.h)
     */
    public static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"), JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"), JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"), JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"), MemoryLayout.paddingLayout(4));

    /** struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; data[] } (bits/socket.h) */
    public static final StructLayout CMSGHDR = MemoryLayout.structLayout(
            JAVA_LONG.withName("cmsg_len"), JAVA_INT.withName("cmsg_level"), JAVA_INT.withName("cmsg_type"));

    /** struct in_pktinfo { int ipi_ifindex; struct in_addr ipi_spec_dst; struct in_addr ipi_addr; } (linux/in.h) */
    public static final StructLayout IN_PKTINFO = MemoryLayout.structLayout(
            JAVA_INT.withName("ipi_ifindex"),
            MemoryLayout.sequenceLayout(4, JAVA_BYTE).withName("ipi_spec_dst"),
            MemoryLayout.sequenceLayout(4, JAVA_BYTE).withName("ipi_addr"));

    /** struct in6_pktinfo { struct in6_addr ipi6_addr; int ipi6_ifindex; } (linux/ipv6.h) */
    public static final StructLayout IN6_PKTINFO = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("ipi6_addr"), JAVA_INT.withName("ipi6_ifindex"));

    /** struct ip_mreqn { struct in_addr imr_multiaddr; struct in_addr imr_address; int imr_ifindex; } (linux/in.h) */
    public static final StructLayout IP_MREQN = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(4, JAVA_BYTE).withName("imr_multiaddr"),
            MemoryLayout.sequenceLayout(4, JAVA_BYTE).withName("imr_address"),
            JAVA_INT.withName("imr_ifindex"));

    /** struct ipv6_mreq { struct in6_addr ipv6mr_multiaddr; int ipv6mr_ifindex; } (linux/in6.h) */
    public static final StructLayout IPV6_MREQ = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("ipv6mr_multiaddr"),
            JAVA_INT.withName("ipv6mr_ifindex"));

    /** struct pollfd { int fd; short events; short revents; } (poll.h) */
    public static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));

    public static long offset(StructLayout layout, String field) {
        return layout.byteOffset(groupElement(field));
    }

    // Offsets used on hot paths, computed once.
    public static final long SIN_ADDR = offset(SOCKADDR_IN, "sin_addr");
    public static final long SIN6_ADDR = offset(SOCKADDR_IN6, "sin6_addr");
    public static final long SIN6_SCOPE_ID = offset(SOCKADDR_IN6, "sin6_scope_id");
    public static final long SLL_PROTOCOL = offset(SOCKADDR_LL, "sll_protocol");
    public static final long SLL_IFINDEX = offset(SOCKADDR_LL, "sll_ifindex");
    public static final long SLL_HALEN = offset(SOCKADDR_LL, "sll_halen");
    public static final long SLL_ADDR = offset(SOCKADDR_LL, "sll_addr");
    public static final long NL_PID = offset(SOCKADDR_NL, "nl_pid");
    public static final long NL_GROUPS = offset(SOCKADDR_NL, "nl_groups");
    public static final long IOV_BASE = offset(IOVEC, "iov_base");
    public static final long IOV_LEN = offset(IOVEC, "iov_len");
    public static final long MSG_NAME = offset(MSGHDR, "msg_name");
    public static final long MSG_NAMELEN = offset(MSGHDR, "msg_namelen");
    public static final long MSG_IOV = offset(MSGHDR, "msg_iov");
    public static final long MSG_IOVLEN = offset(MSGHDR, "msg_iovlen");
    public static final long MSG_CONTROL = offset(MSGHDR, "msg_control");
    public static final long MSG_CONTROLLEN = offset(MSGHDR, "msg_controllen");
    public static final long MSG_FLAGS = offset(MSGHDR, "msg_flags");
    public static final long CMSG_LEN = offset(CMSGHDR, "cmsg_len");
    public static final long CMSG_LEVEL = offset(CMSGHDR, "cmsg_level");
    public static final long CMSG_TYPE = offset(CMSGHDR, "cmsg_type");
    public static final long CMSG_DATA = CMSGHDR.byteSize();
    public static final long IPI_IFINDEX = offset(IN_PKTINFO, "ipi_ifindex");
    public static final long IPI_SPEC_DST = offset(IN_PKTINFO, "ipi_spec_dst");
    public static final long IPI_ADDR = offset(IN_PKTINFO, "ipi_addr");
    public static final long IPI6_ADDR = offset(IN6_PKTINFO, "ipi6_addr");
    public static final long IPI6_IFINDEX = offset(IN6_PKTINFO, "ipi6_ifindex");
    public static final long POLL_FD = offset(POLLFD, "fd");
    public static final long POLL_EVENTS = offset(POLLFD, "events");
    public static final long POLL_REVENTS = offset(POLLFD, "revents");

    /** CMSG_ALIGN: control messages are aligned to sizeof(size_t). */
    public static long cmsgAlign(long len) {
        return (len + 7) & ~7L;
    }

    /** CMSG_SPACE(len). */
    public static long cmsgSpace(long len) {
        return cmsgAlign(CMSG_DATA) + cmsgAlign(len);
    }

    /** CMSG_LEN(len). */
    public static long cmsgLen(long len) {
        return cmsgAlign(CMSG_DATA) + len;
    }

    /** Fills a msghdr in place. */
    public static void msghdr(MemorySegment msg, MemorySegment name, int nameLen, MemorySegment iov, long iovLen,
                              MemorySegment control, long controlLen) {
        msg.set(ADDRESS, MSG_NAME, name);
        msg.set(JAVA_INT, MSG_NAMELEN, nameLen);
        msg.set(ADDRESS, MSG_IOV, iov);
        msg.set(JAVA_LONG, MSG_IOVLEN, iovLen);
        msg.set(ADDRESS, MSG_CONTROL, control);
        msg.set(JAVA_LONG, MSG_CONTROLLEN, controlLen);
        msg.set(JAVA_INT, MSG_FLAGS, 0);
    }

    /** Fills one iovec in place. */
    public static void iovec(MemorySegment iov, long index, MemorySegment base, long len) {
        long at = index * IOVEC.byteSize();
        iov.set(ADDRESS, at + IOV_BASE, base);
        iov.set(JAVA_LONG, at + IOV_LEN, len);
    }
}
