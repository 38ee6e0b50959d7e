package io.jkeepalived.net.linux;

import io.jkeepalived.net.FrameSender;
import io.jkeepalived.net.ffm.Layouts;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.ffm.Sock;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An AF_PACKET raw socket for sending frames we build ourselves: gratuitous ARP and unsolicited neighbour
 * adverts, as keepalived's vrrp_arp.c and vrrp_ndisc.c send them. It is opened with protocol 0 so the
 * kernel queues no incoming frames to it; each send names the interface and ethertype in its sockaddr_ll.
 * One sending thread at a time; sends allocate nothing.
 */
public final class PacketSocket implements FrameSender {
    private static final int MAX_FRAME = 1514;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment frame = arena.allocate(MAX_FRAME, 8);
    private final MemorySegment address = arena.allocate(Layouts.SOCKADDR_LL);

    private PacketSocket() {
        this.fd = Libc.check("socket(AF_PACKET, SOCK_RAW)",
                Libc.socket(Sock.AF_PACKET, Sock.SOCK_RAW | Sock.SOCK_CLOEXEC, 0));
        address.set(ValueLayout.JAVA_SHORT, 0, (short) Sock.AF_PACKET);
    }

    /** Opens a packet socket in the namespace of the calling thread. */
    public static PacketSocket open() {
        return new PacketSocket();
    }

    @Override
    public void sendFrame(int ifIndex, int etherType, byte[] data, int offset, int len) {
        if (len < 14 || len > MAX_FRAME) {
            throw new IllegalArgumentException("frame of " + len + " bytes");
        }
        MemorySegment.copy(data, offset, frame, ValueLayout.JAVA_BYTE, 0, len);
        address.set(Layouts.BE_SHORT, Layouts.SLL_PROTOCOL, (short) etherType);
        address.set(ValueLayout.JAVA_INT, Layouts.SLL_IFINDEX, ifIndex);
        address.set(ValueLayout.JAVA_BYTE, Layouts.SLL_HALEN, (byte) 6);
        MemorySegment.copy(data, offset, address, ValueLayout.JAVA_BYTE, Layouts.SLL_ADDR, 6);
        long n = Libc.sendto(fd, frame, len, 0, address, (int) address.byteSize());
        if (n < 0) {
            throw Libc.failure("sendto(packet socket, ifindex " + ifIndex + ", ethertype 0x"
                    + Integer.toHexString(etherType) + ")", Libc.errno());
        }
    }

    @Override
    public void close() {
        try {
            Libc.closeChecked(fd, "packet socket");
        } finally {
            arena.close();
        }
    }
}
