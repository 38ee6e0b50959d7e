package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.AddressFamily;
import io.jkeepalived.config.model.Forwarding;
import io.jkeepalived.config.model.Protocol;
import io.jkeepalived.config.model.VirtualServer;
import io.jkeepalived.config.model.VirtualServer.ServiceFlag;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LvsVirtualServerTest {

    private static VirtualServer only(String conf) {
        LvsFixture.Result r = LvsFixture.parse(conf);
        assertThat(r.lvs().virtualServers()).hasSize(1);
        return r.lvs().virtualServers().getFirst();
    }

    @Test
    void minimalServerGetsKeepalivedDefaults() {
        VirtualServer vs = only("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    real_server 10.0.0.2 80 {
                    }
                }
                """);
        assertThat(vs.service()).isInstanceOf(VirtualServer.Service.Address.class);
        assertThat(vs.family()).isEqualTo(AddressFamily.INET);
        assertThat(vs.protocol()).isEqualTo(Protocol.TCP);
        assertThat(vs.scheduler()).isEqualTo("rr");
        assertThat(vs.forwarding()).isEqualTo(Forwarding.NAT);
        assertThat(vs.delayLoop()).isEqualTo(Duration.ofSeconds(60));
        assertThat(vs.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(vs.quorum()).isEqualTo(1);
        assertThat(vs.hysteresis()).isZero();
        assertThat(vs.weight()).isEqualTo(1);
        assertThat(vs.persistenceTimeout()).isZero();
        assertThat(vs.smtpAlert()).isFalse();
        assertThat(vs.retry()).isEmpty();
        assertThat(vs.label()).isEqualTo("[10.0.0.1]:tcp:80");
    }

    @Test
    void missingProtocolSchedulerAndMethodDefaultWithErrorsWithoutLine() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    real_server 10.0.0.2 80 {
                    }
                }
                """);
        VirtualServer vs = r.lvs().virtualServers().getFirst();
        assertThat(vs.protocol()).isEqualTo(Protocol.UDP);
        assertThat(vs.scheduler()).isEqualTo("wlc");
        assertThat(vs.realServers().getFirst().forwarding()).isEqualTo(Forwarding.NAT);
        assertThat(r.messages()).containsExactly(
                "Virtual server [10.0.0.1]:none:80: no protocol set - defaulting to UDP",
                "Virtual server [10.0.0.1]:udp:80: no scheduler set, setting default 'wlc'",
                "Virtual server [10.0.0.1]:udp:80: no forwarding method set, setting default NAT");
        assertThat(r.worst()).isEqualTo(ConfigError.GENERAL_ERROR);
    }

    @Test
    void serverWithoutRealServersIsDropped() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.5 80 {
                    protocol TCP
                }
                """);
        assertThat(r.lvs().virtualServers()).isEmpty();
        assertThat(r.messages()).containsExactly("Virtual server [10.0.0.5]:tcp:80 has no real servers - ignoring");
    }

    @Test
    void lbAlgoAndLbKindAreSilentAliases() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lb_algo sh
                    lb_kind DR
                    sh-port
                    sh-fallback
                    real_server 10.0.0.2 {
                    }
                }
                """);
        VirtualServer vs = r.lvs().virtualServers().getFirst();
        assertThat(r.diagnostics()).isEmpty();
        assertThat(vs.scheduler()).isEqualTo("sh");
        assertThat(vs.forwarding().method()).isEqualTo(Forwarding.Method.DR);
        assertThat(vs.flags()).containsExactlyInAnyOrder(ServiceFlag.SH_PORT, ServiceFlag.SH_FALLBACK);
        // DR: the real server takes the service's port
        assertThat(vs.realServers().getFirst().address().port()).isEqualTo(80);
    }

    @Test
    void schedulerFlagBeforeSchedulerIsAnErrorOnItsLine() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    mh-port
                    lvs_sched mh
                    mh-port
                    real_server 10.0.0.2 80 {
                    }
                }
                """);
        assertThat(r.lines()).containsExactly(0, 3);
        assertThat(r.messages().getFirst()).isEqualTo("(test.conf: Line 3) mh-port only applies to sh scheduler - ignoring");
        assertThat(r.lvs().virtualServers().getFirst().flags()).containsExactly(ServiceFlag.MH_PORT);
    }

    @Test
    void persistenceTimeoutAloneMeans360AndZeroPortForcesIt() {
        VirtualServer a = only("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    persistence_timeout
                    persistence_granularity 255.255.255.0
                    real_server 10.0.0.2 80 {
                    }
                }
                """);
        assertThat(a.persistenceTimeout()).isEqualTo(360);
        assertThat(a.persistenceGranularity()).hasValue(0xFFFFFF00L);
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    real_server 10.0.0.2 {
                    }
                }
                """);
        assertThat(r.lvs().virtualServers().getFirst().persistenceTimeout()).isEqualTo(360);
        assertThat(r.messages()).containsExactly(
                "Virtual server [10.0.0.1]:tcp:0: zero port only valid for persistent services - setting");
    }

    @Test
    void tunnelOptionsAreParsed() {
        VirtualServer vs = only("""
                virtual_server 10.0.0.1 80 {
                    protocol UDP
                    lvs_sched rr
                    lvs_method TUN type gue port 6080 remcsum
                    real_server 10.0.0.2 80 {
                    }
                    real_server 10.0.0.3 80 {
                        lvs_method TUN type gre csum
                    }
                }
                """);
        assertThat(vs.forwarding()).isEqualTo(new Forwarding(Forwarding.Method.TUN, Forwarding.TunnelType.GUE, 6080,
                Forwarding.TunnelChecksum.REMCSUM));
        assertThat(vs.realServers().get(0).forwarding()).isEqualTo(vs.forwarding());
        assertThat(vs.realServers().get(1).forwarding()).isEqualTo(new Forwarding(Forwarding.Method.TUN,
                Forwarding.TunnelType.GRE, 0, Forwarding.TunnelChecksum.CSUM));
    }

    @Test
    void badTunnelOptionKeepsMethodButNotOptions() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method TUN type ipip csum
                    real_server 10.0.0.2 80 {
                    }
                }
                """);
        assertThat(r.lines()).containsExactly(4);
        assertThat(r.lvs().virtualServers().getFirst().forwarding()).isEqualTo(Forwarding.of(Forwarding.Method.TUN));
    }

    @Test
    void quorumAboveTotalWeightIsReducedAndHysteresisFollows() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    quorum 10
                    hysteresis 5
                    weight 2
                    real_server 10.0.0.2 80 {
                    }
                    real_server 10.0.0.3 80 {
                        weight 1
                    }
                }
                """);
        VirtualServer vs = r.lvs().virtualServers().getFirst();
        assertThat(vs.quorum()).isEqualTo(3);
        assertThat(vs.hysteresis()).isEqualTo(2);
        assertThat(vs.realServers()).extracting(rs -> rs.weight()).containsExactly(2L, 1L);
        assertThat(r.lines()).containsExactly(0);
    }

    @Test
    void fwmarkServiceIgnoresProtocolAndClearsNonNatPorts() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server fwmark 5 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method DR
                    real_server 10.0.0.2 81 {
                    }
                }
                """);
        VirtualServer vs = r.lvs().virtualServers().getFirst();
        assertThat(vs.service()).isEqualTo(new VirtualServer.Service.Fwmark(5));
        assertThat(vs.protocol()).isEqualTo(Protocol.NONE);
        assertThat(vs.family()).isEqualTo(AddressFamily.INET);
        assertThat(vs.realServers().getFirst().address().port()).isZero();
        assertThat(r.messages()).containsExactly(
                "Warning: Virtual server FWM 5: protocol specified for fwmark - protocol will be ignored",
                "WARNING - fwmark virtual server FWM 5, real server [10.0.0.2]:none:81 has port specified - clearing");
    }

    @Test
    void invalidAddressSkipsTheWholeBlock() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 10.0.0.300 80 {
                    protocol TCP
                    bogus_keyword
                    real_server 10.0.0.3 80 {
                    }
                }
                """);
        assertThat(r.lvs().virtualServers()).isEmpty();
        assertThat(r.messages()).containsExactly("(test.conf: Line 1) Invalid virtual server IP address/port 10.0.0.300/80 - skipping");
    }

    @Test
    void scriptsAndFlagsAreKept() {
        VirtualServer vs = only("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    alpha
                    omega
                    inhibit_on_failure
                    quorum_up "/nonexistent/up.sh arg1 'two words'" nobody
                    virtualhost www.example.com
                    snmp_name vs1
                    smtp_alert
                    retry 4
                    delay_before_retry 2.5
                    warmup 0
                    real_server 10.0.0.2 80 {
                    }
                }
                """);
        assertThat(vs.alpha()).isTrue();
        assertThat(vs.omega()).isTrue();
        assertThat(vs.inhibitOnFailure()).isTrue();
        assertThat(vs.quorumUp()).hasValueSatisfying(s -> {
            assertThat(s.argv()).containsExactly("/nonexistent/up.sh", "arg1", "two words");
            assertThat(s.user()).isEqualTo("nobody");
        });
        assertThat(vs.virtualhost()).hasValue("www.example.com");
        assertThat(vs.snmpName()).hasValue("vs1");
        assertThat(vs.smtpAlert()).isTrue();
        assertThat(vs.retry()).hasValue(4);
        assertThat(vs.delayBeforeRetry()).hasValue(Duration.ofMillis(2500));
        assertThat(vs.warmup()).hasValue(Duration.ZERO);
        var rs = vs.realServers().getFirst();
        assertThat(rs.alpha()).isTrue();
        assertThat(rs.inhibitOnFailure()).isTrue();
        assertThat(rs.retry()).hasValue(4);
        assertThat(rs.smtpAlert()).isTrue();
    }

    @Test
    void ipv6ServerKeepsItsFamilyAndRejectsIpv4RealServer() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server 2001:db8::1 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    real_server 2001:db8::2 80 {
                    }
                    real_server 10.0.0.3 80 {
                    }
                }
                """);
        VirtualServer vs = r.lvs().virtualServers().getFirst();
        assertThat(vs.family()).isEqualTo(AddressFamily.INET6);
        assertThat(vs.realServers()).hasSize(1);
        assertThat(r.messages()).containsExactly("(test.conf: Line 8) Address family of virtual server and real server 10.0.0.3 don't match - skipping real server.");
    }
}
