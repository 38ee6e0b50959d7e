package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.net.AddressControl;
import io.jkeepalived.net.FrameSender;
import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.IpRawChannel;
import io.jkeepalived.net.Link;
import io.jkeepalived.net.LinkControl;
import io.jkeepalived.net.LinkEvents;
import io.jkeepalived.net.NetEvent;
import io.jkeepalived.net.PacketInfo;
import io.jkeepalived.vrrp.packet.IpFamily;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A hand-written kernel for the runtime's unit tests: one interface eth0 (index 2, 10.99.1.1/24). */
final class FakePorts implements NetPorts {
    static final int ETH0 = 2;
    static final byte[] MAC = {2, 0, 0, 0, 0, 1};

    record Sent(byte[] bytes, InetAddress to) {
    }

    record AddressOp(boolean add, InterfaceAddress address) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<AddressOp> addressOps = new CopyOnWriteArrayList<>();
    final List<byte[]> frames = new CopyOnWriteArrayList<>();
    final Channel channel = new Channel();
    private final List<InterfaceAddress> addresses = new CopyOnWriteArrayList<>();

    FakePorts() throws Exception {
        addresses.add(InterfaceAddress.of(ETH0, InetAddress.getByName("10.99.1.1"), 24));
    }

    /** Hands a packet to the runtime as if the kernel had received it (IPv4: the whole datagram). */
    void deliver(byte[] packet) {
        channel.incoming.add(packet.clone());
    }

    @Override
    public IpRawChannel openAdvertSocket(IpFamily family, int protocol, String ifName, InetAddress group,
            InetAddress source) {
        return channel;
    }

    @Override
    public AddressControl addresses() {
        return new AddressControl() {
            @Override
            public void addAddress(InterfaceAddress a) {
                addressOps.add(new AddressOp(true, a));
                addresses.add(a);
            }

            @Override
            public void deleteAddress(InterfaceAddress a) {
                addressOps.add(new AddressOp(false, a));
                addresses.removeIf(x -> x.address().equals(a.address()));
            }

            @Override
            public List<InterfaceAddress> addresses(io.jkeepalived.net.IpFamily family) {
                return addresses.stream().filter(a -> family == null || a.family() == family).toList();
            }
        };
    }

    @Override
    public LinkControl links() {
        return new LinkControl() {
            @Override
            public List<Link> links() {
                return List.of(new Link(ETH0, "eth0", 0x1 | 0x40, 1, MAC, 1500, "veth", 0, 0));
            }

            @Override
            public Optional<Link> link(String name) {
                return links().stream().filter(l -> l.name().equals(name)).findFirst();
            }

            @Override
            public void setUp(int ifIndex, boolean up) {
            }

            @Override
            public Link addMacvlan(String name, int parentIndex, byte[] mac, int mode) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void setAddrGenMode(int ifIndex, int mode) {
            }

            @Override
            public void deleteLink(int ifIndex) {
            }
        };
    }

    @Override
    public FrameSender frames() {
        return new FrameSender() {
            @Override
            public void sendFrame(int ifIndex, int etherType, byte[] frame, int offset, int len) {
                frames.add(Arrays.copyOfRange(frame, offset, offset + len));
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public LinkEvents linkEvents() {
        return new LinkEvents() {
            private final BlockingQueue<Boolean> woken = new LinkedBlockingQueue<>();

            @Override
            public int poll(Consumer<NetEvent> sink, int timeoutMillis) {
                try {
                    woken.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return WOKEN;
            }

            @Override
            public void wakeup() {
                woken.add(true);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
    }

    /** Adverts out go to {@link #sent}; adverts in come from {@link #deliver}. */
    final class Channel implements IpRawChannel {
        final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
        private final ByteBuffer sendBuffer = ByteBuffer.allocate(4096);
        private volatile boolean woken;

        @Override
        public io.jkeepalived.net.IpFamily family() {
            return io.jkeepalived.net.IpFamily.IPV4;
        }

        @Override
        public Destination peer(InetAddress destination) {
            return () -> destination;
        }

        @Override
        public void source(InetAddress source) {
        }

        @Override
        public int send(byte[] data, int offset, int len, Destination to) {
            sent.add(new Sent(Arrays.copyOfRange(data, offset, offset + len), to.address()));
            return len;
        }

        @Override
        public ByteBuffer sendBuffer() {
            return sendBuffer;
        }

        @Override
        public int sendFromBuffer(int len, Destination to) {
            byte[] copy = new byte[len];
            sendBuffer.get(0, copy);
            sent.add(new Sent(copy, to.address()));
            return len;
        }

        @Override
        public int receive(byte[] buf, int offset, int maxLen, PacketInfo info, int timeoutMillis) {
            while (!woken) {
                byte[] p;
                try {
                    p = incoming.poll(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return WOKEN;
                }
                if (p == null) continue;
                info.clear(io.jkeepalived.net.IpFamily.IPV4);
                System.arraycopy(p, 0, buf, offset, p.length);
                System.arraycopy(p, 16, info.destinationBytes(), 0, 4);
                info.set(p.length, p[8] & 0xff, ETH0, false);
                return p.length;
            }
            return WOKEN;
        }

        @Override
        public int receive(PacketInfo info, int timeoutMillis) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ByteBuffer receiveBuffer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void wakeup() {
            woken = true;
        }

        @Override
        public void close() {
        }
    }

    static List<Sent> to(List<Sent> all, String address) {
        List<Sent> out = new ArrayList<>();
        for (Sent s : all) if (s.to().getHostAddress().equals(address)) out.add(s);
        return out;
    }
}
