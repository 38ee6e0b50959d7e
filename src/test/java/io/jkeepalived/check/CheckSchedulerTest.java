package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker timelines of keepalived 2.2.7's check_*.c and ipwrapper.c, on a manual clock. */
class CheckSchedulerTest {
    private static final String RS = "[10.0.0.2]:tcp:80";
    private static final String VS = "[10.0.0.1]:tcp:80";

    private static String conf(String vsExtra, String rsExtra, String checker) {
        return "virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n delay_loop 5\n"
                + vsExtra + " real_server 10.0.0.2 80 {\n  notify_up /bin/up\n  notify_down /bin/down\n" + rsExtra
                + checker + "\n }\n}\n";
    }

    private static final String TCP = "  TCP_CHECK {\n   connect_timeout 2\n   retry 2\n   delay_before_retry 1\n   warmup 0\n  }";

    @Test
    void tcpServerStartsInThePoolAndLeavesItAfterItsRetries() {
        Timeline t = new Timeline(conf("", "", TCP));
        t.start();
        t.runUntil(4);
        assertThat(t.lines).containsExactly(
                "t=0 Gained quorum 1+0=1 <= 1 for VS " + VS,
                "t=0 Activating healthchecker for service " + RS + " for VS " + VS,
                "t=1 TCP connection to " + RS + " success.");
        t.lines.clear();
        t.set("10.0.0.2:80", new Outcome.Down("refused"));
        t.runUntil(20);
        // failures at 6 and 7 are retries (delay_before_retry 1); the third, at 8, takes the server out
        assertThat(t.lines).startsWith(
                "t=8 TCP_CHECK on service " + RS + " failed after 2 retries.",
                "t=8 Removing service " + RS + " from VS " + VS,
                "t=8 notify /bin/down",
                "t=8 Lost quorum 1-0=1 > 0 for VS " + VS);
        t.lines.clear();
        t.set("10.0.0.2:80", Outcome.up());
        t.runUntil(40);
        assertThat(t.lines).containsExactly(
                "t=21 TCP connection to " + RS + " success.",
                "t=21 Adding service " + RS + " to VS " + VS,
                "t=21 notify /bin/up",
                "t=21 Gained quorum 1+0=1 <= 1 for VS " + VS);
        // notify_fifo/lvs_notify_fifo lines (ipwrapper.c notify_fifo_rs/vs); none at start without rs_init_notifies
        assertThat(t.fifo).containsExactly("t=0 VS " + VS + " UP", "t=8 RS " + RS + " " + VS + " DOWN",
                "t=8 VS " + VS + " DOWN", "t=21 RS " + RS + " " + VS + " UP", "t=21 VS " + VS + " UP");
    }

    @Test
    void tcpCheckerThatIsDownAlternatesDelayBeforeRetryAndDelayLoop() {
        Timeline t = new Timeline(conf("", "", "  TCP_CHECK {\n   retry 1\n   delay_before_retry 2\n   warmup 0\n  }"));
        t.set("10.0.0.2:80", new Outcome.Down("refused"));
        t.start();
        t.runUntil(1);
        // the first failure counts at once: the retry budget is spent at start-up (check_data.c)
        assertThat(t.lines).contains("t=1 TCP_CHECK on service " + RS + " failed.", "t=1 Removing service " + RS + " from VS " + VS);
        t.lines.clear();
        t.set("10.0.0.2:80", Outcome.up());
        // down: 1 + delay_loop 5 = 6 fails? no: after the failure retry_it is 0, so next at 6 (delay_loop)
        t.runUntil(6);
        assertThat(t.lines).contains("t=6 TCP connection to " + RS + " success.");
    }

    @Test
    void alphaServerStartsOutOfThePoolAndIsAddedOnItsFirstGoodCheck() {
        Timeline t = new Timeline(conf(" alpha\n", "", TCP));
        t.start();
        t.runUntil(2);
        assertThat(t.lines).containsExactly(
                "t=0 Activating healthchecker for service " + RS + " for VS " + VS,
                "t=1 TCP connection to " + RS + " success.",
                "t=1 Adding service " + RS + " to VS " + VS,
                "t=1 notify /bin/up",
                "t=1 Gained quorum 1+0=1 <= 1 for VS " + VS);
        assertThat(t.ipvs).extracting(c -> c.kind().name()).containsExactly("ADD", "ADD_DEST");
    }

    @Test
    void alphaServerFailingItsFirstTcpCheckRunsNotifyDownAtOnce() {
        Timeline t = new Timeline(conf(" alpha\n", "", TCP));
        t.set("10.0.0.2:80", new Outcome.Down("refused"));
        t.start();
        t.runUntil(2);
        assertThat(t.lines).containsExactly(
                "t=0 Activating healthchecker for service " + RS + " for VS " + VS,
                "t=1 TCP_CHECK on service " + RS + " failed.",
                "t=1 notify /bin/down");
    }

    @Test
    void warmupDelaysTheFirstCheckByARandomPartOfIt() {
        Timeline t = new Timeline(conf("", "", "  TCP_CHECK {\n   warmup 10\n  }"), bound -> bound / 2);
        t.start();
        t.runUntil(5.9);
        assertThat(t.lines).noneMatch(l -> l.contains("TCP connection"));
        t.runUntil(6);
        assertThat(t.lines).contains("t=6 TCP connection to " + RS + " success.");
    }

    @Test
    void warmupDefaultsToDelayLoop() {
        Timeline t = new Timeline(conf("", "", "  TCP_CHECK {\n  }"), bound -> bound);
        t.start();
        t.runUntil(6);
        assertThat(t.lines).contains("t=6 TCP connection to " + RS + " success.");
    }

    @Test
    void httpServerComesBackOnlyAfterTwoGoodChecksOneDelayLoopApart() {
        String http = "  HTTP_GET {\n   url {\n    path /\n   }\n   retry 1\n   delay_before_retry 1\n   warmup 0\n  }";
        Timeline t = new Timeline(conf("", "", http));
        t.start();
        t.runUntil(2);
        assertThat(t.lines).contains("t=1 Remote Web server " + RS + " succeed on service.");
        t.lines.clear();
        t.set("10.0.0.2:80", new Outcome.Down("Connection failed"));
        t.runUntil(10);
        // fails at 6, retries at 7 (delay_before_retry), down at 7
        assertThat(t.lines).containsExactly(
                "t=7 HTTP_CHECK on service " + RS + " failed after 1 retries.",
                "t=7 Removing service " + RS + " from VS " + VS,
                "t=7 notify /bin/down",
                "t=7 Lost quorum 1-0=1 > 0 for VS " + VS);
        t.lines.clear();
        t.set("10.0.0.2:80", new Outcome.Up("HTTP status code", 0));
        t.runUntil(30);
        // down: next probe at 7 + max(delay_before_retry, delay_loop) = 12 → 12 good (the failed url),
        // 17 good (every url) → up
        assertThat(t.lines).containsExactly(
                "t=12 HTTP status code success to " + RS + " url(/)",
                "t=17 HTTP status code success to " + RS + " url(/)",
                "t=17 Remote Web server " + RS + " succeed on service.",
                "t=17 Adding service " + RS + " to VS " + VS,
                "t=17 notify /bin/up",
                "t=17 Gained quorum 1+0=1 <= 1 for VS " + VS);
    }

    @Test
    void alphaHttpServerFailingItsFirstCheckGetsNoNotifyDown() {
        String http = "  HTTP_GET {\n   url {\n    path /\n   }\n   warmup 0\n  }";
        Timeline t = new Timeline(conf(" alpha\n", "", http));
        t.set("10.0.0.2:80", new Outcome.Down("Connection failed"));
        t.start();
        t.runUntil(30);
        assertThat(t.lines).containsExactly("t=0 Activating healthchecker for service " + RS + " for VS " + VS);
    }

    @Test
    void smtpRetriesEvenItsFirstCheck() {
        String smtp = "  SMTP_CHECK {\n   retry 1\n   delay_before_retry 2\n   warmup 0\n  }";
        Timeline t = new Timeline(conf("", "", smtp));
        t.set("10.0.0.2:80", new Outcome.Down("Connection timeout to server [10.0.0.2]:80"));
        t.start();
        t.runUntil(4);
        assertThat(t.lines).containsExactly(
                "t=0 Gained quorum 1+0=1 <= 1 for VS " + VS,
                "t=0 Activating healthchecker for service " + RS + " for VS " + VS,
                "t=3 SMTP_CHECK Connection timeout to server [10.0.0.2]:80",
                "t=3 Removing service " + RS + " from VS " + VS,
                "t=3 notify /bin/down",
                "t=3 Lost quorum 1-0=1 > 0 for VS " + VS);
    }

    @Test
    void dnsFailureIsLoggedWithItsRetries() {
        String dns = "  DNS_CHECK {\n   type A\n   name example.\n   retry 2\n   delay_before_retry 1\n   warmup 0\n  }";
        Timeline t = new Timeline(conf("", "", dns));
        t.start();
        t.runUntil(2);
        t.lines.clear();
        t.set("10.0.0.2:80", new Outcome.Down("read timeout from socket"));
        t.runUntil(9);
        assertThat(t.lines).startsWith(
                "t=8 DNS_CHECK (" + RS + ") read timeout from socket after 2 retries",
                "t=8 Removing service " + RS + " from VS " + VS);
    }
}
