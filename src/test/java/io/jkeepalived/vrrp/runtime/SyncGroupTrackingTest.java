package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.config.model.VrrpConfig;
import io.jkeepalived.config.model.VrrpInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync group's trackers become every member's (vrrp.c sync_group_tracking_init). */
class SyncGroupTrackingTest {
    @TempDir
    Path dir;

    private VrrpConfig load(int priority) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        String instance = """
                vrrp_instance %s {
                    state %s
                    interface eth0
                    virtual_router_id %d
                    priority %d
                    virtual_ipaddress {
                        10.99.1.%d/24
                    }
                }
                """;
        Files.writeString(f, """
                vrrp_script chk {
                    script "/bin/true"
                }
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                    track_interface {
                        eth9 weight 10
                    }
                    track_script {
                        chk weight -20
                    }
                }
                """ + instance.formatted("VI_1", priority == 255 ? "MASTER" : "BACKUP", 51, priority, 100)
                + instance.formatted("VI_2", "BACKUP", 52, 100, 101));
        return ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0") || n.equals("eth9")), d -> { })
                .config().vrrp();
    }

    @Test
    void everyMemberTracksTheGroupsInterfacesAndScriptsWithTheirWeights() throws IOException {
        VrrpConfig out = SyncGroupTracking.apply(load(100));
        assertThat(out.instances()).hasSize(2);
        for (VrrpInstance v : out.instances()) {
            assertThat(v.trackInterfaces()).containsExactly(new Tracked("eth9", 10, false));
            assertThat(v.trackScripts()).containsExactly(new Tracked("chk", -20, false));
        }
    }

    @Test
    void anAddressOwnerAmongTheMembersClearsTheGroupsWeights() throws IOException {
        VrrpConfig out = SyncGroupTracking.apply(load(255));
        for (VrrpInstance v : out.instances()) {
            assertThat(v.trackInterfaces()).containsExactly(new Tracked("eth9", 0, false));
            assertThat(v.trackScripts()).containsExactly(new Tracked("chk", 0, false));
        }
    }
}
