package io.jkeepalived.net.nl;

/**
 * The payload of NLMSG_ERROR (struct nlmsgerr { int error; struct nlmsghdr msg; }): error 0 is an
 * acknowledgement, otherwise minus the errno. With NETLINK_EXT_ACK the kernel may add a text
 * (NLMSGERR_ATTR_MSG) after the echoed request (or after its header alone, when NLM_F_CAPPED).
 */
public record NlError(int errno, int requestType, int requestSeq, String extAckMessage) {
    public static final int ERROR_OFFSET = 0;
    public static final int REQUEST_OFFSET = 4;

    public boolean isAck() {
        return errno == 0;
    }

    public static NlError parse(NlMessage message) {
        if (!message.isError()) {
            throw new IllegalArgumentException("not NLMSG_ERROR: type " + message.type());
        }
        var p = message.payload();
        if (p.limit() < REQUEST_OFFSET + Netlink.NLMSG_HDRLEN) {
            throw new NlFormatException("NLMSG_ERROR of " + p.limit() + " bytes, short of struct nlmsgerr");
        }
        int error = p.getInt(ERROR_OFFSET);
        int requestLen = p.getInt(REQUEST_OFFSET + NlMessage.LEN_OFFSET);
        int requestType = Short.toUnsignedInt(p.getShort(REQUEST_OFFSET + NlMessage.TYPE_OFFSET));
        int requestSeq = p.getInt(REQUEST_OFFSET + NlMessage.SEQ_OFFSET);
        String text = null;
        if ((message.flags() & Netlink.NLM_F_ACK_TLVS) != 0) {
            int tlvStart = REQUEST_OFFSET + ((message.flags() & Netlink.NLM_F_CAPPED) != 0
                    ? Netlink.NLMSG_HDRLEN : Netlink.align(requestLen));
            if (tlvStart <= p.limit()) {
                NlAttrs tlvs = NlAttrs.parse(p, tlvStart, p.limit());
                text = tlvs.string(Netlink.NLMSGERR_ATTR_MSG, null);
            }
        }
        return new NlError(-error, requestType, requestSeq, text);
    }
}
