package io.jkeepalived.net.nl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** What a netlink datagram decodes to: its messages in order, or why it is not netlink. */
public sealed interface NlDecoded {
    record Messages(List<NlMessage> messages) implements NlDecoded {
    }

    record Malformed(String reason) implements NlDecoded {
    }

    /**
     * Splits {@code buf[0, length)} into messages (NLMSG_OK / NLMSG_NEXT): each needs a full header and a
     * nlmsg_len that fits; the next starts at the aligned end. Payload buffers share the input's bytes.
     */
    static NlDecoded decode(ByteBuffer buf, int length) {
        ByteBuffer b = buf.duplicate().order(ByteOrder.nativeOrder());
        List<NlMessage> out = new ArrayList<>();
        int at = 0;
        while (at < length) {
            if (length - at < Netlink.NLMSG_HDRLEN) {
                return new Malformed(length - at + " trailing bytes at " + at + ", short of a header");
            }
            int len = b.getInt(at + NlMessage.LEN_OFFSET);
            if (len < Netlink.NLMSG_HDRLEN || len > length - at) {
                return new Malformed("nlmsg_len " + Integer.toUnsignedString(len) + " at " + at
                        + " does not fit in " + (length - at) + " bytes");
            }
            int type = Short.toUnsignedInt(b.getShort(at + NlMessage.TYPE_OFFSET));
            int flags = Short.toUnsignedInt(b.getShort(at + NlMessage.FLAGS_OFFSET));
            int seq = b.getInt(at + NlMessage.SEQ_OFFSET);
            int pid = b.getInt(at + NlMessage.PID_OFFSET);
            ByteBuffer payload = b.slice(at + Netlink.NLMSG_HDRLEN, len - Netlink.NLMSG_HDRLEN)
                    .order(ByteOrder.nativeOrder());
            out.add(new NlMessage(type, flags, seq, pid, payload));
            at += Netlink.align(len);
        }
        return new Messages(List.copyOf(out));
    }
}
