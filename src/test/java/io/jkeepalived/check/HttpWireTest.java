package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.DnsCheck;
import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.HttpProtocol;
import io.jkeepalived.config.model.Url;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bytes keepalived's checkers send and how they read the answers (check_http.c, lib/html.c, check_dns.c). */
class HttpWireTest {
    private static Endpoint ep(String ip, int port) throws Exception {
        return new Endpoint(InetAddress.getByName(ip), port);
    }

    private static Url url(String path, Optional<String> digest, String regex, boolean noMatch) {
        return new Url(path, digest, List.of(new Url.StatusRange(200, 299)), Optional.empty(),
                Optional.ofNullable(regex), noMatch, List.of(), 0, 0, false);
    }

    @Test
    void http10RequestIsKeepalivedsTemplate() throws Exception {
        assertThat(HttpProbe.request("/index.html", HttpProtocol.HTTP_1_0, Optional.empty(), ep("10.0.0.2", 80)))
                .isEqualTo("GET /index.html HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 10.0.0.2:80\r\n\r\n");
    }

    @Test
    void connectionCloseFor10CAnd11AndVirtualhostWithoutPort() throws Exception {
        assertThat(HttpProbe.request("/", HttpProtocol.HTTP_1_1, Optional.of("www.example.com"), ep("10.0.0.2", 8080)))
                .isEqualTo("GET / HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\n"
                        + "Host: www.example.com\r\n\r\n");
        assertThat(HttpProbe.request("/", HttpProtocol.HTTP_1_0C, Optional.empty(), ep("fd00:99::2", 443)))
                .isEqualTo("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\n"
                        + "Host: [fd00:99::2]:443\r\n\r\n");
    }

    private static HttpResponse response(String text, int chunk) {
        HttpResponse r = new HttpResponse();
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < b.length; i += chunk) r.feed(b, i, Math.min(chunk, b.length - i));
        return r;
    }

    @Test
    void digestCoversTheBodyOnlyCutAtContentLength() throws Exception {
        String body = "hello\n";
        String md5 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(body.getBytes(StandardCharsets.US_ASCII)));
        HttpResponse r = response("HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\nTRAILING", 3);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentLength()).isEqualTo(6);
        assertThat(r.digest()).isEqualTo(md5);
        assertThat(HttpProbe.verdict(url("/", Optional.of(md5), null, false), null, r))
                .isEqualTo(new Outcome.Up("MD5 digest", 0));
    }

    @Test
    void statusOutsideTheSetAndWrongDigestFailWithKeepalivedsWords() {
        HttpResponse r = response("HTTP/1.1 503 Service Unavailable\r\n\r\n", 100);
        assertThat(HttpProbe.verdict(url("/", Optional.empty(), null, false), null, r))
                .isEqualTo(new Outcome.Down("HTTP status code error to"));
        HttpResponse ok = response("HTTP/1.1 200 OK\r\n\r\nbody", 100);
        assertThat(HttpProbe.verdict(url("/", Optional.of("0".repeat(32)), null, false), null, ok))
                .isEqualTo(new Outcome.Down("MD5 digest error to"));
        assertThat(HttpProbe.verdict(url("/", Optional.empty(), null, false), null, response("garbage", 10)))
                .isEqualTo(new Outcome.Down("Read, no data received from "));
    }

    @Test
    void regexMatchAndNoMatch() {
        HttpResponse r = response("HTTP/1.1 200 OK\r\n\r\nstatus: healthy", 100);
        assertThat(HttpProbe.verdict(url("/", Optional.empty(), "healthy", false), Pattern.compile("healthy"), r))
                .isEqualTo(new Outcome.Up("Regex match", 0));
        assertThat(HttpProbe.verdict(url("/", Optional.empty(), "healthy", true), Pattern.compile("healthy"), r))
                .isEqualTo(new Outcome.Down("Regex match failed"));
    }

    @Test
    void statusCodeNeedsThreeDigitsBetweenSpaces() {
        assertThat(HttpResponse.statusCode("HTTP/1.0 404 Not Found\r\n")).isEqualTo(404);
        assertThat(HttpResponse.statusCode("HTTP/1.0 2000 x\r\n")).isZero();
        assertThat(HttpResponse.contentLength("X: y\r\nContent-Length: 12\r\n")).isEqualTo(12);
        assertThat(HttpResponse.contentLength("content-length: 12\r\n")).isEqualTo(-1);
    }

    @Test
    void dnsQueryIsHeaderWithRecursionDesiredThenLabels() {
        byte[] q = DnsProbe.query(0x1234, DnsCheck.Type.A, "example.com");
        assertThat(HexFormat.of().formatHex(q)).isEqualTo(
                "123401000001000000000000" + "076578616d706c6503636f6d00" + "0001" + "0001");
        assertThat(HexFormat.of().formatHex(DnsProbe.query(1, DnsCheck.Type.SOA, ""))).endsWith("00" + "0006" + "0001");
    }

    @Test
    void smtpStatusIsThreeDigitsThenSpaceOrEnd() {
        assertThat(SmtpProbe.status("220 mail ESMTP")).isEqualTo(220);
        assertThat(SmtpProbe.status("250")).isEqualTo(250);
        assertThat(SmtpProbe.status("220-continued")).isEqualTo(-1);
    }
}
