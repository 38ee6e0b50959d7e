package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ipwrapper.c's quorum with hysteresis, the sorry server, inhibit_on_failure and misc_dynamic weights. */
class QuorumTest {
    private static final String VS = "[10.0.0.1]:tcp:80";

    private static String rs(int n, String extra, String checker) {
        return " real_server 10.0.0.1" + n + " 80 {\n" + extra + "  " + checker + "\n }\n";
    }

    private static final String TCP = "TCP_CHECK {\n   retry 0\n   warmup 0\n  }";

    private static String conf(String vsExtra, String servers) {
        return "virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n delay_loop 5\n" + vsExtra
                + servers + "}\n";
    }

    private static final Outcome DOWN = new Outcome.Down("refused");

    @Test
    void quorumIsLostBelowQuorumMinusHysteresisAndRegainedAtQuorumPlusHysteresis() {
        Timeline t = new Timeline(conf(" quorum 2\n hysteresis 1\n quorum_up /bin/qup\n quorum_down /bin/qdown\n"
                + " sorry_server 10.0.0.99 80\n", rs(1, "", TCP) + rs(2, "", TCP) + rs(3, "", TCP)));
        t.start();
        t.runUntil(2);
        assertThat(t.lines).startsWith("t=0 Gained quorum 2+1=3 <= 3 for VS " + VS, "t=0 notify /bin/qup");
        t.lines.clear();
        t.set("10.0.0.11:80", DOWN);
        t.set("10.0.0.12:80", DOWN);
        t.runUntil(7);
        // live weight 1 is not below quorum - hysteresis = 1: the quorum holds
        assertThat(t.lines).noneMatch(l -> l.contains("quorum"));
        t.lines.clear();
        t.set("10.0.0.13:80", DOWN);
        t.runUntil(12);
        assertThat(t.lines).containsSubsequence(
                "t=11 Removing service [10.0.0.13]:tcp:80 from VS " + VS,
                "t=11 Lost quorum 2-1=1 > 0 for VS " + VS,
                "t=11 Adding sorry server [10.0.0.99]:tcp:80 to VS " + VS,
                "t=11 Removing alive servers from the pool for VS " + VS,
                "t=11 notify /bin/qdown");
        t.lines.clear();
        t.set("10.0.0.11:80", Outcome.up());
        t.set("10.0.0.12:80", Outcome.up());
        t.runUntil(17);
        assertThat(t.lines).noneMatch(l -> l.contains("quorum"));
        t.set("10.0.0.13:80", Outcome.up());
        t.runUntil(22);
        assertThat(t.lines).containsSubsequence(
                "t=21 Adding service [10.0.0.13]:tcp:80 to VS " + VS,
                "t=21 Gained quorum 2+1=3 <= 3 for VS " + VS,
                "t=21 Removing sorry server [10.0.0.99]:tcp:80 from VS " + VS,
                "t=21 Adding alive servers to the pool for VS " + VS,
                "t=21 notify /bin/qup");
        assertThat(t.scheduler.pool().desired().services().getFirst().dests())
                .extracting(d -> d.address().host()).containsExactly("10.0.0.11", "10.0.0.12", "10.0.0.13");
    }

    @Test
    void inhibitedServerIsDisabledToWeightZeroInsteadOfRemoved() {
        Timeline t = new Timeline(conf("", rs(1, "  inhibit_on_failure\n  weight 5\n", TCP)));
        t.start();
        t.set("10.0.0.11:80", DOWN);
        t.runUntil(1);
        assertThat(t.lines).contains("t=1 Disabling service [10.0.0.11]:tcp:80 of VS " + VS);
        assertThat(t.ipvs.getLast()).isEqualTo(new IpvsCommand(IpvsCommand.Kind.EDIT_DEST, VS,
                t.scheduler.pool().virtualServers().getFirst().realServers().getFirst().address, 0));
        t.set("10.0.0.11:80", Outcome.up());
        t.runUntil(6);
        assertThat(t.lines).contains("t=6 Enabling service [10.0.0.11]:tcp:80 of VS " + VS);
        assertThat(t.ipvs.getLast().kind()).isEqualTo(IpvsCommand.Kind.EDIT_DEST);
        assertThat(t.ipvs.getLast().weight()).isEqualTo(5);
    }

    @Test
    void miscDynamicExitStatusSetsTheWeight() {
        String misc = "MISC_CHECK {\n   misc_path /bin/check\n   misc_dynamic\n   warmup 0\n  }";
        Timeline t = new Timeline(conf("", rs(1, "  weight 3\n", misc)));
        t.set("10.0.0.11:80", new Outcome.Up("", 12));
        t.start();
        t.runUntil(1);
        assertThat(t.lines).contains(
                "t=1 Changing weight from 3 to 10 for active service [10.0.0.11]:tcp:80 of VS " + VS,
                "t=1 Misc check for [[10.0.0.11]:tcp:80 VS " + VS + "] by [/bin/check] succeeded.");
        assertThat(t.ipvs.getLast()).extracting(IpvsCommand::kind, IpvsCommand::weight)
                .containsExactly(IpvsCommand.Kind.EDIT_DEST, 10L);
    }

    @Test
    void miscCheckFailureSaysHowManyRetriesFollow() {
        String misc = "MISC_CHECK {\n   misc_path /bin/check\n   retry 2\n   delay_before_retry 1\n   warmup 0\n  }";
        Timeline t = new Timeline(conf("", rs(1, "", misc)));
        t.start();
        t.runUntil(1);
        t.lines.clear();
        t.set("10.0.0.11:80", new Outcome.Down("exited with status", 1, false));
        t.runUntil(9);
        assertThat(t.lines).containsExactly(
                "t=8 Misc check for [[10.0.0.11]:tcp:80 VS " + VS + "] by [/bin/check] failed after 2 retries (exited with status 1).",
                "t=8 Removing service [10.0.0.11]:tcp:80 from VS " + VS,
                "t=8 Lost quorum 1-0=1 > 0 for VS " + VS);
    }

    @Test
    void aServerIsAliveOnlyWhileAllItsCheckersAreUp() {
        String two = TCP + "\n  HTTP_GET {\n   url {\n    path /\n   }\n   retry 0\n   warmup 0\n  }";
        Timeline t = new Timeline(conf("", rs(1, "", two)));
        t.start();
        t.runUntil(1);
        t.lines.clear();
        // both checkers probe the same address, so both fail together, and come back together
        t.set("10.0.0.11:80", DOWN);
        t.runUntil(6);
        assertThat(t.lines.stream().filter(l -> l.contains("Removing service"))).hasSize(1);
        t.set("10.0.0.11:80", new Outcome.Up("HTTP status code", 0));
        t.runUntil(40);
        assertThat(t.lines.stream().filter(l -> l.contains("Adding service"))).hasSize(1);
    }

    @Test
    void shutdownRemovesEveryServerAndRunsDownNotifiersOnlyWithOmega() {
        String notify = "  notify_down /bin/down\n";
        Timeline plain = new Timeline(conf("", rs(1, notify, TCP)));
        plain.start();
        plain.lines.clear();
        plain.scheduler.stop();
        assertThat(plain.lines).containsExactly("t=0 Shutting down service [10.0.0.11]:tcp:80 from VS " + VS);
        Timeline omega = new Timeline(conf(" omega\n quorum_down /bin/qdown\n", rs(1, notify, TCP)));
        omega.start();
        omega.lines.clear();
        omega.scheduler.stop();
        assertThat(omega.lines).containsExactly("t=0 Shutting down service [10.0.0.11]:tcp:80 from VS " + VS,
                "t=0 notify /bin/down", "t=0 notify /bin/qdown");
    }
}
