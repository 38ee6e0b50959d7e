package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.time.NanoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGHUP on the runtime against {@link FakePorts}: kept, dropped and new instances (vrrp.c clear_diff_vrrp). */
class VrrpRuntimeReloadTest {
    private static final String INSTANCE = """
            vrrp_instance %s {
                interface eth0
                virtual_router_id %d
                version 3
                priority 100
                advert_int 0.5
                virtual_ipaddress {
            %s
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

    private KeepalivedConfig load(String text) throws Exception {
        Path f = Files.writeString(dir.resolve("keepalived.conf"), text);
        return ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")), d -> { }).config();
    }

    private static String instance(String name, int vrid, String... vips) {
        return INSTANCE.formatted(name, vrid, String.join("\n", List.of(vips)));
    }

    private static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    private static long ops(FakePorts p, boolean add, String ip) {
        return p.addressOps.stream().filter(o -> o.add() == add && o.address().address().getHostAddress().equals(ip))
                .count();
    }

    private static List<Integer> prioritiesOf(FakePorts p, int vrid, int from) {
        List<FakePorts.Sent> sent = FakePorts.to(p.sent, "224.0.0.18");
        return sent.subList(Math.min(from, sent.size()), sent.size()).stream()
                .filter(s -> (s.bytes()[21] & 0xff) == vrid).map(s -> s.bytes()[22] & 0xff).toList();
    }

    @Test
    void aKeptMasterStaysMasterADroppedOneLeavesAndANewOneStartsAsBackup() throws Exception {
        KeepalivedConfig before = load(instance("VI_1", 51, "10.99.1.100/24", "10.99.1.101/24")
                + instance("VI_2", 52, "10.99.1.110/24"));
        FakePorts p = new FakePorts();
        List<String> deleted = new java.util.concurrent.CopyOnWriteArrayList<>();
        VrrpListener listener = new VrrpListener() {
            @Override
            public void instanceDeleted(String instance, boolean wasFault, int priority) {
                deleted.add(instance + " " + wasFault + " " + priority);
            }
        };
        runtime = new VrrpRuntime(before.vrrp(), before.globalDefs().vrrp(), new RuntimeOptions(true, false), p,
                NanoClock.system(), listener);
        runtime.start();
        await("both MASTER", 10_000, () -> "MASTER".equals(runtime.states().get("VI_1"))
                && "MASTER".equals(runtime.states().get("VI_2")));
        await("VIPs set", 5_000, () -> ops(p, true, "10.99.1.101") == 1 && ops(p, true, "10.99.1.110") == 1);
        int sentBefore = FakePorts.to(p.sent, "224.0.0.18").size();

        // VI_1 renamed: keepalived keeps instances by VRID and interface, not by name
        KeepalivedConfig after = load(instance("VI_ONE", 51, "10.99.1.100/24", "10.99.1.102/24")
                + instance("VI_3", 53, "10.99.1.130/24"));
        runtime.reload(after.vrrp(), after.globalDefs().vrrp());

        assertThat(runtime.states()).containsOnlyKeys("VI_ONE", "VI_3");
        assertThat(deleted).as("keepalived's DELETED for the dropped instance only").containsExactly("VI_2 false 100");
        assertThat(runtime.states().get("VI_ONE")).isEqualTo("MASTER");
        assertThat(runtime.states().get("VI_3")).isEqualTo("BACKUP");
        assertThat(ops(p, false, "10.99.1.101")).as("removed VIP deleted").isGreaterThanOrEqualTo(1);
        assertThat(ops(p, true, "10.99.1.102")).as("new VIP added").isEqualTo(1);
        assertThat(ops(p, false, "10.99.1.100")).as("kept VIP deleted only by the start-up cleanup").isEqualTo(1);
        assertThat(ops(p, false, "10.99.1.110")).as("dropped master's VIP removed").isGreaterThanOrEqualTo(2);
        await("kept master's advert right after the reload", 5_000, () -> prioritiesOf(p, 51, sentBefore).size() >= 2);
        List<Integer> vr51 = prioritiesOf(p, 51, sentBefore);
        assertThat(vr51).as("kept master: advert before and right after the reload, never priority 0")
                .doesNotContain(0).hasSizeGreaterThanOrEqualTo(2);
        assertThat(prioritiesOf(p, 52, sentBefore)).as("dropped master says goodbye").contains(100, 0);

        await("new instance takes over alone", 10_000, () -> "MASTER".equals(runtime.states().get("VI_3")));
        assertThat(runtime.states().get("VI_ONE")).isEqualTo("MASTER");
    }
}
