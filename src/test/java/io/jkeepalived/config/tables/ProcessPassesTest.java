package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigError;
import org.junit.jupiter.api.Test;

/** keepalived -t prints what each of its processes found; each skips the other processes' blocks. */
class ProcessPassesTest {

    /** Measured: the parent and checker skip the instance by braces and stumble on lines 12-15. */
    @Test
    void aBlockWithoutItsOpeningBraceIsReadDifferentlyByTheProcessesThatSkipIt() {
        var l = ConfText.load("""
                vrrp_instance VI_1 extra {
                  interface eth0
                }
                vrrp_instance VI_2
                {
                  interface eth0
                  virtual_router_id 52
                  authentication
                    auth_type PASS
                    auth_pass x
                  }
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                """);
        assertThat(l.lines()).containsExactly(1, 9, 12, 13, 14, 15);
        assertThat(l.has(9, ConfigError.MISSING_BOB)).isTrue();
        assertThat(l.has(13, ConfigError.UNKNOWN_KEYWORD)).isTrue();
    }

    /** Measured: exit 2 from the VRRP process, yet the parent's and checker's findings are printed too. */
    @Test
    void aMissingParameterStopsOnlyTheProcessThatMeetsIt() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  priority
                  advert_int x
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                global_defs {
                  router_id
                  vrrp_version 9
                }
                virtual_server 10.99.0.100 80 {
                  delay_loop x
                }
                """);
        assertThat(l.exitCode()).isEqualTo(2);
        assertThat(l.lines()).contains(4, 11, 12, 15).doesNotContain(5);
        assertThat(l.config()).isNull();
    }

    @Test
    void aMissingParameterInGlobalDefsStopsEverything() {
        var l = ConfText.load("""
                global_defs {
                  smtp_server
                }
                vrrp_instance VI_1 {
                  priority 300
                }
                """);
        assertThat(l.lines()).containsExactly(2);
        assertThat(l.exitCode()).isEqualTo(2);
    }

    @Test
    void globalErrorsAreReportedOnceThoughEveryProcessReadsThem() {
        var l = ConfText.load("global_defs {\n  vrrp_version 9\n}\n");
        assertThat(l.diagnostics()).hasSize(2);
    }

    /** Measured: dynamic_interfaces after the instance still lets its missing interface through. */
    @Test
    void globalDefsLaterInTheFileStillAppliesToInstances() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth9
                  virtual_router_id 51
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                global_defs {
                  dynamic_interfaces
                }
                """);
        assertThat(l.exitCode()).isZero();
    }

    /** Measured: the children skip global_defs by braces, so a nested global_defs hides the rest from them. */
    @Test
    void globalDefsIsReadByTheParentOnly() {
        var l = ConfText.load("""
                global_defs {
                  global_defs {
                    router_id x
                }
                static_rules {
                  to 192.168.100./24 table 1
                }
                """);
        assertThat(l.lines()).containsExactly(2); // the missing '}' is the lexer's
    }
}
