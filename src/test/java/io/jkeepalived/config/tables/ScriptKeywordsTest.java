package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.Script;
import org.junit.jupiter.api.Test;

/** Script keywords re-read the raw line with keepalived's quoting (alloc_strvec_quoted_escaped). */
class ScriptKeywordsTest {

    private static final String HEAD = """
            global_defs {
              enable_script_security
              script_user root
            }
            """;

    @Test
    void quotedCommandLinesAreSplitIntoArguments() {
        var l = ConfText.load(HEAD + """
                vrrp_script chk {
                  script "/bin/echo 'a b' c"
                  user nobody
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  notify_master "/usr/bin/logger -t vrrp 'became master'" root root
                  track_script {
                    chk
                  }
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                """);
        assertThat(l.diagnostics()).isEmpty();
        Script s = l.config().vrrp().scripts().getFirst().script();
        assertThat(s.argv()).containsExactly("/bin/echo", "a b", "c");
        assertThat(s.user()).isEqualTo("nobody");
        Script n = l.config().vrrp().instances().getFirst().notifyScripts().master();
        assertThat(n.argv()).containsExactly("/usr/bin/logger", "-t", "vrrp", "became master");
        assertThat(n.user()).isEqualTo("root");
        assertThat(n.group()).isEqualTo("root");
    }

    /** Measured: an empty script keyword only empties the vrrp_script; a notify without command exits 2. */
    @Test
    void aScriptWithoutCommand() {
        var l = ConfText.load(HEAD + """
                vrrp_script chk {
                  script
                }
                """);
        assertThat(l.lines()).containsExactly(7);
        var m = ConfText.load(HEAD + """
                vrrp_instance VI_1 {
                  notify_master
                }
                """);
        assertThat(m.exitCode()).isEqualTo(2);
        assertThat(m.lines()).containsExactly(6);
    }

    @Test
    void aNotifyScriptWhoseUserDoesNotExistIsDroppedSilently() {
        var l = ConfText.load(HEAD + """
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  notify_backup "/bin/echo x" nosuchuser
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                """);
        assertThat(l.diagnostics()).isEmpty();
        assertThat(l.config().vrrp().instances().getFirst().notifyScripts().backup()).isNull();
    }

    /** Measured: with enable_script_security and no keepalived_script user, scripts cannot run. */
    @Test
    void scriptSecurityWithoutADefaultUserRemovesTheScript() {
        var l = ConfText.load("""
                global_defs {
                  enable_script_security
                }
                vrrp_script chk {
                  script "/bin/true"
                }
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
                """);
        assertThat(l.lines()).containsExactly(6, 11);
    }

    @Test
    void executableScriptsWithoutScriptSecurityGiveExit6() {
        var l = ConfText.load("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  notify_master /bin/true
                  virtual_ipaddress {
                    10.99.0.10
                  }
                }
                """);
        assertThat(l.exitCode()).isEqualTo(6);
    }

    /** Measured: a vrrp_script whose program is missing is disabled with an error (exit 5). */
    @Test
    void aMissingTrackScriptIsDisabled() {
        var l = ConfText.load(HEAD + """
                vrrp_script chk {
                  script /nonexistent/x
                }
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
                """);
        assertThat(l.exitCode()).isEqualTo(5);
        assertThat(l.diagnostics()).anyMatch(d -> d.message().equals("Disabling track script chk since not found/accessible"));
        assertThat(l.config().vrrp().instances().getFirst().trackScripts()).isEmpty();
    }

    /** Without any vrrp_instance keepalived does not look at scripts at all. */
    @Test
    void noInstanceNoScriptCheck() {
        var l = ConfText.load("vrrp_script chk {\n  script /nonexistent/x\n}\n");
        assertThat(l.exitCode()).isZero();
    }
}
