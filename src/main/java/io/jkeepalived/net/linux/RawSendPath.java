package io.jkeepalived.net.linux;

import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.ffm.Layouts;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.ffm.Sock;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * The sending half of a {@link RawIpSocket}: its payload area, one msghdr, one iovec and the pktinfo
 * control message that picks the source address (IP_PKTINFO ipi_spec_dst, IPV6_PKTINFO ipi6_addr).
 * Used by one sending thread at a time; allocates nothing per send.
 */
/** The sender's buffers: one msghdr, one iovec, one pktinfo control message. */
final class RawSendPath {
    private static final int MAX_PACKET = 65_536;
    private static final int CONTROL_SIZE = 256;

    private final int fd;
    private final IpFamily family;
    private final int protocol;
    private final int ifIndex;
    private final String ifName;
    final MemorySegment payload;
    final ByteBuffer view;
    private final MemorySegment msg;
    private final MemorySegment iov;
    private final MemorySegment control;

    RawSendPath(int fd, IpFamily family, int protocol, int ifIndex, String ifName, Arena arena) {
        this.fd = fd;
        this.family = family;
        this.protocol = protocol;
        this.ifIndex = ifIndex;
        this.ifName = ifName;
        this.payload = arena.allocate(MAX_PACKET, 8);
        this.view = payload.asByteBuffer();
        this.msg = arena.allocate(Layouts.MSGHDR);
        this.iov = arena.allocate(Layouts.IOVEC);
        this.control = arena.allocate(CONTROL_SIZE, 8);
    }

    private long controlLen;
    private byte[] lastArray;
    private MemorySegment lastView;

    /** The caller's array as a segment, kept while the caller keeps passing the same array. */
    MemorySegment wrap(byte[] array) {
        if (array != lastArray) {
            lastView = MemorySegment.ofArray(array);
            lastArray = array;
        }
        return lastView;
    }

    void source(InetAddress source) {
        control.fill((byte) 0);
        if (source == null) {
            controlLen = 0;
            return;
        }
        if (family == IpFamily.IPV4) {
            long dataLen = Layouts.IN_PKTINFO.byteSize();
            control.set(ValueLayout.JAVA_LONG, Layouts.CMSG_LEN, Layouts.cmsgLen(dataLen));
            control.set(ValueLayout.JAVA_INT, Layouts.CMSG_LEVEL, Sock.IPPROTO_IP);
            control.set(ValueLayout.JAVA_INT, Layouts.CMSG_TYPE, Sock.IP_PKTINFO);
            long data = Layouts.cmsgAlign(Layouts.CMSG_DATA);
            MemorySegment.copy(source.getAddress(), 0, control, ValueLayout.JAVA_BYTE,
                    data + Layouts.IPI_SPEC_DST, 4);
            controlLen = Layouts.cmsgSpace(dataLen);
        } else {
            long dataLen = Layouts.IN6_PKTINFO.byteSize();
            control.set(ValueLayout.JAVA_LONG, Layouts.CMSG_LEN, Layouts.cmsgLen(dataLen));
            control.set(ValueLayout.JAVA_INT, Layouts.CMSG_LEVEL, Sock.IPPROTO_IPV6);
            control.set(ValueLayout.JAVA_INT, Layouts.CMSG_TYPE, Sock.IPV6_PKTINFO);
            long data = Layouts.cmsgAlign(Layouts.CMSG_DATA);
            MemorySegment.copy(source.getAddress(), 0, control, ValueLayout.JAVA_BYTE,
                    data + Layouts.IPI6_ADDR, 16);
            control.set(ValueLayout.JAVA_INT, data + Layouts.IPI6_IFINDEX, ifIndex);
            controlLen = Layouts.cmsgSpace(dataLen);
        }
    }

    int send(int len, RawIpSocket.Peer to) {
        return send(len, to, 0);
    }

    /** As {@link #send(int, RawIpSocket.Peer)} with sendmsg flags (MSG_PROBE: routed, not sent). */
    int send(int len, RawIpSocket.Peer to, int flags) {
        Layouts.iovec(iov, 0, payload, len);
        Layouts.msghdr(msg, to.sockaddr(), (int) to.sockaddr().byteSize(), iov, 1,
                controlLen == 0 ? MemorySegment.NULL : control, controlLen);
        long n = Libc.sendmsg(fd, msg, flags);
        if (n < 0) {
            throw Libc.failure("sendmsg(" + family + " proto " + protocol + " on " + ifName + " to "
                    + to.address().getHostAddress() + ")", Libc.errno());
        }
        return (int) n;
    }
}
