package io.jkeepalived.check;

import io.jkeepalived.config.model.Checker;
import io.jkeepalived.config.model.DnsCheck;
import io.jkeepalived.config.model.HttpGetCheck;
import io.jkeepalived.config.model.MiscCheck;
import io.jkeepalived.config.model.PingCheck;
import io.jkeepalived.config.model.RealServer;
import io.jkeepalived.config.model.SmtpCheck;
import io.jkeepalived.config.model.SslGetCheck;
import io.jkeepalived.config.model.TcpCheck;
import io.jkeepalived.config.model.UdpCheck;
import io.jkeepalived.config.model.VirtualServer;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** The real probes: sockets, TLS, and MISC_CHECK's scripts through the script room. */
public final class NetworkProbes implements CheckScheduler.ProbeFactory {
    private final CheckScripts scripts;
    private SSLContext tls;

    public NetworkProbes(CheckScripts scripts) {
        this.scripts = scripts;
    }

    @Override
    public Probe create(Checker checker, RealServer rs, VirtualServer vs) {
        return switch (checker) {
            case TcpCheck c -> new TcpProbe(c.connection());
            case HttpGetCheck c -> new HttpProbe(c.connection(), c.urls(), vhost(c.virtualhost(), rs, vs), c.protocol(),
                    null, false);
            case SslGetCheck c -> new HttpProbe(c.connection(), c.urls(), vhost(c.virtualhost(), rs, vs), c.protocol(),
                    tls(), c.enableSni());
            case SmtpCheck c -> new SmtpProbe(c.connection(), c.heloName());
            case DnsCheck c -> new DnsProbe(c.connection(), c.type(), c.name());
            case UdpCheck c -> new UdpProbe(c);
            case PingCheck c -> new PingProbe(c.connection());
            case MiscCheck c -> new MiscProbe(c, scripts);
            default -> url -> new Outcome.Down("unsupported");
        };
    }

    /** check_http.c: the url's virtualhost, else the checker's, else the real server's, else the virtual server's. */
    private static Optional<String> vhost(Optional<String> checker, RealServer rs, VirtualServer vs) {
        return checker.or(rs::virtualhost).or(vs::virtualhost);
    }

    private SSLContext tls() {
        if (tls == null) tls = HttpProbe.trustingContext();
        return tls;
    }
}
