package io.jkeepalived.bench.net;

import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.PacketInfo;
import io.jkeepalived.net.ffm.Sock;
import io.jkeepalived.net.linux.NetNamespace;
import io.jkeepalived.net.linux.RawIpSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One VRRP advert (20-byte VRRPv3 packet with one IPv4 VIP / 32 bytes with one IPv6 VIP) sent on a raw
 * protocol-112 socket in one namespace and received, with its TTL, destination and interface, on a raw
 * socket in another namespace across a veth pair and a bridge. SampleTime gives the distribution of the
 * send→receive round trip (median, p99); AverageTime with {@code -prof gc} gives the bytes allocated per
 * packet (SampleTime's own per-sample bookkeeping allocates, so its gc.alloc.rate.norm is not ours).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class AdvertRoundTrip {
    @Param({"IPV4", "IPV6"})
    public String family;

    private final List<String> namespaces = new ArrayList<>();
    private RawIpSocket sender;
    private RawIpSocket receiver;
    private RawIpSocket.Peer peer;
    private final byte[] advert = new byte[32];
    private final byte[] buffer = new byte[1500];
    private final PacketInfo info = new PacketInfo();
    private int length;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String bridge = namespace();
        String a = namespace();
        String b = namespace();
        sh("ip", "-n", bridge, "link", "add", "br0", "type", "bridge");
        sh("ip", "-n", bridge, "link", "set", "br0", "up");
        int i = 1;
        for (String ns : List.of(a, b)) {
            sh("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0");
            sh("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "p" + i, "netns", bridge);
            sh("ip", "-n", bridge, "link", "set", "p" + i, "master", "br0", "up");
            sh("ip", "-n", ns, "addr", "add", "10.99.0." + i + "/24", "dev", "eth0");
            sh("ip", "-n", ns, "addr", "add", "fd00:99::" + i + "/64", "dev", "eth0", "nodad");
            sh("ip", "-n", ns, "link", "set", "eth0", "up");
            i++;
        }
        IpFamily f = IpFamily.valueOf(family);
        boolean v4 = f == IpFamily.IPV4;
        InetAddress group = InetAddress.getByName(v4 ? "224.0.0.18" : "ff02::12");
        sender = inNamespace(a, () -> RawIpSocket.open(f, Sock.IPPROTO_VRRP, "eth0"));
        receiver = inNamespace(b, () -> RawIpSocket.open(f, Sock.IPPROTO_VRRP, "eth0").joinGroup(group));
        sender.source(InetAddress.getByName(v4 ? "10.99.0.1" : "fd00:99::1"));
        peer = sender.peer(group);
        length = v4 ? 20 : 32;
        advert[0] = 0x31;        // VRRPv3 advertisement
        advert[1] = 52;          // VRID
        advert[2] = 100;         // priority
        advert[3] = 1;           // one address
        // the IPv6 checksum is filled by the kernel (IPV6_CHECKSUM); receive-side checks are the codec's
        for (int k = 8; k < length; k++) {
            advert[k] = (byte) k;
        }
    }

    @Benchmark
    public int sendThenReceive() {
        sender.send(advert, 0, length, peer);
        int n = receiver.receive(buffer, 0, buffer.length, info, 1000);
        if (n <= 0 || info.ttl() != 255) {
            throw new IllegalStateException("lost advert: " + n);
        }
        return n;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (sender != null) {
            sender.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        for (String ns : namespaces.reversed()) {
            sh("ip", "netns", "del", ns);
        }
    }

    private String namespace() throws Exception {
        String name = "jkt-" + ProcessHandle.current().pid() + "-" + (namespaces.size() + 1);
        sh("ip", "netns", "add", name);
        namespaces.add(name);
        return name;
    }

    /** Opens a socket on a platform thread that entered {@code ns}; the socket stays in that namespace. */
    private static <T> T inNamespace(String ns, Callable<T> open) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(() -> {
                NetNamespace.enter(ns);
                return open.call();
            }).get(10, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + out);
        }
    }
}
