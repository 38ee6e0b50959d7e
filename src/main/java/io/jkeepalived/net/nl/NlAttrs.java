package io.jkeepalived.net.nl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attributes of one attribute stream (struct nlattr { __u16 nla_len; __u16 nla_type; } then the value,
 * each on a 4-byte boundary). Values are read in host order unless a method says otherwise; the
 * NLA_F_NESTED and NLA_F_NET_BYTEORDER bits are masked off the type.
 */
public final class NlAttrs {
    private final ByteBuffer buf;
    private final int[] types;
    private final int[] offsets;
    private final int[] lengths;
    private final int count;

    private NlAttrs(ByteBuffer buf, int[] types, int[] offsets, int[] lengths, int count) {
        this.buf = buf;
        this.types = types;
        this.offsets = offsets;
        this.lengths = lengths;
        this.count = count;
    }

    /** Parses the attributes in {@code buf[start, end)}; throws {@link NlFormatException} when they overrun. */
    public static NlAttrs parse(ByteBuffer buf, int start, int end) {
        ByteBuffer b = buf.duplicate().order(ByteOrder.nativeOrder());
        int[] types = new int[8];
        int[] offsets = new int[8];
        int[] lengths = new int[8];
        int n = 0;
        int at = start;
        while (at + Netlink.NLA_HDRLEN <= end) {
            int len = Short.toUnsignedInt(b.getShort(at));
            int type = Short.toUnsignedInt(b.getShort(at + 2)) & Netlink.NLA_TYPE_MASK;
            if (len < Netlink.NLA_HDRLEN || at + len > end) {
                throw new NlFormatException("attribute type " + type + " at " + at + " has length " + len
                        + " past its end " + end);
            }
            if (n == types.length) {
                types = Arrays.copyOf(types, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
                lengths = Arrays.copyOf(lengths, n * 2);
            }
            types[n] = type;
            offsets[n] = at + Netlink.NLA_HDRLEN;
            lengths[n] = len - Netlink.NLA_HDRLEN;
            n++;
            at += Netlink.align(len);
        }
        return new NlAttrs(b, types, offsets, lengths, n);
    }

    public int size() {
        return count;
    }

    /** The type of the i-th attribute, in stream order. */
    public int typeAt(int i) {
        return types[i];
    }

    private int find(int type) {
        for (int i = 0; i < count; i++) {
            if (types[i] == type) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(int type) {
        return find(type) >= 0;
    }

    private int require(int type, int minLength) {
        int i = find(type);
        if (i < 0) {
            throw new NlFormatException("attribute " + type + " missing");
        }
        if (lengths[i] < minLength) {
            throw new NlFormatException("attribute " + type + " has " + lengths[i] + " bytes, needs " + minLength);
        }
        return i;
    }

    public int u8(int type) {
        return Byte.toUnsignedInt(buf.get(offsets[require(type, 1)]));
    }

    public int u16(int type) {
        return Short.toUnsignedInt(buf.getShort(offsets[require(type, 2)]));
    }

    /** A u32 (returned as an int: compare with Integer.toUnsignedLong where the top bit matters). */
    public int u32(int type) {
        return buf.getInt(offsets[require(type, 4)]);
    }

    public int u32(int type, int missing) {
        return has(type) ? u32(type) : missing;
    }

    public byte[] bytes(int type) {
        int i = require(type, 0);
        byte[] out = new byte[lengths[i]];
        buf.get(offsets[i], out);
        return out;
    }

    /** A NUL-terminated string attribute (IFLA_IFNAME, IFA_LABEL, CTRL_ATTR_FAMILY_NAME). */
    public String string(int type) {
        byte[] raw = bytes(type);
        int len = 0;
        while (len < raw.length && raw[len] != 0) {
            len++;
        }
        return new String(raw, 0, len, StandardCharsets.UTF_8);
    }

    public String string(int type, String missing) {
        return has(type) ? string(type) : missing;
    }

    /** An address attribute (4 or 16 bytes, network order). */
    public InetAddress address(int type) {
        try {
            return InetAddress.getByAddress(bytes(type));
        } catch (UnknownHostException e) {
            throw new NlFormatException("attribute " + type + " is not an IP address: " + e.getMessage());
        }
    }

    public NlAttrs nested(int type) {
        int i = require(type, 0);
        return parse(buf, offsets[i], offsets[i] + lengths[i]);
    }

    /** Every attribute of this type, for repeated ones; each as its nested stream. */
    public List<NlAttrs> nestedAll(int type) {
        List<NlAttrs> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (types[i] == type) {
                out.add(parse(buf, offsets[i], offsets[i] + lengths[i]));
            }
        }
        return out;
    }

    /** The attributes of a nest whose members are indexed 1..n (CTRL_ATTR_MCAST_GROUPS, CTRL_ATTR_OPS). */
    public List<NlAttrs> nestedArray() {
        List<NlAttrs> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(parse(buf, offsets[i], offsets[i] + lengths[i]));
        }
        return out;
    }
}
