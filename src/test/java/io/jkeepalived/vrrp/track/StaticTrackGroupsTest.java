package io.jkeepalived.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.config.model.VrrpConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** track_group: the instances of a group track the interfaces of its static items as weight-0 interfaces. */
class StaticTrackGroupsTest {
    @TempDir
    Path dir;

    @Test
    void groupMembersTrackTheInterfacesOfTheGroupsStaticItems() throws Exception {
        Path f = Files.writeString(dir.resolve("k.conf"), """
                track_group G1 {
                    group {
                        VI_1
                    }
                }
                static_ipaddress {
                    10.99.5.1/24 dev eth1 track_group G1
                    10.99.6.1/24 dev eth2 no_track
                }
                static_routes {
                    10.99.7.0/24 dev eth2 track_group G1
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    track_interface {
                        eth2 weight 10
                    }
                    virtual_ipaddress {
                        10.99.1.1/24
                    }
                }
                """);
        VrrpConfig c = ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.startsWith("eth")), d -> { })
                .config().vrrp();
        assertThat(StaticTrackGroups.interfacesByInstance(c)).containsEntry("VI_1", Set.of("eth1", "eth2"));
        List<Tracked> own = c.instances().getFirst().trackInterfaces();
        assertThat(StaticTrackGroups.withGroupInterfaces(own, Set.of("eth1", "eth2")))
                .containsExactly(new Tracked("eth2", 10, false), new Tracked("eth1", 0, false));
    }
}
