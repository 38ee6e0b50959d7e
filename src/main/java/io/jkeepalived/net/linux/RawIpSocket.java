package io.jkeepalived.net.linux;

import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.IpRawChannel;
import io.jkeepalived.net.NetException;
import io.jkeepalived.net.PacketInfo;
import io.jkeepalived.net.ffm.Layouts;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.ffm.Sock;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * A raw IP socket for one protocol (112 VRRP, 51 AH) on one interface, IPv4 or IPv6, as keepalived opens
 * its advert sockets: bound to the interface (SO_BINDTODEVICE), TTL / hop limit 255 on send (RFC 5798
 * §5.1.1.3), multicast loopback off, only the groups joined on this socket delivered (IP_MULTICAST_ALL 0),
 * and the TTL / hop limit, destination and arrival interface of every packet reported (IP_PKTINFO,
 * IP_RECVTTL, IPV6_RECVPKTINFO, IPV6_RECVHOPLIMIT). For IPv6 VRRP the kernel fills and checks the
 * checksum at offset 6 (IPV6_CHECKSUM), as RFC 5798 §5.2.8 puts it over the pseudo-header.
 *
 * <p>IPv4 receives include the IP header (the kernel's raw-socket rule); IPv6 receives start at the
 * VRRP header. With {@link #headerIncluded} an IPv4 sender writes the IP header itself (IP_HDRINCL),
 * as keepalived does. Threads: one sender and one receiver at a time; their buffers are separate.
 * {@link #wakeup()} may be called from any thread; {@link #close()} only once the receiver is out.
 */
public final class RawIpSocket implements IpRawChannel {
    /** {@link #receive} result: {@link #wakeup()} was called. */
    public static final int WOKEN = WakeablePoll.WOKEN;
    /** {@link #receive} result: the timeout passed with nothing received. */
    public static final int TIMED_OUT = WakeablePoll.TIMED_OUT;

    private static final int MAX_PACKET = 65_536;
    private static final int CONTROL_SIZE = 256;

    private final IpFamily family;
    private final int protocol;
    private final String ifName;
    private final int ifIndex;
    private final int fd;
    private final String pollWhat;
    private final Arena arena = Arena.ofShared();
    private final WakeablePoll poll;
    private final RawSendPath send;
    private final ReceiveSide receive;
    private boolean headerIncluded;

    private RawIpSocket(IpFamily family, int protocol, String ifName) {
        this.family = family;
        this.protocol = protocol;
        this.ifName = ifName;
        this.ifIndex = Libc.ifNameToIndex(ifName);
        this.pollWhat = "raw socket on " + ifName;
        int domain = family == IpFamily.IPV4 ? Sock.AF_INET : Sock.AF_INET6;
        this.fd = Libc.check("socket(raw " + family + " proto " + protocol + ")",
                Libc.socket(domain, Sock.SOCK_RAW | Sock.SOCK_CLOEXEC, protocol));
        try {
            bindToDevice();
            configure();
            this.poll = new WakeablePoll(fd, arena);
            this.send = new RawSendPath(fd, family, protocol, ifIndex, ifName, arena);
            this.receive = new ReceiveSide();
        } catch (RuntimeException e) {
            Libc.close(fd);
            arena.close();
            throw e;
        }
    }

    /** Opens a raw socket for {@code protocol} bound to {@code ifName}; throws {@link NetException} on failure. */
    public static RawIpSocket open(IpFamily family, int protocol, String ifName) {
        return new RawIpSocket(family, protocol, ifName);
    }

    private void bindToDevice() {
        MemorySegment name = arena.allocateFrom(ifName);
        Libc.check("setsockopt(SO_BINDTODEVICE " + ifName + ")",
                Libc.setsockopt(fd, Sock.SOL_SOCKET, Sock.SO_BINDTODEVICE, name, (int) name.byteSize()));
    }

    private void configure() {
        if (family == IpFamily.IPV4) {
            opt(Sock.IPPROTO_IP, Sock.IP_TTL, Sock.VRRP_TTL, "IP_TTL");
            opt(Sock.IPPROTO_IP, Sock.IP_MULTICAST_TTL, Sock.VRRP_TTL, "IP_MULTICAST_TTL");
            opt(Sock.IPPROTO_IP, Sock.IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
            opt(Sock.IPPROTO_IP, Sock.IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL");
            opt(Sock.IPPROTO_IP, Sock.IP_PKTINFO, 1, "IP_PKTINFO");
            opt(Sock.IPPROTO_IP, Sock.IP_RECVTTL, 1, "IP_RECVTTL");
            MemorySegment mreqn = arena.allocate(Layouts.IP_MREQN);
            mreqn.set(ValueLayout.JAVA_INT, Layouts.offset(Layouts.IP_MREQN, "imr_ifindex"), ifIndex);
            Libc.check("setsockopt(IP_MULTICAST_IF " + ifName + ")", Libc.setsockopt(fd, Sock.IPPROTO_IP,
                    Sock.IP_MULTICAST_IF, mreqn, (int) mreqn.byteSize()));
        } else {
            opt(Sock.IPPROTO_IPV6, Sock.IPV6_UNICAST_HOPS, Sock.VRRP_TTL, "IPV6_UNICAST_HOPS");
            opt(Sock.IPPROTO_IPV6, Sock.IPV6_MULTICAST_HOPS, Sock.VRRP_TTL, "IPV6_MULTICAST_HOPS");
            opt(Sock.IPPROTO_IPV6, Sock.IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
            opt(Sock.IPPROTO_IPV6, Sock.IPV6_MULTICAST_ALL, 0, "IPV6_MULTICAST_ALL");
            opt(Sock.IPPROTO_IPV6, Sock.IPV6_MULTICAST_IF, ifIndex, "IPV6_MULTICAST_IF");
            opt(Sock.IPPROTO_IPV6, Sock.IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
            opt(Sock.IPPROTO_IPV6, Sock.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
            if (protocol == Sock.IPPROTO_VRRP) {
                // RFC 5798 §5.2.8: the checksum field is at offset 6 of the VRRP header.
                opt(Sock.IPPROTO_IPV6, Sock.IPV6_CHECKSUM, 6, "IPV6_CHECKSUM");
            }
        }
    }

    private void opt(int level, int name, int value, String what) {
        Libc.setIntOption(fd, level, name, value, what + " on " + ifName);
    }

    /** IPv4 only: from now on the caller writes the IP header in every send (IP_HDRINCL). */
    public RawIpSocket headerIncluded(boolean on) {
        if (family != IpFamily.IPV4) {
            throw new IllegalStateException("IP_HDRINCL is IPv4 only");
        }
        opt(Sock.IPPROTO_IP, Sock.IP_HDRINCL, on ? 1 : 0, "IP_HDRINCL");
        headerIncluded = on;
        return this;
    }

    /** Sets IP_MULTICAST_LOOP / IPV6_MULTICAST_LOOP (off by default, as keepalived has it). */
    public RawIpSocket multicastLoop(boolean on) {
        if (family == IpFamily.IPV4) {
            opt(Sock.IPPROTO_IP, Sock.IP_MULTICAST_LOOP, on ? 1 : 0, "IP_MULTICAST_LOOP");
        } else {
            opt(Sock.IPPROTO_IPV6, Sock.IPV6_MULTICAST_LOOP, on ? 1 : 0, "IPV6_MULTICAST_LOOP");
        }
        return this;
    }

    /** Joins a multicast group (224.0.0.18, ff02::12) on this socket's interface. */
    public RawIpSocket joinGroup(InetAddress group) {
        membership(group, true);
        return this;
    }

    /** Leaves a multicast group joined with {@link #joinGroup}. */
    public RawIpSocket leaveGroup(InetAddress group) {
        membership(group, false);
        return this;
    }

    private void membership(InetAddress group, boolean join) {
        requireFamily(group);
        String what = (join ? "join " : "leave ") + group.getHostAddress() + " on " + ifName;
        try (Arena temp = Arena.ofConfined()) {
            if (family == IpFamily.IPV4) {
                MemorySegment mreqn = temp.allocate(Layouts.IP_MREQN);
                MemorySegment.copy(group.getAddress(), 0, mreqn, ValueLayout.JAVA_BYTE, 0, 4);
                mreqn.set(ValueLayout.JAVA_INT, Layouts.offset(Layouts.IP_MREQN, "imr_ifindex"), ifIndex);
                Libc.check("setsockopt(IP_" + (join ? "ADD" : "DROP") + "_MEMBERSHIP " + what + ")",
                        Libc.setsockopt(fd, Sock.IPPROTO_IP, join ? Sock.IP_ADD_MEMBERSHIP : Sock.IP_DROP_MEMBERSHIP,
                                mreqn, (int) mreqn.byteSize()));
            } else {
                MemorySegment mreq = temp.allocate(Layouts.IPV6_MREQ);
                MemorySegment.copy(group.getAddress(), 0, mreq, ValueLayout.JAVA_BYTE, 0, 16);
                mreq.set(ValueLayout.JAVA_INT, Layouts.offset(Layouts.IPV6_MREQ, "ipv6mr_ifindex"), ifIndex);
                Libc.check("setsockopt(IPV6_" + (join ? "ADD" : "DROP") + "_MEMBERSHIP " + what + ")",
                        Libc.setsockopt(fd, Sock.IPPROTO_IPV6,
                                join ? Sock.IPV6_ADD_MEMBERSHIP : Sock.IPV6_DROP_MEMBERSHIP, mreq,
                                (int) mreq.byteSize()));
            }
        }
    }

    private void requireFamily(InetAddress address) {
        if (IpFamily.of(address) != family) {
            throw new IllegalArgumentException(address + " is not " + family + " (socket on " + ifName + ")");
        }
    }

    /**
     * Prepares a destination once (its sockaddr lives as long as the socket), so sends allocate nothing.
     * Link-local IPv6 peers get this socket's interface as scope.
     */
    @Override
    public Peer peer(InetAddress destination) {
        requireFamily(destination);
        MemorySegment sa;
        if (family == IpFamily.IPV4) {
            sa = arena.allocate(Layouts.SOCKADDR_IN);
            sa.set(ValueLayout.JAVA_SHORT, 0, (short) Sock.AF_INET);
            MemorySegment.copy(destination.getAddress(), 0, sa, ValueLayout.JAVA_BYTE, Layouts.SIN_ADDR, 4);
        } else {
            sa = arena.allocate(Layouts.SOCKADDR_IN6);
            sa.set(ValueLayout.JAVA_SHORT, 0, (short) Sock.AF_INET6);
            MemorySegment.copy(destination.getAddress(), 0, sa, ValueLayout.JAVA_BYTE, Layouts.SIN6_ADDR, 16);
            if (destination.isLinkLocalAddress() || destination.isMulticastAddress()) {
                sa.set(ValueLayout.JAVA_INT, Layouts.SIN6_SCOPE_ID, ifIndex);
            }
        }
        return new Peer(this, destination, sa);
    }

    /**
     * Chooses the source address of later sends (IP_PKTINFO / IPV6_PKTINFO on each sendmsg), or lets the
     * kernel choose when null. Ignored by the kernel for IPv4 with IP_HDRINCL, where the header says it.
     */
    @Override
    public void source(InetAddress source) {
        if (source != null) {
            requireFamily(source);
        }
        send.source(source);
    }

    /** Sends {@code len} bytes of {@code data} from {@code offset} to a prepared peer; returns bytes sent. */
    @Override
    public int send(byte[] data, int offset, int len, Destination to) {
        MemorySegment.copy(send.wrap(data), offset, send.payload, 0, len);
        return send.send(len, peerOf(to));
    }

    @Override
    public ByteBuffer sendBuffer() {
        return send.view;
    }

    @Override
    public int sendFromBuffer(int len, Destination to) {
        return send.send(len, peerOf(to));
    }

    /** MSG_PROBE (linux/socket.h): raw_send_hdrinc and ip6_append_data return before anything is queued. */
    private static final int MSG_PROBE = 0x10;

    @Override
    public int probeFromBuffer(int len, Destination to) {
        return send.send(len, peerOf(to), MSG_PROBE);
    }

    private Peer peerOf(Destination to) {
        if (to instanceof Peer p && p.owner == this) {
            return p;
        }
        throw new IllegalArgumentException("destination " + to + " was not prepared by this socket");
    }

    /** Sends {@code len} bytes at the start of a segment (native or heap) to a prepared peer. */
    public int send(MemorySegment data, int len, Destination to) {
        MemorySegment.copy(data, 0, send.payload, 0, len);
        return send.send(len, peerOf(to));
    }

    /**
     * Waits up to {@code timeoutMillis} (-1: forever) for a packet and copies it into {@code buf};
     * returns its length (also in {@code info}), or {@link #WOKEN}, or {@link #TIMED_OUT}.
     * Allocates nothing. Call from a platform thread.
     */
    @Override
    public int receive(byte[] buf, int offset, int maxLen, PacketInfo info, int timeoutMillis) {
        int n = receive.receive(info, timeoutMillis);
        if (n > 0) {
            int copied = Math.min(n, maxLen);
            MemorySegment.copy(receive.payload, 0, receive.wrap(buf), offset, copied);
            if (copied < n) {
                info.set(copied, info.ttl(), info.ifIndex(), true);
                return copied;
            }
        }
        return n;
    }

    @Override
    public int receive(PacketInfo info, int timeoutMillis) {
        return receive.receive(info, timeoutMillis);
    }

    @Override
    public ByteBuffer receiveBuffer() {
        return receive.view;
    }

    /** Wakes a thread blocked in {@link #receive}; every later receive returns {@link #WOKEN} at once. */
    @Override
    public void wakeup() {
        poll.wake();
    }

    public IpFamily family() {
        return family;
    }

    public int protocol() {
        return protocol;
    }

    public String ifName() {
        return ifName;
    }

    public int ifIndex() {
        return ifIndex;
    }

    public boolean isHeaderIncluded() {
        return headerIncluded;
    }

    /** Closes the socket; the receiving thread must have left {@link #receive} (see {@link #wakeup()}). */
    @Override
    public void close() {
        try {
            poll.close();
            Libc.closeChecked(fd, "raw socket on " + ifName);
        } finally {
            arena.close();
        }
    }

    /** A destination prepared by {@link #peer}: its sockaddr lives in the socket's arena. */
    public static final class Peer implements Destination {
        private final RawIpSocket owner;
        private final InetAddress address;
        private final MemorySegment sockaddr;

        private Peer(RawIpSocket owner, InetAddress address, MemorySegment sockaddr) {
            this.owner = owner;
            this.address = address;
            this.sockaddr = sockaddr;
        }

        @Override
        public InetAddress address() {
            return address;
        }

        MemorySegment sockaddr() {
            return sockaddr;
        }

        @Override
        public String toString() {
            return address.getHostAddress();
        }
    }

    /** The receiver's buffers and the parsing of its control messages. */
    private final class ReceiveSide {
        final MemorySegment payload = arena.allocate(MAX_PACKET, 8);
        final ByteBuffer view = payload.asByteBuffer();
        final MemorySegment msg = arena.allocate(Layouts.MSGHDR);
        final MemorySegment iov = arena.allocate(Layouts.IOVEC);
        final MemorySegment control = arena.allocate(CONTROL_SIZE, 8);
        final MemorySegment name = arena.allocate(Layouts.SOCKADDR_IN6);
        private byte[] lastArray;
        private MemorySegment lastView;

        MemorySegment wrap(byte[] array) {
            if (array != lastArray) {
                lastView = MemorySegment.ofArray(array);
                lastArray = array;
            }
            return lastView;
        }

        int receive(PacketInfo info, int timeoutMillis) {
            while (true) {
                int ready = poll.await(timeoutMillis, pollWhat);
                if (ready != WakeablePoll.READABLE) {
                    return ready;
                }
                Layouts.iovec(iov, 0, payload, MAX_PACKET);
                Layouts.msghdr(msg, name, (int) name.byteSize(), iov, 1, control, CONTROL_SIZE);
                long n = Libc.recvmsg(fd, msg, Sock.MSG_DONTWAIT);
                if (n < 0) {
                    int errno = Libc.errno();
                    if (errno == Sock.EAGAIN || errno == Sock.EINTR) {
                        continue; // the packet went away (e.g. a bad IPv6 checksum): wait again
                    }
                    throw Libc.failure("recvmsg(raw socket on " + ifName + ")", errno);
                }
                ReceivedControl.parse(family, msg, control, name, info, (int) n);
                return (int) n;
            }
        }
    }
}
