package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.TrackFile;
import io.jkeepalived.config.model.TrackProcess;
import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.config.model.VrrpScript;
import org.junit.jupiter.api.Test;

class TrackersTableTest {

    private static final String INSTANCE_TAIL = """
              virtual_ipaddress {
                10.99.0.10
              }
            }
            """;

    @Test
    void vrrpScriptDefaultsAndTrackingWeights() {
        var l = ConfText.load("""
                global_defs {
                  enable_script_security
                  script_user root
                }
                vrrp_script chk {
                  script "/bin/true"
                  weight -20 reverse
                  rise 2
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  track_script {
                    chk
                  }
                """ + INSTANCE_TAIL);
        assertThat(l.diagnostics()).isEmpty();
        VrrpScript s = l.config().vrrp().scripts().getFirst();
        assertThat(s.intervalMicros()).isEqualTo(1_000_000);
        assertThat(s.timeoutMicros()).as("timeout defaults to the interval").isEqualTo(1_000_000);
        assertThat(s.weight()).isEqualTo(-20);
        assertThat(s.reverse()).isTrue();
        assertThat(s.rise()).isEqualTo(2);
        assertThat(s.fall()).isEqualTo(1);
        assertThat(s.script().argv()).containsExactly("/bin/true");
        assertThat(l.config().vrrp().instances().getFirst().trackScripts())
                .containsExactly(new Tracked("chk", -20, true));
    }

    /** Measured with keepalived 2.2.7 -t (lines 3..46). */
    @Test
    void trackerBlockErrorsAndReferences() {
        var l = ConfText.load("""
                vrrp_script chk {
                  script "/bin/true"
                  interval 0
                  timeout x
                  weight 300
                  rise 0
                  fall abc
                  init_fail
                  user nosuchuser
                }
                vrrp_script chk2 {
                  interval 2
                }
                vrrp_script chk3 {
                  script "/bin/false"
                  weight -20 reverse
                }
                track_file tf {
                  file /tmp/vc/tf
                  weight 500
                  init_file 5 overwrite
                }
                vrrp_track_file tf2 {
                  weight 2
                }
                vrrp_track_process tp {
                  process sshd -D
                  weight 300
                  quorum 0
                  quorum_max 2
                  delay 5000
                  param_match exact
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  track_script {
                    chk
                    chk3 weight 254
                    chk3
                    chk2 weight
                  }
                  track_interface {
                    eth1 weight 254 reverse
                    eth9
                    eth2 foo
                  }
                """ + INSTANCE_TAIL);
        assertThat(l.lines()).contains(3, 4, 5, 6, 7, 9, 13, 20, 25, 28, 29, 31, 32, 38, 39, 40, 41, 44, 45, 46);
        var v = l.config().vrrp();
        assertThat(v.scripts()).extracting(VrrpScript::name).containsExactly("chk3");
        TrackFile tf = v.trackFiles().getFirst();
        assertThat(tf.weight()).as("an invalid weight leaves 1").isEqualTo(1);
        assertThat(tf.init()).isEqualTo(TrackFile.Init.OVERWRITE);
        assertThat(tf.initValue()).isEqualTo(5);
        TrackProcess tp = v.trackProcesses().getFirst();
        assertThat(tp.params()).containsExactly("-D");
        assertThat(tp.quorum()).isEqualTo(1);
        assertThat(tp.quorumMax()).isEqualTo(2);
    }

    @Test
    void trackedObjectsMustBeDefinedBeforeTheInstance() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  track_script {
                    chk
                  }
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                vrrp_script chk {
                  script "/bin/true"
                }
                """);
        assertThat(l.lines()).contains(5);
        assertThat(l.config().vrrp().instances().getFirst().trackScripts()).isEmpty();
    }

    @Test
    void bfdInstanceDefaults() {
        var l = ConfText.load("""
                bfd_instance b1 {
                  neighbor_ip 10.99.0.2
                  weight 20
                }
                bfd_instance b2 {
                  min_rx 5000.5
                }
                """);
        assertThat(l.lines()).containsExactly(7);
        var b = l.config().vrrp().bfdInstances().getFirst();
        assertThat(b.minRxMicros()).isEqualTo(10_000);
        assertThat(b.multiplier()).isEqualTo(5);
        assertThat(b.ttl()).isEqualTo(255);
        assertThat(b.weight()).isEqualTo(20);
        assertThat(b.toVrrp()).isTrue();
        assertThat(b.toChecker()).isTrue();
    }
}
