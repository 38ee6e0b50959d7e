package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.net.IpRawChannel;
import io.jkeepalived.net.NetException;
import io.jkeepalived.net.PacketInfo;
import io.jkeepalived.vrrp.packet.IpFamily;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One raw socket per interface, family and protocol, shared by the instances on it (keepalived's sock_t),
 * with its receiver: a platform thread blocked in recvmsg that copies each packet into a pooled
 * {@link InboundPacket} and hands it to the event loop's queue (STYLE.md habit 6). Sending happens on the
 * loop thread; the kernel keeps the two directions apart.
 */
final class AdvertSocket {
    private static final Logger log = LoggerFactory.getLogger(AdvertSocket.class);

    final String ifName;
    final IpFamily family;
    final int protocol;
    final IpRawChannel channel;
    /** Instances on this socket by VRID (keepalived finds the instance from the advert's VRID). */
    final InstanceRuntime[] byVrid = new InstanceRuntime[256];
    private final Map<InetAddress, IpRawChannel.Destination> destinations = new HashMap<>();
    private Thread receiver;
    private volatile boolean closing;

    AdvertSocket(String ifName, IpFamily family, int protocol, IpRawChannel channel) {
        this.ifName = ifName;
        this.family = family;
        this.protocol = protocol;
        this.channel = channel;
    }

    /** A destination prepared once; called on the loop thread at start-up. */
    IpRawChannel.Destination destination(InetAddress to) {
        return destinations.computeIfAbsent(to, channel::peer);
    }

    /** Starts the receiver, which takes buffers from {@code free} and puts them, filled, on {@code inbox}. */
    void startReceiver(PacketPool free, BlockingQueue<Object> inbox) {
        startReceiver(free, inbox, () -> { });
    }

    /** As above, the receiver thread first running {@code threadSetUp} (its scheduling) on itself. */
    void startReceiver(PacketPool free, BlockingQueue<Object> inbox, Runnable threadSetUp) {
        receiver = Thread.ofPlatform().daemon(true).name("vrrp-rx-" + ifName + "-" + family).start(() -> {
            threadSetUp.run();
            PacketInfo info = new PacketInfo();
            InboundPacket spare = new InboundPacket();
            while (!closing) {
                InboundPacket p = free.poll();
                boolean pooled = p != null;
                if (!pooled) p = spare; // the loop is behind: read and drop, as a full socket buffer would
                int n;
                try {
                    n = channel.receive(p.data, 0, InboundPacket.CAPACITY, info, -1);
                } catch (NetException e) {
                    if (!closing) log.info("Error receiving on {}: {}", ifName, e.getMessage());
                    if (pooled) free.offer(p);
                    if (closing) return;
                    continue;
                }
                if (n == IpRawChannel.WOKEN || closing) {
                    if (pooled) free.offer(p);
                    return;
                }
                if (n <= 0 || !pooled || info.truncated()) {
                    if (pooled) free.offer(p);
                    continue;
                }
                p.length = n;
                p.ttl = info.ttl();
                p.multicastDestination = info.isMulticastDestination();
                System.arraycopy(info.sourceBytes(), 0, p.source, 0, 16);
                p.socket = this;
                if (!inbox.offer(p)) free.offer(p);
            }
        });
    }

    boolean receiving() {
        return receiver != null;
    }

    /** Whether any instance still uses this socket. */
    boolean inUse() {
        for (InstanceRuntime i : byVrid) {
            if (i != null) return true;
        }
        return false;
    }

    /** Releases the receiver and closes the socket. */
    void close() {
        closing = true;
        channel.wakeup();
        if (receiver != null) {
            try {
                receiver.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channel.close();
    }
}
