package io.jkeepalived.check;

import io.jkeepalived.config.model.ConnectOptions;
import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.HttpProtocol;
import io.jkeepalived.config.model.Url;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP_GET and SSL_GET: keepalived's own small HTTP/1.0 client (check_http.c, check_ssl.c), because the
 * exact request bytes matter: {@code GET PATH HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: H\r\n\r\n},
 * with {@code Connection: close} for 1.0C and 1.1, and the response read to the end of the stream.
 * Every connect, write and read is bounded by connect_timeout, as keepalived's I/O threads are.
 */
public final class HttpProbe implements Probe {
    private final ConnectOptions co;
    private final List<Url> urls;
    private final Optional<String> vhost;
    private final HttpProtocol protocol;
    private final SSLContext tls;
    private final boolean sni;
    private final Pattern[] regexes;

    /**
     * @param vhost the checker's, else the real server's, else the virtual server's virtualhost
     * @param tls   null for HTTP_GET
     */
    public HttpProbe(ConnectOptions co, List<Url> urls, Optional<String> vhost, HttpProtocol protocol, SSLContext tls,
                     boolean sni) {
        this.co = co;
        this.urls = List.copyOf(urls);
        this.vhost = vhost;
        this.protocol = protocol;
        this.tls = tls;
        this.sni = sni;
        this.regexes = new Pattern[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
            Url u = urls.get(i);
            if (u.regex().isPresent()) regexes[i] = Pattern.compile(u.regex().get(), flags(u.regexOptions()));
        }
    }

    private static int flags(List<String> options) {
        int f = 0;
        for (String o : options) {
            switch (o) {
                case "caseless" -> f |= Pattern.CASE_INSENSITIVE;
                case "multiline" -> f |= Pattern.MULTILINE;
                case "dotall" -> f |= Pattern.DOTALL;
                case "extended" -> f |= Pattern.COMMENTS;
                default -> { }
            }
        }
        return f;
    }

    /** check_http.c's request_template(_ipv6), byte for byte. */
    public static String request(String path, HttpProtocol protocol, Optional<String> vhost, Endpoint dst) {
        String host;
        if (vhost.isPresent()) {
            host = vhost.get();
        } else {
            String ip = dst.host();
            host = (dst.address() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + dst.port();
        }
        return "GET " + path + " HTTP/1." + (protocol == HttpProtocol.HTTP_1_1 ? 1 : 0) + "\r\n"
                + "User-Agent: KeepAliveClient\r\n"
                + (protocol == HttpProtocol.HTTP_1_0 ? "" : "Connection: close\r\n")
                + "Host: " + host + "\r\n\r\n";
    }

    /** A TLS client context that, like keepalived's SSL_GET without a CA, does not verify the server. */
    public static SSLContext trustingContext() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return c;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Outcome run(int urlIndex) {
        if (urls.isEmpty()) return new Outcome.Up("HTTP status code", 0);
        Url url = urls.get(Math.min(urlIndex, urls.size() - 1));
        Optional<String> host = url.virtualhost().or(() -> vhost);
        int timeout = TcpProbe.millis(co.connectTimeout());
        Socket socket;
        try {
            socket = TcpProbe.connect(co);
        } catch (SocketTimeoutException e) {
            return new Outcome.Down("Timeout connecting");
        } catch (IOException e) {
            return new Outcome.Down("Connection failed");
        }
        try (Socket s = socket) {
            s.setSoTimeout(timeout);
            Socket io = s;
            if (tls != null) {
                try {
                    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, co.destination().host(),
                            co.destination().port(), true);
                    if (sni && host.isPresent()) {
                        SSLParameters p = ssl.getSSLParameters();
                        p.setServerNames(List.of(new SNIHostName(host.get())));
                        ssl.setSSLParameters(p);
                    }
                    ssl.startHandshake();
                    io = ssl;
                } catch (SocketTimeoutException e) {
                    return new Outcome.Down("Timeout connecting");
                } catch (IOException | IllegalArgumentException e) {
                    return new Outcome.Down("SSL handshake/communication error connecting to");
                }
            }
            try {
                io.getOutputStream().write(request(url.path(), protocol, host, co.destination())
                        .getBytes(StandardCharsets.ISO_8859_1));
                io.getOutputStream().flush();
            } catch (IOException e) {
                return new Outcome.Down("Cannot send get request to");
            }
            HttpResponse response = new HttpResponse();
            byte[] buf = new byte[4096];
            InputStream in = io.getInputStream();
            try {
                int n;
                while ((n = in.read(buf)) > 0) response.feed(buf, 0, n);
            } catch (SocketTimeoutException e) {
                return new Outcome.Down(response.hasHeader() ? "Timeout HTTP read" : "Timeout WEB read");
            } catch (IOException e) {
                // a TLS server that closes without close_notify ends the stream as keepalived's SSL read sees it
                if (tls == null || !response.hasHeader()) return new Outcome.Down("Read error with");
            }
            return verdict(url, regexes[urls.indexOf(url)], response);
        } catch (IOException e) {
            return new Outcome.Down("Read error with");
        }
    }

    /** check_http.c http_handle_response: data, then status, then digest, then regex. */
    static Outcome verdict(Url url, Pattern regex, HttpResponse r) {
        if (!r.hasHeader()) return new Outcome.Down("Read, no data received from ");
        if (r.status() < 100 || r.status() > 599 || !url.accepts(r.status())) {
            return new Outcome.Down("HTTP status code error to");
        }
        String msg = "HTTP status code";
        if (url.digest().isPresent()) {
            if (!url.digest().get().equalsIgnoreCase(r.digest())) return new Outcome.Down("MD5 digest error to");
            msg = "MD5 digest";
        }
        if (regex != null) {
            boolean matched = false;
            Matcher m = regex.matcher(r.bodyText());
            if (url.regexMinOffset() > 0) m.region((int) Math.min(url.regexMinOffset(), r.bodyText().length()), r.bodyText().length());
            if (m.find()) matched = url.regexMaxOffset() == 0 || m.start() < url.regexMaxOffset();
            if (matched == url.regexNoMatch()) return new Outcome.Down("Regex match failed");
            msg = "Regex match";
        }
        return new Outcome.Up(msg, 0);
    }
}
