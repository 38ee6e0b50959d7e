package io.jkeepalived.config.model;

import java.util.List;
import java.util.Optional;

/** HTTP_GET: every url must answer with an accepted status (and digest / regex when given). */
public record HttpGetCheck(ConnectOptions connection, CheckTiming timing, List<Url> urls,
                           Optional<String> virtualhost, HttpProtocol protocol, boolean fastRecovery, int line)
        implements Checker {
    public HttpGetCheck {
        urls = List.copyOf(urls);
    }

    @Override
    public String keyword() {
        return "HTTP_GET";
    }
}
