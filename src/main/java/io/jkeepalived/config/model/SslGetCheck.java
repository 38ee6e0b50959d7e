package io.jkeepalived.config.model;

import java.util.List;
import java.util.Optional;

/** SSL_GET: HTTP_GET over TLS, with the root SSL context; {@code enable_sni} sends the virtualhost as SNI. */
public record SslGetCheck(ConnectOptions connection, CheckTiming timing, List<Url> urls,
                          Optional<String> virtualhost, HttpProtocol protocol, boolean fastRecovery,
                          boolean enableSni, int line) implements Checker {
    public SslGetCheck {
        urls = List.copyOf(urls);
    }

    @Override
    public String keyword() {
        return "SSL_GET";
    }
}
