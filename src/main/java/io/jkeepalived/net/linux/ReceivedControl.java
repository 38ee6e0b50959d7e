package io.jkeepalived.net.linux;

import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.PacketInfo;
import io.jkeepalived.net.ffm.Layouts;
import io.jkeepalived.net.ffm.Sock;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads what recvmsg returned besides the data: the sender from msg_name and the control messages
 * IP_PKTINFO / IP_TTL (IPv4) and IPV6_PKTINFO / IPV6_HOPLIMIT (IPv6), into a reused {@link PacketInfo}.
 */
final class ReceivedControl {
    private ReceivedControl() {
    }

    static void parse(IpFamily family, MemorySegment msg, MemorySegment control, MemorySegment name,
                      PacketInfo info, int length) {
        info.clear(family);
        byte[] source = info.sourceBytes();
        byte[] destination = info.destinationBytes();
        if (family == IpFamily.IPV4) {
            copy(name, Layouts.SIN_ADDR, source, 4);
        } else {
            copy(name, Layouts.SIN6_ADDR, source, 16);
        }
        int ttl = -1;
        int ifIndex = 0;
        long controlLen = Math.min(msg.get(ValueLayout.JAVA_LONG, Layouts.MSG_CONTROLLEN), control.byteSize());
        long at = 0;
        long header = Layouts.cmsgAlign(Layouts.CMSG_DATA);
        while (at + header <= controlLen) {
            long len = control.get(ValueLayout.JAVA_LONG, at + Layouts.CMSG_LEN);
            if (len < header || at + len > controlLen) {
                break;
            }
            int level = control.get(ValueLayout.JAVA_INT, at + Layouts.CMSG_LEVEL);
            int type = control.get(ValueLayout.JAVA_INT, at + Layouts.CMSG_TYPE);
            long data = at + header;
            if (level == Sock.IPPROTO_IP && type == Sock.IP_PKTINFO) {
                ifIndex = control.get(ValueLayout.JAVA_INT, data + Layouts.IPI_IFINDEX);
                copy(control, data + Layouts.IPI_ADDR, destination, 4);
            } else if (level == Sock.IPPROTO_IP && type == Sock.IP_TTL) {
                ttl = control.get(ValueLayout.JAVA_INT, data);
            } else if (level == Sock.IPPROTO_IPV6 && type == Sock.IPV6_PKTINFO) {
                ifIndex = control.get(ValueLayout.JAVA_INT, data + Layouts.IPI6_IFINDEX);
                copy(control, data + Layouts.IPI6_ADDR, destination, 16);
            } else if (level == Sock.IPPROTO_IPV6 && type == Sock.IPV6_HOPLIMIT) {
                ttl = control.get(ValueLayout.JAVA_INT, data);
            }
            at += Layouts.cmsgAlign(len);
        }
        int flags = msg.get(ValueLayout.JAVA_INT, Layouts.MSG_FLAGS);
        info.set(length, ttl, ifIndex, (flags & Sock.MSG_TRUNC) != 0);
    }

    /** A byte loop rather than MemorySegment.copy into an array, which wraps the array on every call. */
    private static void copy(MemorySegment from, long offset, byte[] to, int count) {
        for (int i = 0; i < count; i++) {
            to[i] = from.get(ValueLayout.JAVA_BYTE, offset + i);
        }
    }
}
