package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.Forwarding;
import io.jkeepalived.config.model.RealServer;
import io.jkeepalived.config.model.SorryServer;
import io.jkeepalived.config.model.VirtualServer;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LvsRealServerTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void realServerInheritsFromVirtualServer() {
        VirtualServer vs = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    delay_loop 7
                    connect_timeout 2
                    weight 5
                    real_server 10.0.0.2 {
                    }
                    real_server 10.0.0.3 8080 {
                        weight 0
                        delay_loop 3
                        uthreshold 100
                        lthreshold 10
                        notify_up /nonexistent/up
                        virtualhost rs.example.com
                    }
                }
                """).lvs().virtualServers().getFirst();
        RealServer a = vs.realServers().get(0);
        RealServer b = vs.realServers().get(1);
        assertThat(a.address().port()).isEqualTo(80); // NAT: missing port taken from the service
        assertThat(a.weight()).isEqualTo(5);
        assertThat(a.delayLoop()).isEqualTo(Duration.ofSeconds(7));
        assertThat(a.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(a.smtpAlert()).isTrue(); // keepalived's backward-compatible default for real servers
        assertThat(a.forwarding()).isEqualTo(Forwarding.NAT);
        assertThat(b.address().port()).isEqualTo(8080); // NAT may change the port
        assertThat(b.weight()).isZero();
        assertThat(b.delayLoop()).isEqualTo(Duration.ofSeconds(3));
        assertThat(b.upperThreshold()).isEqualTo(100);
        assertThat(b.lowerThreshold()).isEqualTo(10);
        assertThat(b.notifyUp()).hasValueSatisfying(s -> assertThat(s.argv()).containsExactly("/nonexistent/up"));
        assertThat(b.virtualhost()).hasValue("rs.example.com");
        assertThat(b.line()).isEqualTo(10);
    }

    @Test
    void directRoutingResetsAMismatchedPortWithAWarning() throws Exception {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method DR
                    real_server 10.0.0.2 81 {
                    }
                }
                """);
        assertThat(r.lvs().virtualServers().getFirst().realServers().getFirst().address())
                .isEqualTo(new Endpoint(ip("10.0.0.2"), 80));
        assertThat(r.messages()).containsExactly(
                "WARNING - virtual server [10.0.0.1]:tcp:80 and real server [10.0.0.2]:tcp:81 ports don't match - resetting");
    }

    @Test
    void secondIdenticalRealServerIsRemoved() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    real_server 10.0.0.2 80 {
                        weight 2
                    }
                    real_server 10.0.0.2 80 {
                        weight 3
                    }
                }
                """);
        assertThat(r.lvs().virtualServers().getFirst().realServers()).singleElement()
                .satisfies(rs -> assertThat(rs.weight()).isEqualTo(2));
        assertThat(r.messages()).containsExactly(
                "VS [10.0.0.1]:tcp:80: real server [10.0.0.2]:tcp:80 is duplicated - removing second rs");
    }

    @Test
    void sorryServerTakesTheServiceMethodAndKnowsWhenItIsAlsoARealServer() throws Exception {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    sorry_server 10.0.0.2 80
                    sorry_server_inhibit
                    real_server 10.0.0.2 80 {
                        inhibit_on_failure
                    }
                }
                """);
        assertThat(r.diagnostics()).isEmpty();
        SorryServer s = r.lvs().virtualServers().getFirst().sorryServer().orElseThrow();
        assertThat(s).isEqualTo(new SorryServer(new Endpoint(ip("10.0.0.2"), 80), Forwarding.NAT, true, true));
    }

    @Test
    void sorryServerOfTheOtherFamilyIsDroppedAtTheClosingBrace() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    sorry_server 2001:db8::9 80
                    real_server 10.0.0.2 80 {
                    }
                }
                """);
        assertThat(r.lvs().virtualServers().getFirst().sorryServer()).isEmpty();
        assertThat(r.messages()).containsExactly("(test.conf: Line 8) Address family of virtual server and sorry server "
                + "2001:db8::9 don't match - skipping sorry server.");
    }

    @Test
    void tunnelledRealServerMayUseTheOtherFamily() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 2001:db8::1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method DR
                    real_server 10.0.0.2 80 {
                        lvs_method TUN
                    }
                }
                """);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.lvs().virtualServers().getFirst().realServers().getFirst().forwarding().method())
                .isEqualTo(Forwarding.Method.TUN);
    }
}
