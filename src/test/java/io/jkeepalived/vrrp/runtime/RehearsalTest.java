package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.VrrpInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearsalTest {
    @TempDir
    Path dir;

    private InstancePlan plan(String body, String source) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, "global_defs {\n vrrp_version 3\n}\nvrrp_instance VI_1 {\n interface eth0\n"
                + " virtual_router_id 51\n" + body + "\n}\n");
        KeepalivedConfig c = ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")), d -> { })
                .config();
        VrrpInstance v = c.vrrp().instances().getFirst();
        return InstancePlan.of(v, c.globalDefs().vrrp(), InetAddress.getByName(source), true);
    }

    @Test
    void rehearsesTheTakeOverOfEveryKindOfInstanceWithoutSocketsKernelOrLog() throws IOException {
        InstancePlan v4 = plan("priority 100\n advert_int 0.01\n virtual_ipaddress {\n 10.99.1.100/24\n }", "10.99.1.1");
        InstancePlan v6 = plan("priority 100\n virtual_ipaddress {\n fd00:99::100/64\n }", "fe80::1");
        InstancePlan owner = plan("state MASTER\n priority 255\n virtual_ipaddress {\n 10.99.1.100/24\n }", "10.99.1.1");
        InstancePlan unicast = plan("priority 100\n unicast_peer {\n 10.99.1.2\n }\n"
                + " virtual_ipaddress {\n 10.99.1.100/24\n }", "10.99.1.1");
        for (InstancePlan p : new InstancePlan[] {v4, v6, owner, unicast}) {
            assertThatCode(() -> Rehearsal.takeOver(p, 3)).doesNotThrowAnyException();
        }
    }
}
