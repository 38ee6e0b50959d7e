package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.Authentication;
import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.model.VrrpInstance;
import org.junit.jupiter.api.Test;

class VrrpInstanceTableTest {

    private static VrrpInstance only(ConfText.Loaded l) {
        assertThat(l.config().vrrp().instances()).hasSize(1);
        return l.config().vrrp().instances().getFirst();
    }

    @Test
    void minimalInstanceGetsKeepalivedDefaults() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  virtual_ipaddress {
                    10.99.0.10/24
                  }
                }
                """);
        assertThat(l.diagnostics()).isEmpty();
        VrrpInstance v = only(l);
        assertThat(v.initialState()).isEqualTo(VrrpInstance.State.BACKUP);
        assertThat(v.priority()).isEqualTo(100);
        assertThat(v.advertIntMicros()).isEqualTo(1_000_000);
        assertThat(v.version()).isEqualTo(2);
        assertThat(v.ipv6()).isFalse();
        assertThat(v.unicastTtl()).isEqualTo(255);
        assertThat(v.accept()).isTrue();
        assertThat(v.garp().repeat()).isEqualTo(5);
        assertThat(v.downTimerAdverts()).isEqualTo(3);
        assertThat(v.smtpAlert()).isFalse();
        assertThat(v.vips()).extracting(VirtualIp::prefix).containsExactly(24);
    }

    @Test
    void stateMasterWithoutPriorityMakesTheAddressOwner() {
        var v = only(ConfText.load("""
                vrrp_instance VI_1 {
                  state MASTER
                  interface eth0
                  virtual_router_id 51
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                """));
        assertThat(v.priority()).isEqualTo(255);
        assertThat(v.initialState()).isEqualTo(VrrpInstance.State.MASTER);
    }

    @Test
    void priority255WithoutStateStartsAsMaster() {
        var v = only(ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  priority 255
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                """));
        assertThat(v.initialState()).isEqualTo(VrrpInstance.State.MASTER);
    }

    /** Measured: keepalived 2.2.7 -t reports lines 8, 12..17 and exits 5. */
    @Test
    void addressOptionErrorsAndAuthTruncation() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  state MASTER
                  interface eth0
                  virtual_router_id 51
                  advert_int 1.5
                  authentication {
                    auth_type PASS
                    auth_pass 123456789
                  }
                  virtual_ipaddress {
                    10.99.0.10/24 dev eth0 label eth0:1
                    10.99.0.11/33
                    10.99.0.12 brd + scope link
                    fe80::1
                    10.99.0.13 dev eth7
                    10.99.0.14 foo
                    10.99.0.15 dev
                  }
                  nopreempt
                  preempt_delay 5
                }
                """, n -> !n.equals("eth7") && ConfText.IFACES.contains(n) || n.equals("eth7") && false);
        assertThat(l.lines()).contains(8, 12, 13, 14, 15, 16, 17);
        assertThat(l.exitCode()).isEqualTo(5);
    }

    @Test
    void addressPrefixIsReadLikeStrtoul() {
        // keepalived 2.2.7 -t: "ADDR/" is prefix 0 with no message, "+5" and "000024" are accepted,
        // while "+", "0x5", "-0" and an over-long number are a number error plus the prefix error.
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  virtual_ipaddress {
                    10.99.0.10/
                    10.99.0.11/+5
                    10.99.0.12/000024
                    fd00:99::1/
                    10.99.0.13/+
                    10.99.0.14/0x5
                    10.99.0.15/-0
                    10.99.0.16/99999999999999999999
                  }
                }
                """);
        assertThat(l.lines()).containsExactly(8, 9, 10, 11, 12); // 8: the v6 address in a v4 instance
        assertThat(l.has(9, ConfigError.INVALID_NUMBER)).isTrue();
        assertThat(l.exitCode()).isEqualTo(5);
        assertThat(only(l).vips()).extracting(VirtualIp::prefix).containsExactly(0, 5, 24, 32, 32, 32, 32);
    }

    @Test
    void addressLineIsTyped() {
        var v = only(ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  virtual_ipaddress {
                    10.99.0.10/24 brd + dev eth1 scope link label eth1:5 no_track
                  }
                  virtual_ipaddress_excluded {
                    fd00:99::5/64 -nodad noprefixroute
                  }
                }
                """));
        VirtualIp ip = v.vips().getFirst();
        assertThat(ip.broadcast().getHostAddress()).isEqualTo("10.99.0.255");
        assertThat(ip.dev()).isEqualTo("eth1");
        assertThat(ip.scope()).isEqualTo(253);
        assertThat(ip.label()).isEqualTo("eth1:5");
        assertThat(ip.noTrack()).isTrue();
        VirtualIp e = v.excludedVips().getFirst();
        assertThat(e.isIpv6()).isTrue();
        assertThat(e.flags()).containsExactlyInAnyOrder(VirtualIp.Flag.NODAD, VirtualIp.Flag.NOPREFIXROUTE);
        assertThat(e.preferredLft()).as("non-/128 IPv6 defaults to forever").isEqualTo(-1L);
    }

    /** Measured: lines 2 4 5 6 7 8 9 10 12 13 14 19 22, exit 5. */
    @Test
    void badValuesAndDuplicateOrNamelessInstances() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  state SLAVE
                  interface eth0
                  virtual_router_id 0
                  priority 0
                  advert_int 0
                  version 4
                  mcast_src_ip 10.99.0.300
                  unicast_ttl 300
                  debug 7
                  smtp_alert yes
                  garp_master_delay x
                  garp_master_repeat 0
                  down_timer_adverts 0
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                vrrp_instance VI_1 {
                  interface eth0
                }
                vrrp_instance {
                }
                """);
        assertThat(l.lines()).containsExactly(0, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 19, 22);
        assertThat(l.exitCode()).isEqualTo(5);
    }

    @Test
    void strictModeForcesItsRules() {
        var l = ConfText.load("""
                global_defs {
                  vrrp_strict
                }
                vrrp_instance VI_1 {
                  interface eth0
                  state MASTER
                  virtual_router_id 51
                  priority 100
                  preempt_delay 10
                  down_timer_adverts 5
                  garp_lower_prio_repeat 3
                  higher_prio_send_advert
                  lower_prio_no_advert false
                  authentication {
                    auth_type PASS
                    auth_pass secret
                  }
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                """);
        VrrpInstance v = only(l);
        assertThat(l.lines()).containsExactly(0);
        assertThat(v.strict()).isTrue();
        assertThat(v.initialState()).isEqualTo(VrrpInstance.State.BACKUP);
        assertThat(v.authentication()).isNull();
        assertThat(v.preemptDelayMicros()).isZero();
        assertThat(v.downTimerAdverts()).isEqualTo(3);
        assertThat(v.garp().lowerPrioRepeat()).isZero();
        assertThat(v.lowerPrioNoAdvert()).isTrue();
        assertThat(v.higherPrioSendAdvert()).isFalse();
        assertThat(v.accept()).isFalse();
    }

    @Test
    void authenticationIsKeptForVersion2() {
        var v = only(ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  authentication {
                    auth_type AH
                    auth_pass secret
                  }
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                """));
        assertThat(v.authentication()).isEqualTo(new Authentication(Authentication.Type.AH, "secret"));
    }

    @Test
    void ipv6InstanceBecomesVersion3AndAdvertIntervalIsRoundedForV2() {
        var l = ConfText.load("""
                vrrp_instance V6 {
                  interface eth0
                  virtual_router_id 51
                  advert_int 0.333
                  virtual_ipaddress {
                    fe80::10
                  }
                }
                vrrp_instance V4 {
                  interface eth0
                  virtual_router_id 52
                  advert_int 1.5
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                """);
        var v6 = l.config().vrrp().instances().get(0);
        var v4 = l.config().vrrp().instances().get(1);
        assertThat(v6.version()).isEqualTo(3);
        assertThat(v6.advertIntMicros()).isEqualTo(330_000);
        assertThat(v4.advertIntMicros()).isEqualTo(2_000_000);
        assertThat(l.lines()).containsExactly(0);
    }

    @Test
    /** keepalived's VRRP process reads instances after the parent has read all of global_defs. */
    void globalDefsAppliesToInstancesWhereverItIs() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                global_defs {
                  vrrp_garp_master_repeat 9
                }
                vrrp_instance VI_2 {
                  interface eth0
                  virtual_router_id 52
                  virtual_ipaddress {
                    10.99.0.11
                  }
                }
                """);
        assertThat(l.config().vrrp().instances().get(0).garp().repeat()).isEqualTo(9);
        assertThat(l.config().vrrp().instances().get(1).garp().repeat()).isEqualTo(9);
    }

    @Test
    void nonExistentInterfaceStopsTheVrrpSideWithBadIf() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth9
                  virtual_router_id 51
                  virtual_ipaddress {
                    10.99.0.10/24
                  }
                }
                """);
        assertThat(l.lines()).containsExactly(0, 2);
        assertThat(l.diagnostics()).anyMatch(d -> d.kind() == ConfigError.BAD_IF && d.line() == 0);
        assertThat(l.exitCode()).isEqualTo(5);
    }

    @Test
    void dynamicInterfacesAcceptsAnInterfaceThatDoesNotExistYet() {
        var l = ConfText.load("""
                global_defs {
                  dynamic_interfaces
                }
                vrrp_instance VI_1 {
                  interface eth9
                  virtual_router_id 51
                  virtual_ipaddress {
                    10.99.0.10/24
                  }
                }
                """);
        assertThat(l.diagnostics()).isEmpty();
        assertThat(only(l).interfaceName()).isEqualTo("eth9");
    }

    /** Measured: lines 11 30 36 37 38 40 41 43 and a line-less deprecation, exit 5. */
    @Test
    void unicastVmacAndDeprecatedInstanceKeywords() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  unicast_src_ip 10.99.0.1
                  use_vmac
                  unicast_ttl 5
                  mcast_dst_ip 224.0.0.20
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                vrrp_instance VI_2 {
                  virtual_router_id 52
                  unicast_src_ip 10.99.0.1
                  unicast_peer {
                    10.99.0.2
                  }
                  virtual_ipaddress {
                    10.99.0.11
                  }
                }
                vrrp_instance VI_3 {
                  interface eth0
                  virtual_router_id 53
                  virtual_ipaddress {
                    fe80::10
                    2001:db8::1
                  }
                  native_ipv6
                  version 2
                }
                vrrp_instance VI_4 {
                  interface eth0
                  virtual_router_id 54
                  vmac_xmit_base
                  linkbeat_use_polling
                  lvs_sync_daemon_interface eth0
                  vmac_garp_intvl 5
                  skip_check_adv_addr false
                  strict_mode maybe
                  kernel_rx_buf_size
                  notify_deleted
                  notify_deleted
                  virtual_ipaddress {
                    10.99.0.13
                  }
                }
                """);
        assertThat(l.lines()).containsExactly(0, 11, 30, 36, 37, 38, 40, 41, 43);
        assertThat(l.has(38, ConfigError.DEPRECATED)).isTrue();
        // keepalived 2.2.7's chk_min_cfg wants an interface even with unicast: the VRRP side stops there
        assertThat(l.diagnostics()).anyMatch(d -> d.message().equals("(VI_2) Unknown interface!"));
        assertThat(l.config().vrrp().instances()).isEmpty();
    }
}
