package io.jkeepalived.net.linux;

import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.LinkEvents;
import io.jkeepalived.net.NetEvent;
import io.jkeepalived.net.nl.Netlink;
import io.jkeepalived.net.nl.NlFormatException;
import io.jkeepalived.net.nl.NlMessage;
import io.jkeepalived.net.nl.RtnlReplies;
import io.jkeepalived.net.nl.Rtnetlink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Listens to rtnetlink's link and address groups (RTMGRP_LINK, RTMGRP_IPV4_IFADDR, RTMGRP_IPV6_IFADDR),
 * as keepalived's kernel_netlink does for interface tracking and VIP presence.
 * One thread polls (a platform thread); any thread may wake it.
 */
public final class LinkMonitor implements LinkEvents {
    public static final int GROUPS = Rtnetlink.RTMGRP_LINK | Rtnetlink.RTMGRP_IPV4_IFADDR
            | Rtnetlink.RTMGRP_IPV6_IFADDR;

    private final NetlinkSocket socket;
    private final List<NlMessage> batch = new ArrayList<>();

    private LinkMonitor(NetlinkSocket socket) {
        this.socket = socket;
    }

    /** Subscribes in the namespace of the calling thread. */
    public static LinkMonitor open() {
        return new LinkMonitor(NetlinkSocket.subscribe(Netlink.NETLINK_ROUTE, GROUPS));
    }

    /** As {@link #open()}, with the IPv4 and IPv6 route groups too when {@code routes}. */
    public static LinkMonitor open(boolean routes) {
        int groups = routes ? GROUPS | Rtnetlink.RTMGRP_IPV4_ROUTE | Rtnetlink.RTMGRP_IPV6_ROUTE : GROUPS;
        return new LinkMonitor(NetlinkSocket.subscribe(Netlink.NETLINK_ROUTE, groups));
    }

    @Override
    public int poll(Consumer<NetEvent> sink, int timeoutMillis) {
        batch.clear();
        int n = socket.receive(batch, timeoutMillis);
        if (n == NetlinkSocket.OVERRUN) {
            sink.accept(new NetEvent.Overrun());
            return 1;
        }
        if (n < 0) {
            return n;
        }
        int count = 0;
        for (NlMessage m : batch) {
            NetEvent event = toEvent(m);
            if (event != null) {
                sink.accept(event);
                count++;
            }
        }
        return count;
    }

    /** The event an announcement stands for, or null for one of no interest. */
    static NetEvent toEvent(NlMessage m) {
        try {
            return switch (m.type()) {
                case Rtnetlink.RTM_NEWLINK -> new NetEvent.LinkChanged(RtnlReplies.link(m), false);
                case Rtnetlink.RTM_DELLINK -> new NetEvent.LinkChanged(RtnlReplies.link(m), true);
                case Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_DELADDR -> {
                    InterfaceAddress a = RtnlReplies.address(m);
                    yield a == null ? null : new NetEvent.AddressChanged(a, m.type() == Rtnetlink.RTM_DELADDR);
                }
                case Rtnetlink.RTM_NEWROUTE, Rtnetlink.RTM_DELROUTE -> {
                    io.jkeepalived.net.Route r = RtnlReplies.route(m);
                    yield r == null ? null : new NetEvent.RouteChanged(r, m.type() == Rtnetlink.RTM_DELROUTE);
                }
                default -> null;
            };
        } catch (NlFormatException e) {
            return null; // a malformed announcement is dropped: the next dump corrects any state
        }
    }

    @Override
    public void wakeup() {
        socket.wakeup();
    }

    @Override
    public void close() {
        socket.close();
    }
}
