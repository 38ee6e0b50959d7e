package io.jkeepalived.net.nl;

/**
 * Generic netlink framing: nlmsghdr (type = the family id) then struct genlmsghdr { __u8 cmd; __u8 version;
 * __u16 reserved; } then the family's attributes. For clients of a resolved family (IPVS).
 */
public final class GenlHeader {
    public static final int CMD_OFFSET = 0;
    public static final int VERSION_OFFSET = 1;

    private GenlHeader() {
    }

    /** Begins a request of {@code familyId}: writes nlmsghdr and genlmsghdr; attributes follow. */
    public static NlWriter begin(NlWriter w, int familyId, int flags, int seq, int cmd, int version) {
        return w.begin(familyId, flags, seq, 0).putU8(cmd).putU8(version).putU16(0);
    }

    /** The command of a generic netlink message. */
    public static int command(NlMessage m) {
        if (m.payload().limit() < Genetlink.GENL_HDRLEN) {
            throw new NlFormatException("generic netlink message shorter than genlmsghdr");
        }
        return Byte.toUnsignedInt(m.payload().get(CMD_OFFSET));
    }

    /** The attributes after genlmsghdr. */
    public static NlAttrs attrs(NlMessage m) {
        return m.attrs(Genetlink.GENL_HDRLEN);
    }
}
