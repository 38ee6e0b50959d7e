package io.jkeepalived.net.nl;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes netlink messages into a caller's buffer, in host byte order: {@link #begin} the nlmsghdr, the
 * fixed family header with the {@code put*} methods, then attributes; {@link #end} fills nlmsg_len.
 * Every attribute is padded to 4 bytes (NLA_ALIGN); nests are closed with {@link #endNest}.
 * Several messages may be written one after the other into the same buffer (a batch).
 */
public final class NlWriter {
    private final ByteBuffer buf;
    private int messageStart = -1;

    public NlWriter(ByteBuffer buf) {
        this.buf = buf.order(ByteOrder.nativeOrder());
    }

    /** Starts a message; the length is filled by {@link #end()}. */
    public NlWriter begin(int type, int flags, int seq, int portId) {
        pad();
        messageStart = buf.position();
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(portId);
        return this;
    }

    public NlWriter putU8(int v) {
        buf.put((byte) v);
        return this;
    }

    public NlWriter putU16(int v) {
        buf.putShort((short) v);
        return this;
    }

    public NlWriter putU32(int v) {
        buf.putInt(v);
        return this;
    }

    public NlWriter putBytes(byte[] v) {
        buf.put(v);
        return this;
    }

    /** Zero bytes up to the next 4-byte boundary. */
    public NlWriter pad() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
        return this;
    }

    private void header(int type, int valueLength) {
        pad();
        buf.putShort((short) (Netlink.NLA_HDRLEN + valueLength)).putShort((short) type);
    }

    public NlWriter attr(int type, byte[] value) {
        header(type, value.length);
        buf.put(value);
        return pad();
    }

    public NlWriter attrU8(int type, int value) {
        header(type, 1);
        buf.put((byte) value);
        return pad();
    }

    public NlWriter attrU16(int type, int value) {
        header(type, 2);
        buf.putShort((short) value);
        return pad();
    }

    public NlWriter attrU32(int type, int value) {
        header(type, 4);
        buf.putInt(value);
        return pad();
    }

    /** A u32 in network byte order (NLA_F_NET_BYTEORDER is not set: the kernel's policies do not ask for it). */
    public NlWriter attrBe32(int type, int value) {
        header(type, 4);
        buf.order(ByteOrder.BIG_ENDIAN).putInt(value).order(ByteOrder.nativeOrder());
        return pad();
    }

    /** A NUL-terminated string. */
    public NlWriter attrString(int type, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        header(type, bytes.length + 1);
        buf.put(bytes).put((byte) 0);
        return pad();
    }

    public NlWriter attrAddress(int type, InetAddress address) {
        return attr(type, address.getAddress());
    }

    /** A flag attribute: a header with no value. */
    public NlWriter attrFlag(int type) {
        header(type, 0);
        return this;
    }

    /** Opens a nested attribute; returns its start for {@link #endNest}. */
    public int beginNest(int type) {
        pad();
        int start = buf.position();
        buf.putShort((short) 0).putShort((short) type);
        return start;
    }

    public NlWriter endNest(int start) {
        buf.putShort(start, (short) (buf.position() - start));
        return this;
    }

    /** Closes the message: pads to 4 bytes and fills nlmsg_len. Returns the message length. */
    public int end() {
        if (messageStart < 0) {
            throw new IllegalStateException("end() without begin()");
        }
        pad();
        int len = buf.position() - messageStart;
        buf.putInt(messageStart, len);
        messageStart = -1;
        return len;
    }

    public ByteBuffer buffer() {
        return buf;
    }
}
