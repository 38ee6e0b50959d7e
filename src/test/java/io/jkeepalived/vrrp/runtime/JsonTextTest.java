package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.vrrp.packet.ReceiveCounters;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /tmp/keepalived.json in keepalived 2.2.7's vrrp_json.c order and words. */
class JsonTextTest {
    @TempDir
    Path dir;

    private InstancePlan plan(String body) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n" + body + "\n}\n");
        KeepalivedConfig c = ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")), d -> { })
                .config();
        VrrpInstance v = c.vrrp().instances().getFirst();
        return InstancePlan.of(v, c.globalDefs().vrrp(), InetAddress.getByName("10.99.1.1"), true);
    }

    @Test
    void aBackupInstanceIsOneObjectWithDataThenStatsInKeepalivedsOrder() throws IOException {
        InstancePlan p = plan(" priority 120\n notify_master \"/bin/echo a b\"\n"
                + " virtual_ipaddress {\n  10.99.1.100/24 label eth0:1\n }");
        SendCounters tx = new SendCounters();
        tx.advertSent = 7;
        String json = JsonText.of(List.of(new JsonText.Entry(p, 1, 1_500_000L, 1, 120, new ReceiveCounters(), tx)));
        assertThat(json).startsWith("[{\"data\":{\"iname\":\"VI_1\",\"dont_track_primary\":0,"
                + "\"skip_check_adv_addr\":0,\"strict_mode\":0,\"vmac_ifname\":\"\",\"ifp_ifname\":\"eth0\","
                + "\"master_priority\":0,\"last_transition\":1.500000,\"garp_delay\":5,");
        assertThat(json).contains("\"vrid\":51,\"base_priority\":120,\"effective_priority\":120,\"vipset\":false,",
                "\"state\":1,\"wantstate\":1,\"version\":2,",
                "\"script_master\":\"'/bin/echo' 'a' 'b'\"",
                "\"vips\":[\"10.99.1.100/24 dev eth0 scope global label eth0:1\"]",
                "\"auth_type\":0},\"stats\"",
                "\"stats\":{\"advert_rcvd\":0,\"advert_sent\":7,\"become_master\":0,");
        assertThat(json).endsWith("\"pri_zero_rcvd\":0,\"pri_zero_sent\":0}}]");
    }

    @Test
    void quotesAndControlCharactersAreEscaped() throws IOException {
        InstancePlan p = plan(" notify_master \"/bin/echo \\\"x\\\"\"");
        String json = JsonText.of(List.of(new JsonText.Entry(p, 2, 0, 2, 100, new ReceiveCounters(),
                new SendCounters())));
        assertThat(json).doesNotContain("\"x\"'");
    }
}
