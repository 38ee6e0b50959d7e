package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.vrrp.fsm.InstanceSpec;
import io.jkeepalived.vrrp.fsm.VrrpVersion;
import io.jkeepalived.vrrp.packet.AuthType;
import io.jkeepalived.vrrp.packet.IpFamily;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstancePlanTest {
    @TempDir
    Path dir;

    private InstancePlan plan(String instanceBody, String iface) throws IOException {
        return plan("", instanceBody, iface);
    }

    private InstancePlan plan(String globals, String instanceBody, String ifaceAddress) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, globals + "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n"
                + instanceBody + "\n}\n");
        LoadResult r = ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")), d -> { });
        KeepalivedConfig c = r.config();
        VrrpInstance v = c.vrrp().instances().getFirst();
        return InstancePlan.of(v, c.globalDefs().vrrp(), InetAddress.getByName(ifaceAddress), true);
    }

    @Test
    void defaultsAreKeepalivedsV2MulticastBackupWithTheInterfaceAddressAsSource() throws IOException {
        InstancePlan p = plan("priority 100\n virtual_ipaddress {\n 10.99.1.100/24\n }", "10.99.1.1");
        InstanceSpec s = p.spec();
        assertThat(s.name()).isEqualTo("VI_1");
        assertThat(s.vrid()).isEqualTo(51);
        assertThat(s.version()).isEqualTo(VrrpVersion.V2);
        assertThat(s.priority()).isEqualTo(100);
        assertThat(s.initialMaster()).isFalse();
        assertThat(s.advertInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.downTimerAdverts()).isEqualTo(3);
        assertThat(s.unicast()).isFalse();
        assertThat(s.logDetail()).isTrue();
        assertThat(s.sourceAddress().getHostAddress()).isEqualTo("10.99.1.1");
        assertThat(p.destinations()).extracting(InetAddress::getHostAddress).containsExactly("224.0.0.18");
        assertThat(p.protocol()).isEqualTo(InstancePlan.PROTO_VRRP);
        assertThat(p.family()).isEqualTo(IpFamily.IPV4);
        assertThat(p.advert().vips()).hasSize(1);
        assertThat(p.advert().ttl()).isEqualTo(255);
    }

    @Test
    void anOwnerWithoutStateStartsAsMaster() throws IOException {
        InstancePlan p = plan("priority 255\n virtual_ipaddress {\n 10.99.1.100\n }", "10.99.1.1");
        assertThat(p.spec().owner()).isTrue();
        assertThat(p.spec().initialMaster()).isTrue();
    }

    @Test
    void v2IntervalsAreWholeSecondsOnTheWire() throws IOException {
        InstancePlan p = plan("advert_int 2.4\n virtual_ipaddress {\n 10.99.1.100\n }", "10.99.1.1");
        assertThat(p.spec().advertInterval().toNanos() % 1_000_000_000L).isZero();
        assertThat(p.advert().advertIntervalMicros()).isEqualTo(p.spec().advertInterval().toNanos() / 1_000);
    }

    @Test
    void v3KeepsCentisecondIntervals() throws IOException {
        InstancePlan p = plan("version 3\n advert_int 0.5\n virtual_ipaddress {\n 10.99.1.100\n }", "10.99.1.1");
        assertThat(p.spec().version()).isEqualTo(VrrpVersion.V3);
        assertThat(p.spec().advertInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void unicastPeersBecomeTheDestinationsAndUnicastSrcIpTheSource() throws IOException {
        InstancePlan p = plan("unicast_src_ip 10.99.1.5\n unicast_peer {\n 10.99.1.2\n 10.99.1.3\n }\n"
                + " authentication {\n auth_type PASS\n auth_pass secret\n }\n"
                + " virtual_ipaddress {\n 10.99.1.100\n }", "10.99.1.1");
        assertThat(p.spec().unicast()).isTrue();
        assertThat(p.source().getHostAddress()).isEqualTo("10.99.1.5");
        assertThat(p.destinations()).extracting(InetAddress::getHostAddress).containsExactly("10.99.1.2", "10.99.1.3");
        assertThat(p.advert().authType()).isEqualTo(AuthType.PASS);
        assertThat(p.receive().peers()).hasSize(2);
        assertThat(p.receive().unicast()).isTrue();
    }

    @Test
    void ahAuthenticationUsesAnAhSocket() throws IOException {
        InstancePlan p = plan("authentication {\n auth_type AH\n auth_pass secret\n }\n"
                + " virtual_ipaddress {\n 10.99.1.100\n }", "10.99.1.1");
        assertThat(p.advert().authType()).isEqualTo(AuthType.AH);
        assertThat(p.protocol()).isEqualTo(InstancePlan.PROTO_AH);
    }

    @Test
    void ipv6InstancesAdvertiseToFf02And12FromTheLinkLocal() throws IOException {
        InstancePlan p = plan("version 3\n virtual_ipaddress {\n fd00:99::100/64\n }", "fe80::1");
        assertThat(p.family()).isEqualTo(IpFamily.IPV6);
        assertThat(p.destinations()).extracting(InetAddress::getHostAddress).containsExactly("ff02:0:0:0:0:0:0:12");
        assertThat(p.source().getHostAddress()).startsWith("fe80:");
        assertThat(p.advert().vips().getFirst()).hasSize(16);
    }

    @Test
    void globalMulticastGroupAndNopreemptAreCarriedOver() throws IOException {
        InstancePlan p = plan("global_defs {\n vrrp_mcast_group4 224.0.0.19\n}\n",
                "state BACKUP\n nopreempt\n virtual_ipaddress {\n 10.99.1.100\n }", "10.99.1.1");
        assertThat(p.destinations()).extracting(InetAddress::getHostAddress).containsExactly("224.0.0.19");
        assertThat(p.spec().nopreempt()).isTrue();
    }

    @Test
    void garpSettingsBecomeTheMachinesSchedule() throws IOException {
        InstancePlan p = plan("garp_master_delay 2\n garp_master_repeat 3\n garp_master_refresh 30\n"
                + " virtual_ipaddress {\n 10.99.1.100\n }", "10.99.1.1");
        assertThat(p.spec().garp().masterDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.spec().garp().masterRepeat()).isEqualTo(3);
        assertThat(p.spec().garp().masterRefresh()).isEqualTo(Duration.ofSeconds(30));
    }
}
