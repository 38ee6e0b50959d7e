package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.GlobalDefs;
import org.junit.jupiter.api.Test;

class GlobalDefsTableTest {

    @Test
    void emptyGlobalDefsGivesKeepalivedDefaults() {
        var l = ConfText.load("global_defs {\n}\n");
        assertThat(l.diagnostics()).isEmpty();
        GlobalDefs g = l.config().globalDefs();
        assertThat(g.routerId()).isNull();
        assertThat(g.smtp().port()).isEqualTo(25);
        assertThat(g.smtp().connectTimeoutMicros()).isEqualTo(30_000_000);
        assertThat(g.vrrp().garp().delayMicros()).isEqualTo(5_000_000);
        assertThat(g.vrrp().garp().repeat()).isEqualTo(5);
        assertThat(g.vrrp().garp().refreshRepeat()).isEqualTo(1);
        assertThat(g.vrrp().garp().lowerPrioDelayMicros()).isEqualTo(5_000_000);
        assertThat(g.vrrp().downTimerAdverts()).isEqualTo(3);
        assertThat(g.vrrp().version()).isEqualTo(2);
        assertThat(g.vrrp().mcastGroup4().getHostAddress()).isEqualTo("224.0.0.18");
        assertThat(g.vrrp().mcastGroup6().getHostAddress()).isEqualTo("ff02:0:0:0:0:0:0:12");
        assertThat(g.lvs().flushOnStop()).isEqualTo(GlobalDefs.FlushOnStop.NONE);
    }

    @Test
    void typedValuesAreStored() {
        var l = ConfText.load("""
                global_defs {
                  router_id r1
                  notification_email {
                    a@b.c
                    d@e.f
                  }
                  notification_email_from x@y.z
                  smtp_server 10.99.0.5 2525
                  smtp_connect_timeout 7
                  vrrp_garp_master_delay 10
                  vrrp_garp_master_refresh 60
                  vrrp_version 3
                  vrrp_strict
                  lvs_timeouts tcp 100 tcpfin 5 udp 30
                  lvs_sync_daemon eth0 VI_1 id 5 port 8848
                  lvs_flush_on_stop VS
                  enable_script_security
                  script_user nobody
                }
                """);
        assertThat(l.diagnostics()).isEmpty();
        GlobalDefs g = l.config().globalDefs();
        assertThat(g.routerId()).isEqualTo("r1");
        assertThat(g.smtp().emails()).containsExactly("a@b.c", "d@e.f");
        assertThat(g.smtp().server()).isEqualTo("10.99.0.5");
        assertThat(g.smtp().port()).isEqualTo(2525);
        assertThat(g.smtp().connectTimeoutMicros()).isEqualTo(7_000_000);
        assertThat(g.vrrp().garp().delayMicros()).isEqualTo(10_000_000);
        assertThat(g.vrrp().garp().lowerPrioDelayMicros()).as("unset lower prio delay follows the master delay")
                .isEqualTo(10_000_000);
        assertThat(g.vrrp().garp().refreshMicros()).isEqualTo(60_000_000);
        assertThat(g.vrrp().version()).isEqualTo(3);
        assertThat(g.vrrp().strict()).isTrue();
        assertThat(g.lvs().timeoutTcp()).isEqualTo(100);
        assertThat(g.lvs().timeoutTcpFin()).isEqualTo(5);
        assertThat(g.lvs().timeoutUdp()).isEqualTo(30);
        assertThat(g.lvs().syncDaemon()).isEqualTo(new GlobalDefs.SyncDaemon("eth0", "VI_1", 5, 0, 8848, 0, null));
        assertThat(g.lvs().flushOnStop()).isEqualTo(GlobalDefs.FlushOnStop.VS);
        assertThat(g.scripts().enableScriptSecurity()).isTrue();
        assertThat(g.scripts().scriptUser()).isEqualTo("nobody");
    }

    /** Measured with keepalived 2.2.7 -t: every line below is reported, exit 5. */
    @Test
    void invalidValuesAreReportedOnTheirLinesAsKeepalivedDoes() {
        var l = ConfText.load("""
                global_defs {
                  smtp_connect_timeout 0
                  smtp_alert_vrrp maybe
                  vrrp_garp_master_repeat 0
                  vrrp_garp_lower_prio_repeat x
                  vrrp_down_timer_adverts 200
                  vrrp_version 4
                  vrrp_mcast_group6 ff05::12
                  vrrp_iptables
                  nftables
                  dynamic_interfaces foo
                  lvs_timeouts tcp 100 tcpfin 5 udp
                  lvs_sync_daemon eth0 VI_1 id 300
                  lvs_flush_on_stop XX
                  vrrp_vmac_garp_intvl 10
                  vrrp_process_name averyveryverylongprocessname
                  vrrp_priority 30
                  umask IRWXU
                  max_auto_priority 200
                  vrrp_rx_bufs_policy MTU ADVERT
                  unknown_thing 5
                  vrrp_garp_interval 0.001
                  lvs_flush_onstop
                  enable_snmp_keepalived
                }
                """);
        assertThat(l.lines()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21);
        assertThat(l.exitCode()).isEqualTo(5);
        assertThat(l.has(8, ConfigError.WARNING)).isTrue();
        assertThat(l.has(15, ConfigError.DEPRECATED)).isTrue();
        assertThat(l.has(21, ConfigError.UNKNOWN_KEYWORD)).isTrue();
        assertThat(l.config().globalDefs().vrrp().garp().repeat()).as("0 is made 1").isEqualTo(1);
        assertThat(l.config().globalDefs().vrrp().nftablesTable()).isEqualTo("keepalived");
    }

    @Test
    void aKeywordWhoseValueKeepalivedReadsUncheckedStopsTheLoadWithExit2() {
        var l = ConfText.load("global_defs {\n  router_id\n  smtp_server\n}\n");
        assertThat(l.lines()).containsExactly(2, 3);
        assertThat(l.has(3, ConfigError.MISSING_PARAMETER)).isTrue();
        assertThat(l.exitCode()).isEqualTo(2);
    }

    @Test
    void rootKeywordsOutsideAnyBlock() {
        var l = ConfText.load("""
                net_namespace
                instance foo
                instance bar
                use_pid_dir
                child_wait_time abc
                namespace_with_ipsets
                net_namespace_ipvs
                """);
        assertThat(l.lines()).containsExactly(1, 3, 5);
        GlobalDefs.Root r = l.config().globalDefs().root();
        assertThat(r.instance()).isEqualTo("foo");
        assertThat(r.usePidDir()).isTrue();
        assertThat(r.namespaceWithIpsets()).isTrue();
        assertThat(r.netNamespaceIpvs()).isEmpty();
    }

    @Test
    void minGarpOnlyChangesValuesStillAtTheirDefaults() {
        var l = ConfText.load("global_defs {\n vrrp_garp_master_repeat 3\n vrrp_min_garp\n}\n");
        var garp = l.config().globalDefs().vrrp().garp();
        assertThat(garp.repeat()).isEqualTo(3);
        assertThat(garp.delayMicros()).isZero();
        assertThat(garp.refreshRepeat()).isZero();
    }

    @Test
    void startupScriptWithoutScriptSecurityIsASecurityViolation() {
        var l = ConfText.load("global_defs {\n startup_script /bin/true\n}\n");
        assertThat(l.worst()).isEqualTo(ConfigError.SECURITY_ERROR);
        assertThat(l.exitCode()).isEqualTo(6);
        assertThat(l.config().globalDefs().scripts().startupTimeout()).isEqualTo(10);
    }
}
