package io.jkeepalived.net.linux;

import io.jkeepalived.net.AddressControl;
import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.Link;
import io.jkeepalived.net.LinkControl;
import io.jkeepalived.net.NetException;
import io.jkeepalived.net.Route;
import io.jkeepalived.net.RouteControl;
import io.jkeepalived.net.Rule;
import io.jkeepalived.net.ffm.Sock;
import io.jkeepalived.net.nl.Netlink;
import io.jkeepalived.net.nl.NlMessage;
import io.jkeepalived.net.nl.RtnlReplies;
import io.jkeepalived.net.nl.RtnlRequests;
import io.jkeepalived.net.nl.Rtnetlink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * rtnetlink on one NETLINK_ROUTE socket: addresses, routes, rules and links, as {@code ip} does them.
 * The socket belongs to the namespace of the thread that opened it. Thread-safe (calls are serialised).
 */
public final class RouteNetlink implements AddressControl, RouteControl, LinkControl, AutoCloseable {
    private final NetlinkSocket socket;

    private RouteNetlink(NetlinkSocket socket) {
        this.socket = socket;
    }

    public static RouteNetlink open() {
        return new RouteNetlink(NetlinkSocket.open(Netlink.NETLINK_ROUTE));
    }

    private static <T> List<T> decodeAll(List<NlMessage> messages, int type, Function<NlMessage, T> decoder) {
        List<T> out = new ArrayList<>(messages.size());
        for (NlMessage m : messages) {
            if (m.type() == type) {
                T value = decoder.apply(m);
                if (value != null) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    @Override
    public void addAddress(InterfaceAddress a) {
        socket.call("add address " + a, (w, seq) -> RtnlRequests.addAddress(w, seq, a));
    }

    @Override
    public void addAddress(InterfaceAddress a, long preferredSeconds, long validSeconds) {
        socket.call("add address " + a,
                (w, seq) -> RtnlRequests.addAddress(w, seq, a, preferredSeconds, validSeconds));
    }

    @Override
    public void deleteAddress(InterfaceAddress a) {
        socket.call("delete address " + a, (w, seq) -> RtnlRequests.deleteAddress(w, seq, a));
    }

    @Override
    public List<InterfaceAddress> addresses(IpFamily family) {
        return decodeAll(socket.call("list addresses", (w, seq) -> RtnlRequests.dumpAddresses(w, seq, family)),
                Rtnetlink.RTM_NEWADDR, RtnlReplies::address);
    }

    @Override
    public void addRoute(Route r) {
        socket.call("add route " + describe(r), (w, seq) -> RtnlRequests.addRoute(w, seq, r));
    }

    @Override
    public void deleteRoute(Route r) {
        socket.call("delete route " + describe(r), (w, seq) -> RtnlRequests.deleteRoute(w, seq, r));
    }

    private static String describe(Route r) {
        return (r.destination() == null ? "default" : r.destination().getHostAddress() + "/" + r.destinationLength())
                + (r.gateway() != null ? " via " + r.gateway().getHostAddress() : "") + " table " + r.table();
    }

    @Override
    public List<Route> routes(IpFamily family) {
        return decodeAll(socket.call("list routes", (w, seq) -> RtnlRequests.dumpRoutes(w, seq, family)),
                Rtnetlink.RTM_NEWROUTE, RtnlReplies::route);
    }

    @Override
    public void addRule(Rule r) {
        socket.call("add rule " + r, (w, seq) -> RtnlRequests.addRule(w, seq, r));
    }

    @Override
    public void deleteRule(Rule r) {
        socket.call("delete rule " + r, (w, seq) -> RtnlRequests.deleteRule(w, seq, r));
    }

    @Override
    public List<Rule> rules(IpFamily family) {
        return decodeAll(socket.call("list rules", (w, seq) -> RtnlRequests.dumpRules(w, seq, family)),
                Rtnetlink.RTM_NEWRULE, RtnlReplies::rule);
    }

    @Override
    public List<Link> links() {
        return decodeAll(socket.call("list links", RtnlRequests::dumpLinks), Rtnetlink.RTM_NEWLINK,
                RtnlReplies::link);
    }

    @Override
    public Optional<Link> link(String name) {
        try {
            List<Link> found = decodeAll(socket.call("get link " + name,
                    (w, seq) -> RtnlRequests.getLink(w, seq, name)), Rtnetlink.RTM_NEWLINK, RtnlReplies::link);
            return found.stream().findFirst();
        } catch (NetException e) {
            if (e.errno() == Sock.ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void setUp(int ifIndex, boolean up) {
        socket.call("set link " + ifIndex + (up ? " up" : " down"),
                (w, seq) -> RtnlRequests.setLinkUp(w, seq, ifIndex, up));
    }

    @Override
    public Link addMacvlan(String name, int parentIndex, byte[] mac, int mode) {
        socket.call("add macvlan " + name, (w, seq) -> RtnlRequests.addMacvlan(w, seq, name, parentIndex, mac, mode));
        return link(name).orElseThrow(() -> new NetException("add macvlan " + name, "created but not found"));
    }

    @Override
    public void setAddrGenMode(int ifIndex, int mode) {
        socket.call("set link " + ifIndex + " addrgenmode " + mode,
                (w, seq) -> RtnlRequests.setAddrGenMode(w, seq, ifIndex, mode));
    }

    @Override
    public void deleteLink(int ifIndex) {
        socket.call("delete link " + ifIndex, (w, seq) -> RtnlRequests.deleteLink(w, seq, ifIndex));
    }

    /** The raw messages of any request, for callers that decode themselves. */
    public List<NlMessage> call(String operation, NetlinkSocket.Request request) {
        return socket.call(operation, request);
    }

    @Override
    public void close() {
        socket.close();
    }
}
