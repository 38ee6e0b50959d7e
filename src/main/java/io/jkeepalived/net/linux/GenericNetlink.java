package io.jkeepalived.net.linux;

import io.jkeepalived.net.NetException;
import io.jkeepalived.net.nl.Genetlink;
import io.jkeepalived.net.nl.Netlink;
import io.jkeepalived.net.nl.NlMessage;
import io.jkeepalived.net.nl.RtnlReplies;
import io.jkeepalived.net.nl.RtnlRequests;
import java.util.List;

/**
 * Generic netlink (NETLINK_GENERIC): resolves a family by name (CTRL_CMD_GETFAMILY, as libnl's
 * genl_ctrl_resolve) and carries a client's requests, e.g. the IPVS family for ipvswrapper's work.
 */
public final class GenericNetlink implements AutoCloseable {
    private final NetlinkSocket socket;

    private GenericNetlink(NetlinkSocket socket) {
        this.socket = socket;
    }

    public static GenericNetlink open() {
        return new GenericNetlink(NetlinkSocket.open(Netlink.NETLINK_GENERIC));
    }

    /** The family's id, version and multicast groups; ENOENT (as a {@link NetException}) when it is absent. */
    public RtnlReplies.GenlFamily resolve(String name) {
        List<NlMessage> reply = socket.call("resolve generic netlink family " + name,
                (w, seq) -> RtnlRequests.getFamily(w, seq, name));
        for (NlMessage m : reply) {
            if (m.type() == Genetlink.GENL_ID_CTRL) {
                return RtnlReplies.family(m);
            }
        }
        throw new NetException("resolve generic netlink family " + name, "no CTRL_CMD_NEWFAMILY in the reply");
    }

    /** Sends a request of a resolved family and returns its answer (see {@link NetlinkSocket#call}). */
    public List<NlMessage> call(String operation, NetlinkSocket.Request request) {
        return socket.call(operation, request);
    }

    @Override
    public void close() {
        socket.close();
    }
}
