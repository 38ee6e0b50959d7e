package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.BfdCheck;
import io.jkeepalived.config.model.Checker;
import io.jkeepalived.config.model.DnsCheck;
import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.FileCheck;
import io.jkeepalived.config.model.HttpGetCheck;
import io.jkeepalived.config.model.HttpProtocol;
import io.jkeepalived.config.model.MiscCheck;
import io.jkeepalived.config.model.SmtpCheck;
import io.jkeepalived.config.model.SslGetCheck;
import io.jkeepalived.config.model.TcpCheck;
import io.jkeepalived.config.model.UdpCheck;
import io.jkeepalived.config.model.Url;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTablesTest {

    /** One VS :80 with one RS 10.0.0.2 holding {@code body} (starting at line 6). */
    private static LvsFixture.Result rs(String rsKeywords, String body) {
        return LvsFixture.parse("virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n"
                + " real_server 10.0.0.2 80 {\n" + rsKeywords + body + "\n }\n}\n");
    }

    private static List<Checker> checkers(LvsFixture.Result r) {
        return r.lvs().virtualServers().getFirst().realServers().getFirst().checkers();
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void tcpCheckDefaultsComeFromRealServerThenVirtualServer() throws Exception {
        LvsFixture.Result r = rs(" connect_timeout 3\n", "TCP_CHECK {\n}\n");
        TcpCheck t = (TcpCheck) checkers(r).getFirst();
        assertThat(r.diagnostics()).isEmpty();
        assertThat(t.connection().destination()).isEqualTo(new Endpoint(ip("10.0.0.2"), 80));
        assertThat(t.connection().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(t.connection().bindTo()).isEmpty();
        assertThat(t.timing().retry()).isEqualTo(1);
        assertThat(t.timing().delayLoop()).isEqualTo(Duration.ofSeconds(60));
        assertThat(t.timing().warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(t.timing().delayBeforeRetry()).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.timing().alpha()).isFalse();
    }

    @Test
    void connectionKeywordsAreApplied() throws Exception {
        LvsFixture.Result r = rs("", """
                TCP_CHECK {
                    connect_ip 10.0.0.9
                    connect_port 8080
                    bindto 10.0.0.1
                    bind_port 4000
                    bind_if eth0
                    connect_timeout 0.5
                    fwmark 7
                    retry 0
                    delay_before_retry 0.25
                    warmup 2
                    delay_loop 10
                    alpha
                    log_all_failures
                }
                """);
        TcpCheck t = (TcpCheck) checkers(r).getFirst();
        assertThat(r.diagnostics()).isEmpty();
        assertThat(t.connection().destination()).isEqualTo(new Endpoint(ip("10.0.0.9"), 8080));
        assertThat(t.connection().bindTo()).contains(new Endpoint(ip("10.0.0.1"), 4000));
        assertThat(t.connection().bindInterface()).contains("eth0");
        assertThat(t.connection().connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(t.connection().fwmark()).isEqualTo(7);
        assertThat(t.timing()).isEqualTo(new io.jkeepalived.config.model.CheckTiming(0, Duration.ofMillis(250),
                Duration.ofSeconds(2), Duration.ofSeconds(10), true, true));
    }

    @Test
    void linkLocalDestinationWithoutBindIfDropsTheChecker() {
        LvsFixture.Result r = rs("", "PING_CHECK {\n connect_ip fe80::1\n}\n");
        assertThat(checkers(r)).isEmpty();
        assertThat(r.messages()).containsExactly("(test.conf: Line 8) Checker link local address fe80::1 requires a bind_if");
    }

    @Test
    void httpGetUrlsWithDefaultsAndDeprecatedNbGetRetry() {
        LvsFixture.Result r = rs("", """
                HTTP_GET {
                    url {
                        path /health
                        digest 9B3A0C85A887A256D6939DA88AABD8CD
                        status_code 200 301-302
                        virtualhost a.example.com
                    }
                    url {
                        path /
                        regex_options caseless
                    }
                    nb_get_retry 4
                    http_protocol 1.0C
                    fast_recovery
                }
                """);
        HttpGetCheck h = (HttpGetCheck) checkers(r).getFirst();
        assertThat(r.messages()).containsExactly("(test.conf: Line 17) nb_get_retry is deprecated - please use 'retry'");
        assertThat(r.diagnostics().getFirst().kind()).isEqualTo(io.jkeepalived.config.ConfigError.DEPRECATED);
        assertThat(h.urls()).hasSize(2);
        Url u = h.urls().getFirst();
        assertThat(u.path()).isEqualTo("/health");
        assertThat(u.digest()).hasValue("9b3a0c85a887a256d6939da88aabd8cd");
        assertThat(u.statusCodes()).containsExactly(new Url.StatusRange(200, 200), new Url.StatusRange(301, 302));
        assertThat(u.virtualhost()).hasValue("a.example.com");
        assertThat(h.urls().get(1).statusCodes()).containsExactly(new Url.StatusRange(200, 299));
        assertThat(h.urls().get(1).regexOptions()).isEmpty(); // no regex: its options are dropped
        assertThat(h.timing().retry()).isEqualTo(4);
        assertThat(h.timing().delayBeforeRetry()).isEqualTo(Duration.ofSeconds(3));
        assertThat(h.protocol()).isEqualTo(HttpProtocol.HTTP_1_0C);
        assertThat(h.fastRecovery()).isTrue();
    }

    @Test
    void httpGetWithoutUrlsIsDropped() {
        LvsFixture.Result r = rs("", "HTTP_GET {\n url {\n digest 123\n }\n}\n");
        assertThat(checkers(r)).isEmpty();
        assertThat(r.lines()).containsExactly(8, 9, 10);
    }

    @Test
    void sslGetCarriesSniAndRootSslBlock() {
        LvsFixture.Result r = LvsFixture.parse("""
                SSL {
                    password pw
                    ca /ca.pem
                }
                virtual_server 10.0.0.1 443 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method DR
                    real_server 10.0.0.2 443 {
                        SSL_GET {
                            url {
                                path /
                            }
                            enable_sni
                        }
                    }
                }
                """);
        assertThat(r.diagnostics()).isEmpty();
        SslGetCheck s = (SslGetCheck) checkers(r).getFirst();
        assertThat(s.enableSni()).isTrue();
        assertThat(r.lvs().ssl()).hasValueSatisfying(ssl -> {
            assertThat(ssl.password()).hasValue("pw");
            assertThat(ssl.ca()).hasValue("/ca.pem");
            assertThat(ssl.certificate()).isEmpty();
        });
    }

    @Test
    void smtpHostBlocksBecomeCheckersOfTheirOwn() throws Exception {
        LvsFixture.Result r = rs("", """
                SMTP_CHECK {
                    retry 2
                    host {
                        connect_ip 10.0.0.4
                        connect_port 2525
                    }
                    host {
                        connect_ip 10.0.0.5
                    }
                }
                """);
        assertThat(r.diagnostics()).isEmpty();
        List<Checker> cs = checkers(r);
        assertThat(cs).hasSize(2).allMatch(c -> c instanceof SmtpCheck);
        SmtpCheck a = (SmtpCheck) cs.get(0);
        SmtpCheck b = (SmtpCheck) cs.get(1);
        assertThat(a.connection().destination()).isEqualTo(new Endpoint(ip("10.0.0.4"), 2525));
        assertThat(b.connection().destination()).isEqualTo(new Endpoint(ip("10.0.0.5"), 80));
        assertThat(a.heloName()).isEqualTo(SmtpCheck.DEFAULT_HELO);
        assertThat(b.timing().retry()).isEqualTo(2);
    }

    @Test
    void dnsCheckDefaults() {
        LvsFixture.Result r = rs(" delay_loop 7\n", "DNS_CHECK {\n type aaaa\n}\n");
        DnsCheck d = (DnsCheck) checkers(r).getFirst();
        assertThat(d.type()).isEqualTo(DnsCheck.Type.AAAA);
        assertThat(d.name()).isEmpty();
        assertThat(d.timing().retry()).isEqualTo(3);
        assertThat(d.timing().delayBeforeRetry()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void miscCheckKeepsItsCommandAndDefaultsRetryToZero() {
        LvsFixture.Result r = LvsFixture.parse("virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n"
                + " real_server 10.0.0.2 80 {\n" + """
                MISC_CHECK {
                    misc_path "/nonexistent/check.sh 'a b' c"
                    misc_timeout 9
                    misc_dynamic
                    user nobody nogroup
                }
                """ + "\n }\n}\n", ctx -> ctx.scratch(ScriptUsers.DIRECTORY_KEY, () -> new ScriptUsers.Directory(
                        "nobody"::equals, "nogroup"::equals)));
        assertThat(r.diagnostics()).isEmpty();
        MiscCheck m = (MiscCheck) checkers(r).getFirst();
        assertThat(m.script().argv()).containsExactly("/nonexistent/check.sh", "a b", "c");
        assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(m.dynamic()).isTrue();
        assertThat(m.user()).hasValue("nobody");
        assertThat(m.group()).hasValue("nogroup");
        assertThat(m.timing().retry()).isZero();
    }

    @Test
    void miscCheckWithUnknownUserIsRemoved() {
        LvsFixture.Result r = rs("", "MISC_CHECK {\n misc_path /nonexistent/x\n user nosuchuserhere\n}\n");
        assertThat(checkers(r)).isEmpty();
        assertThat(r.messages()).containsExactly(
                "(test.conf: Line 8) Failed to set uid/gid for misc checker script '/nonexistent/x' - removing");
    }

    @Test
    void udpCheckHexWithWildcards() {
        LvsFixture.Result r = rs("", """
                UDP_CHECK {
                    payload 01 02 0a0B
                    require_reply 01 xX f
                    min_reply_length 2
                }
                """);
        UdpCheck u = (UdpCheck) checkers(r).getFirst();
        assertThat(u.payload()).hasValue("01020a0b");
        assertThat(u.requireReply()).isTrue();
        assertThat(u.reply()).hasValue("01000f");
        assertThat(u.replyMask()).hasValue("00ff00");
        assertThat(u.minReplyLength()).isEqualTo(2);
        assertThat(u.maxReplyLength()).isEqualTo(255);
    }

    @Test
    void fileCheckNeedsATrackFileDefinedEarlier() {
        String body = "FILE_CHECK {\n track_file tf1\n weight -3 reverse\n}\n";
        LvsFixture.Result missing = rs("", body);
        assertThat(checkers(missing)).isEmpty();
        assertThat(missing.lines()).containsExactly(7, 9);

        LvsFixture.Result found = LvsFixture.parse("virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n"
                + " real_server 10.0.0.2 80 {\n" + body + "\n }\n}\n", ctx -> TrackerNames.declareTrackFile(ctx, "tf1"));
        assertThat(found.diagnostics()).isEmpty();
        FileCheck f = (FileCheck) checkers(found).getFirst();
        assertThat(f.trackFile()).isEqualTo("tf1");
        assertThat(f.weight()).hasValue(-3);
        assertThat(f.reverse()).isTrue();
    }

    @Test
    void bfdCheckResolvesTheBfdByName() {
        LvsFixture.Result r = LvsFixture.parse("virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n"
                + " real_server 10.0.0.2 80 {\n BFD_CHECK {\n name b1\n alpha\n }\n BFD_CHECK {\n name b1\n }\n }\n}\n",
                ctx -> TrackerNames.declareBfd(ctx, "b1"));
        assertThat(checkers(r)).containsExactly(new BfdCheck("b1", true, 6));
        assertThat(r.messages()).containsExactly("(test.conf: Line 11) ([10.0.0.2]:tcp:80) BFD_CHECK - RS already monitoring b1");
    }

    @Test
    void unknownKeywordInsideCheckerCascadesLikeKeepalived() {
        LvsFixture.Result r = rs("", "TCP_CHECK {\n url {\n path /\n }\n weight 2\n}\n");
        // 'url' unknown and its '{' unexpected (7), 'path' unknown (8), its '}' closes TCP_CHECK, 'weight' is
        // the RS's, and the braces after that close one level too early (extra '}' at the end)
        assertThat(r.lines()).startsWith(7, 8).doesNotContain(9, 10);
        assertThat(r.lvs().virtualServers().getFirst().realServers().getFirst().weight()).isEqualTo(2);
    }
}
