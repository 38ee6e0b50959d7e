package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SIGHUP: ipwrapper.c clear_diff_services and migrate_checkers on the checker side. */
class ReloadTest {
    private static final String VS = "[10.0.0.1]:tcp:80";

    private static String rs(int n) {
        return " real_server 10.0.0.1" + n + " 80 {\n  notify_down \"/bin/down " + n + "\"\n"
                + "  TCP_CHECK {\n   retry 0\n   warmup 0\n  }\n }\n";
    }

    private static String conf(String servers) {
        return "virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n delay_loop 5\n" + servers + "}\n";
    }

    @Test
    void sameConfigurationKeepsEveryServersState() {
        Timeline t = new Timeline(conf(rs(1) + rs(2)));
        t.set("10.0.0.12:80", new Outcome.Down("refused"));
        t.start();
        t.runUntil(2);
        assertThat(t.lines).contains("t=1 Removing service [10.0.0.12]:tcp:80 from VS " + VS);
        t.lines.clear();
        int ipvsBefore = t.ipvs.size();
        t.reload(conf(rs(1) + rs(2)));
        t.runUntil(20);
        // nothing moves: the down server stays out without being removed again, the up one stays in
        assertThat(t.lines).containsExactly(
                "t=2 Activating healthchecker for service [10.0.0.11]:tcp:80 for VS " + VS,
                "t=2 Activating healthchecker for service [10.0.0.12]:tcp:80 for VS " + VS);
        assertThat(t.ipvs).hasSize(ipvsBefore);
        t.set("10.0.0.12:80", Outcome.up());
        t.runUntil(30);
        assertThat(t.lines).contains("t=23 Adding service [10.0.0.12]:tcp:80 to VS " + VS);
    }

    @Test
    void aServerGoneFromTheConfigurationIsRemovedWithItsNotifyDown() {
        Timeline t = new Timeline(conf(rs(1) + rs(2)));
        t.start();
        t.runUntil(2);
        t.lines.clear();
        t.reload(conf(rs(1)));
        assertThat(t.lines).startsWith(
                "t=2 service [10.0.0.12]:tcp:80 no longer exist",
                "t=2 Removing service [10.0.0.12]:tcp:80 from VS " + VS,
                "t=2 notify /bin/down 2");
        assertThat(t.scheduler.pool().desired().services().getFirst().dests()).hasSize(1);
    }

    @Test
    void aNewServerJoinsAsAtStartAndAGoneVirtualServerIsRemoved() {
        Timeline t = new Timeline(conf(rs(1)));
        t.start();
        t.runUntil(2);
        t.lines.clear();
        t.reload(conf(rs(1) + rs(3))
                + "virtual_server 10.0.0.2 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n" + rs(4) + "}\n");
        assertThat(t.scheduler.pool().desired().services().getFirst().dests()).hasSize(2);
        t.lines.clear();
        t.reload(conf(rs(1)));
        assertThat(t.lines).startsWith("t=2 service [10.0.0.13]:tcp:80 no longer exist",
                "t=2 Removing service [10.0.0.13]:tcp:80 from VS " + VS);
        assertThat(t.lines).contains("t=2 Removing Virtual Server [10.0.0.2]:tcp:80",
                "t=2 Removing service [10.0.0.14]:tcp:80 from VS [10.0.0.2]:tcp:80");
    }
}
