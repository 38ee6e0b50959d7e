package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.Route;
import io.jkeepalived.config.model.SyncGroup;
import org.junit.jupiter.api.Test;

class SyncGroupAndStaticTest {

    /** Measured: lines 8 9 10 14 39 41 42 47 48, a security violation (exit 6), line-less group messages. */
    @Test
    void syncGroupsRoutesAndRules() {
        var l = ConfText.load("""
                vrrp_sync_group G1 {
                  group {
                    VI_1
                    VI_2
                    VI_9
                  }
                  notify_master /bin/true
                  notify_master /bin/false
                  global_tracking
                  smtp_alert bad
                }
                vrrp_sync_group G2 {
                  group {
                  }
                }
                vrrp_sync_group G3 {
                  group {
                    VI_1
                  }
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                vrrp_instance VI_2 {
                  interface eth0
                  virtual_router_id 52
                  virtual_ipaddress {
                    10.99.0.11
                  }
                  virtual_ipaddress_excluded {
                    fe80::5
                    10.99.0.12/24
                  }
                  virtual_routes {
                    10.98.0.0/24 via 10.99.0.2
                    default via 10.99.0.1 dev eth0 metric 5 table 100
                    blackhole 10.97.0.0/16
                    10.96.0.0/16 via fe80::1
                    10.95.0.0/16 dev eth0 mtu lock 1400 onlink
                  }
                  virtual_rules {
                    from 10.99.0.0/24 table 100 priority 10
                    to 10.98.0.0/24 lookup main
                    from all iif eth0 foo bar
                  }
                }
                """);
        assertThat(l.lines()).containsExactly(0, 8, 9, 10, 14, 39, 41, 42, 47, 48);
        assertThat(l.worst()).isEqualTo(ConfigError.SECURITY_ERROR);
        var groups = l.config().vrrp().syncGroups();
        assertThat(groups).extracting(SyncGroup::name).containsExactly("G1");
        assertThat(groups.getFirst().members()).containsExactly("VI_1", "VI_2");
        assertThat(groups.getFirst().trackingWeight()).isTrue();
        var vi2 = l.config().vrrp().instances().get(1);
        assertThat(vi2.excludedVips()).hasSize(2);
        assertThat(vi2.routes()).hasSize(4);
        Route def = vi2.routes().get(1);
        assertThat(def.dst().length()).isZero();
        assertThat(def.table()).isEqualTo(100);
        assertThat(def.metric()).isEqualTo(5L);
        assertThat(def.dev()).isEqualTo("eth0");
        assertThat(vi2.routes().get(2).type()).isEqualTo("blackhole");
        assertThat(vi2.rules()).hasSize(2);
        assertThat(vi2.rules().get(1).priority()).isEqualTo(16384L);
    }

    @Test
    void staticAddressWithoutDevUsesEth0() {
        var l = ConfText.load("static_ipaddress {\n  10.99.0.51/24\n}\n");
        assertThat(l.diagnostics()).isEmpty();
        assertThat(l.config().vrrp().staticAddresses().getFirst().dev()).isEqualTo("eth0");
    }

    @Test
    void staticAddressNeedsAnInterface() {
        var l = ConfText.load("""
                static_ipaddress {
                  10.99.0.50/24 dev eth0
                  10.99.0.51/24
                }
                """, n -> !n.equals("eth0"));
        assertThat(l.lines()).containsExactly(0, 2, 3);
        assertThat(l.has(3, ConfigError.FATAL)).isTrue();
        assertThat(l.diagnostics()).anyMatch(d -> d.kind() == ConfigError.BAD_IF);
        assertThat(l.exitCode()).isEqualTo(5);
    }

    @Test
    void trackGroupGarpGroupAndInterfaceDelays() {
        var l = ConfText.load("""
                track_group TG {
                  group {
                    VI_1
                  }
                }
                static_ipaddress {
                  10.99.0.50/24 dev eth0 track_group TG
                  10.99.0.52/24 dev eth0 track_group NOPE
                }
                garp_group {
                  garp_interval 0.01
                  interfaces {
                    eth0
                    eth1
                  }
                }
                garp_group {
                  interface eth2
                }
                interface_up_down_delays {
                  eth0 1.5 2
                  eth9 1
                }
                linkbeat_interfaces {
                  eth1
                }
                """);
        assertThat(l.lines()).containsExactly(8, 19, 22);
        var v = l.config().vrrp();
        assertThat(v.trackGroups().getFirst().instances()).containsExactly("VI_1");
        assertThat(v.staticAddresses().getFirst().trackGroup()).isEqualTo("TG");
        assertThat(v.garpGroups().getFirst().garpIntervalMicros()).isEqualTo(10_000);
        assertThat(v.garpGroups().getFirst().interfaces()).containsExactly("eth0", "eth1");
        assertThat(v.interfaceDelays().getFirst().downMicros()).isEqualTo(1_500_000);
        assertThat(v.interfaceDelays().getFirst().upMicros()).isEqualTo(2_000_000);
        assertThat(v.linkbeatInterfaces()).containsExactly("eth1");
    }

    @Test
    void linkbeatTakesAPollingTypeAndDelaysStopAt255Seconds() {
        // keepalived 2.2.7 -t: MII, ETHTOOL and IOCTL are polling types; other words, lower case or a
        // third word are "extra characters"; each delay is a timer in [0, 255] s, a fourth word is ignored.
        var l = ConfText.load("""
                linkbeat_interfaces {
                  eth0 MII
                  eth1 ETHTOOL
                  eth2 IOCTL
                  eth3 mii
                  eth0 MII extra
                }
                interface_up_down_delays {
                  eth0 255 255
                  eth1 300
                  eth2 1 255.000001
                  eth3 1 2 3
                }
                """);
        assertThat(l.lines()).containsExactly(5, 6, 10, 11);
        assertThat(l.exitCode()).isEqualTo(5);
        var v = l.config().vrrp();
        assertThat(v.interfaceDelays()).extracting(d -> d.ifname()).containsExactly("eth0", "eth3");
        assertThat(v.interfaceDelays().getLast().upMicros()).isEqualTo(2_000_000);
    }
}
