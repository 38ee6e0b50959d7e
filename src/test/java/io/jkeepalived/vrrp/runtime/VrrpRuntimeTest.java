package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.time.NanoClock;
import io.jkeepalived.vrrp.packet.AdvertEncoder;
import io.jkeepalived.vrrp.packet.AdvertSpec;
import io.jkeepalived.vrrp.packet.IpFamily;
import io.jkeepalived.vrrp.packet.PacketCounters;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's threads and decision execution against a hand-written kernel ({@link FakePorts}): VRRPv3
 * with 500 ms adverts so that a master-down interval (1.8 s) passes quickly yet stays far above a busy
 * machine's scheduling delays.
 */
class VrrpRuntimeTest {
    private static final String CONF = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                version 3
                priority 100
                advert_int 0.5
                virtual_ipaddress {
                    10.99.1.100/24 label eth0:vip
                }
            }
            """;

    @TempDir
    Path dir;
    private VrrpRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) runtime.stop();
    }

    private FakePorts start() throws Exception {
        return start(CONF);
    }

    private FakePorts start(String conf) throws Exception {
        Path f = Files.writeString(dir.resolve("keepalived.conf"), conf);
        KeepalivedConfig c = ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")), d -> { })
                .config();
        FakePorts ports = new FakePorts();
        runtime = new VrrpRuntime(c.vrrp(), c.globalDefs().vrrp(), new RuntimeOptions(true, false), ports,
                NanoClock.system());
        runtime.start();
        return ports;
    }

    private static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    private static boolean vipAdded(FakePorts p) {
        return p.addressOps.stream().anyMatch(o -> o.add() && o.address().address().getHostAddress().equals("10.99.1.100"));
    }

    @Test
    void aLoneInstanceBecomesMasterAddsItsVipAndAnnouncesIt() throws Exception {
        FakePorts p = start();
        await("VIP added", 10_000, () -> vipAdded(p));
        await("MASTER", 5_000, () -> runtime.states().get("VI_1").equals("MASTER"));
        var add = p.addressOps.stream().filter(FakePorts.AddressOp::add).findFirst().orElseThrow().address();
        assertThat(add.ifIndex()).isEqualTo(FakePorts.ETH0);
        assertThat(add.prefixLength()).isEqualTo(24);
        assertThat(add.label()).isEqualTo("eth0:vip");

        await("adverts", 5_000, () -> FakePorts.to(p.sent, "224.0.0.18").size() >= 3);
        byte[] advert = FakePorts.to(p.sent, "224.0.0.18").getFirst().bytes();
        assertThat(advert[9]).as("IP protocol").isEqualTo((byte) 112);
        assertThat(advert[20]).as("v3 advertisement").isEqualTo((byte) 0x31);
        assertThat(advert[21] & 0xff).as("VRID").isEqualTo(51);
        assertThat(advert[22] & 0xff).as("priority").isEqualTo(100);
        assertThat(InetAddress.getByAddress(java.util.Arrays.copyOfRange(advert, 28, 32)).getHostAddress())
                .isEqualTo("10.99.1.100");
        await("gratuitous ARPs", 5_000, () -> p.frames.size() >= 5);
        assertThat(p.frames.getFirst()).hasSize(42);

        runtime.stop();
        runtime = null;
        List<FakePorts.Sent> sent = FakePorts.to(p.sent, "224.0.0.18");
        assertThat(sent.getLast().bytes()[22]).as("goodbye advert priority").isZero();
        FakePorts.AddressOp last = p.addressOps.getLast();
        assertThat(last.add()).isFalse();
        assertThat(last.address().address().getHostAddress()).isEqualTo("10.99.1.100");
    }

    @Test
    void theStatsDumpCountsAsKeepalivedsVrrpPrintStats() throws Exception {
        FakePorts p = start();
        await("adverts", 10_000, () -> FakePorts.to(p.sent, "224.0.0.18").size() >= 3);
        String text = runtime.statsText(false);
        int sent = FakePorts.to(p.sent, "224.0.0.18").size();
        assertThat(text).startsWith("VRRP Instance: VI_1\n  Advertisements:\n    Received: 0\n    Sent: ")
                .contains("  Became master: 1\n  Released master: 0\n  Packet Errors:\n    Length: 0\n")
                .contains("    Advertisement Interval: 0\n    Address List: 0\n  Authentication Errors:\n"
                        + "    Invalid Type: 0\n    Type Mismatch: 0\n    Failure: 0\n")
                .endsWith("  Priority Zero:\n    Received: 0\n    Sent: 0\n");
        long counted = Long.parseLong(text.lines().filter(l -> l.startsWith("    Sent: ")).findFirst().orElseThrow()
                .substring("    Sent: ".length()));
        assertThat(counted).isBetween((long) sent, (long) sent + 2);

        runtime.stop();
        assertThat(runtime.statsText(false)).contains("  Priority Zero:\n    Received: 0\n    Sent: 1\n")
                .contains("  Released master: 0\n");
        runtime = null;
    }

    @Test
    void aHigherPriorityMasterKeepsItBackupUntilItFallsSilent() throws Exception {
        FakePorts p = start();
        AdvertSpec spec = AdvertSpec.v3(IpFamily.IPV4, 51, 500_000,
                List.of(InetAddress.getByName("10.99.1.100").getAddress()),
                InetAddress.getByName("10.99.1.2").getAddress());
        AdvertEncoder encoder = new AdvertEncoder(spec);
        PacketCounters counters = new PacketCounters();
        ByteBuffer buf = ByteBuffer.allocate(256);
        byte[] group = InetAddress.getByName("224.0.0.18").getAddress();
        AtomicBoolean feeding = new AtomicBoolean(true);
        Thread master = Thread.ofPlatform().start(() -> {
            while (feeding.get()) {
                counters.nextAdvert();
                int n = encoder.encode(buf, 0, 200, group, counters);
                byte[] packet = new byte[n];
                buf.get(0, packet);
                p.deliver(packet);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            long until = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < until) {
                assertThat(vipAdded(p)).as("VIP added while a higher priority master speaks").isFalse();
                Thread.sleep(20);
            }
            assertThat(runtime.states()).containsEntry("VI_1", "BACKUP");
        } finally {
            feeding.set(false);
            master.join();
        }
        await("take-over once the master is silent", 10_000, () -> vipAdded(p));
        assertThat(runtime.states()).containsEntry("VI_1", "MASTER");
    }

    @Test
    void refusedAdvertsKeepAMasterSilentAsKeepalivedsDispatcherDoes() throws Exception {
        FakePorts p = start();
        await("MASTER", 10_000, () -> runtime.states().get("VI_1").equals("MASTER"));
        AdvertSpec spec = AdvertSpec.v3(IpFamily.IPV4, 51, 500_000,
                List.of(InetAddress.getByName("10.99.1.100").getAddress()),
                InetAddress.getByName("10.99.1.2").getAddress());
        AdvertEncoder encoder = new AdvertEncoder(spec);
        PacketCounters counters = new PacketCounters();
        ByteBuffer buf = ByteBuffer.allocate(256);
        byte[] group = InetAddress.getByName("224.0.0.18").getAddress();
        counters.nextAdvert();
        int n = encoder.encode(buf, 0, 100, group, counters);
        byte[] refused = new byte[n];
        buf.get(0, refused);
        refused[26] ^= 0x55; // VRRP checksum: "Invalid VRRPv3 checksum", refused
        // a refused advert every 200 ms, each before our 500 ms advert timer runs out
        long until = System.nanoTime() + 2_400_000_000L;
        int before = FakePorts.to(p.sent, "224.0.0.18").size();
        while (System.nanoTime() < until) {
            p.deliver(refused);
            Thread.sleep(200);
        }
        // one may have been due when the first refused advert came, one more if this thread was held up;
        // without the restart there would be five
        assertThat(FakePorts.to(p.sent, "224.0.0.18").size() - before).as("adverts while hearing refused ones")
                .isLessThanOrEqualTo(2);
        assertThat(runtime.states()).containsEntry("VI_1", "MASTER");
        int after = FakePorts.to(p.sent, "224.0.0.18").size();
        await("adverts again once the refused ones stop", 5_000,
                () -> FakePorts.to(p.sent, "224.0.0.18").size() >= after + 2);
    }
}
