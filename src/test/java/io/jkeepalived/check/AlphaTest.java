package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * lab-facts.md, as keepalived 2.2.7 behaves: with alpha a failing first check fires notify_down at once for
 * TCP, DNS, UDP, PING and MISC, after the retries for SMTP, never for HTTP_GET and SSL_GET.
 */
class AlphaTest {
    private static String conf(String checker) {
        return "virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n delay_loop 5\n alpha\n"
                + " real_server 10.0.0.2 80 {\n  notify_down /bin/down\n  " + checker + "\n }\n}\n";
    }

    private static final String TIMING = "   retry 2\n   delay_before_retry 1\n   warmup 0\n";

    @ParameterizedTest
    @ValueSource(strings = {"TCP_CHECK", "UDP_CHECK", "PING_CHECK", "DNS_CHECK", "MISC_CHECK"})
    void failingFirstCheckRunsNotifyDownAtOnce(String kind) {
        String body = kind.equals("MISC_CHECK") ? "   misc_path /bin/false\n" : "";
        Timeline t = new Timeline(conf(kind + " {\n" + body + TIMING + "  }"));
        t.set("10.0.0.2:80", kind.equals("MISC_CHECK") ? new Outcome.Down("exited with status", 1, false)
                : new Outcome.Down("refused"));
        t.start();
        t.runUntil(1);
        assertThat(t.lines).contains("t=1 notify /bin/down");
    }

    @Test
    void smtpFiresNotifyDownAfterItsRetries() {
        Timeline t = new Timeline(conf("SMTP_CHECK {\n" + TIMING + "  }"));
        t.set("10.0.0.2:80", new Outcome.Down("Error connecting to server [10.0.0.2]:80"));
        t.start();
        t.runUntil(2.5);
        assertThat(t.lines).noneMatch(l -> l.contains("notify"));
        t.runUntil(3);
        assertThat(t.lines).contains("t=3 notify /bin/down");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP_GET", "SSL_GET"})
    void webCheckersNeverFireNotifyDownForAServerThatWasNeverUp(String kind) {
        Timeline t = new Timeline(conf(kind + " {\n   url {\n    path /\n   }\n" + TIMING + "  }"));
        t.set("10.0.0.2:80", new Outcome.Down("Connection failed"));
        t.start();
        t.runUntil(60);
        assertThat(t.lines).noneMatch(l -> l.contains("notify"));
    }
}
