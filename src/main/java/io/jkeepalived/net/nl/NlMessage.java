package io.jkeepalived.net.nl;

import java.nio.ByteBuffer;

/**
 * One netlink message: its nlmsghdr fields and its payload (the bytes after the 16-byte header,
 * up to nlmsg_len), as a native-order buffer positioned at 0.
 *
 * <pre>
 *  0               1               2               3
 * +---------------------------------------------------------------+
 * |                          nlmsg_len                            |
 * +-------------------------------+-------------------------------+
 * |          nlmsg_type           |          nlmsg_flags          |
 * +-------------------------------+-------------------------------+
 * |                          nlmsg_seq                            |
 * +---------------------------------------------------------------+
 * |                          nlmsg_pid                            |
 * +---------------------------------------------------------------+
 * </pre>
 */
public record NlMessage(int type, int flags, int seq, int portId, ByteBuffer payload) {
    public static final int LEN_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int FLAGS_OFFSET = 6;
    public static final int SEQ_OFFSET = 8;
    public static final int PID_OFFSET = 12;

    public boolean isError() {
        return type == Netlink.NLMSG_ERROR;
    }

    public boolean isDone() {
        return type == Netlink.NLMSG_DONE;
    }

    public boolean isMultipart() {
        return (flags & Netlink.NLM_F_MULTI) != 0;
    }

    /** The attributes that follow a fixed header of {@code fixedLength} bytes in the payload. */
    public NlAttrs attrs(int fixedLength) {
        if (payload.limit() < fixedLength) {
            throw new NlFormatException("message type " + type + " shorter than its " + fixedLength + "-byte header");
        }
        return NlAttrs.parse(payload, Netlink.align(fixedLength), payload.limit());
    }
}
