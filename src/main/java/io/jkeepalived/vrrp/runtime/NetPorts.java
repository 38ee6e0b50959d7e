package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.net.AddressControl;
import io.jkeepalived.net.FrameSender;
import io.jkeepalived.net.IpRawChannel;
import io.jkeepalived.net.LinkControl;
import io.jkeepalived.net.LinkEvents;
import io.jkeepalived.net.linux.LinkMonitor;
import io.jkeepalived.net.linux.PacketSocket;
import io.jkeepalived.net.linux.RawIpSocket;
import io.jkeepalived.net.linux.RouteNetlink;
import io.jkeepalived.vrrp.packet.IpFamily;
import java.net.InetAddress;

/**
 * The kernel as the VRRP runtime sees it (STYLE.md habit 2): sockets opened per interface and family,
 * addresses, links, frames and link announcements. {@link #linux()} gives the real ones.
 */
public interface NetPorts extends AutoCloseable {

    /**
     * A raw socket for {@code protocol} on {@code ifName}, ready to send keepalived's packets: IPv4 with
     * the IP header included, IPv6 from {@code source}; joined to {@code group} when not null.
     */
    IpRawChannel openAdvertSocket(IpFamily family, int protocol, String ifName, InetAddress group, InetAddress source);

    AddressControl addresses();

    LinkControl links();

    /** Routes and policy rules (virtual_routes / static_routes, virtual_rules / static_rules). */
    default io.jkeepalived.net.RouteControl routes() {
        throw new UnsupportedOperationException("no route control in these ports");
    }

    FrameSender frames();

    /** A new subscription to link announcements (its own thread polls it). */
    LinkEvents linkEvents();

    /** As {@link #linkEvents()}, with route announcements too when {@code routes}. */
    default LinkEvents linkEvents(boolean routes) {
        return linkEvents();
    }

    @Override
    void close();

    static NetPorts linux() {
        return new LinuxPorts();
    }

    /** net/linux behind the ports; the route socket is shared by the loop thread only. */
    final class LinuxPorts implements NetPorts {
        private final RouteNetlink route = RouteNetlink.open();
        private PacketSocket frames;

        @Override
        public IpRawChannel openAdvertSocket(IpFamily family, int protocol, String ifName, InetAddress group,
                InetAddress source) {
            RawIpSocket s = RawIpSocket.open(family == IpFamily.IPV4 ? io.jkeepalived.net.IpFamily.IPV4
                    : io.jkeepalived.net.IpFamily.IPV6, protocol, ifName);
            try {
                if (family == IpFamily.IPV4) {
                    s.headerIncluded(true);
                } else if (source != null) {
                    s.source(source);
                }
                if (group != null) s.joinGroup(group);
                return s;
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }

        @Override
        public AddressControl addresses() {
            return route;
        }

        @Override
        public LinkControl links() {
            return route;
        }

        @Override
        public io.jkeepalived.net.RouteControl routes() {
            return route;
        }

        @Override
        public synchronized FrameSender frames() {
            if (frames == null) frames = PacketSocket.open();
            return frames;
        }

        @Override
        public LinkEvents linkEvents() {
            return LinkMonitor.open();
        }

        @Override
        public LinkEvents linkEvents(boolean routes) {
            return LinkMonitor.open(routes);
        }

        @Override
        public synchronized void close() {
            if (frames != null) frames.close();
            route.close();
        }
    }
}
