package io.jkeepalived.notify.smtp;

import io.jkeepalived.config.HostNames;
import io.jkeepalived.config.model.GlobalDefs;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a mail needs from global_defs (keepalived.conf(5): notification_email, notification_email_from,
 * smtp_server, smtp_helo_name, smtp_connect_timeout, router_id), with keepalived's defaults filled in
 * (core/global_data.c): the local name is the host's canonical name; HELO defaults to it, the sender to
 * {@code user@local name}, router_id to it as well.
 *
 * @param host           smtp_server as written (an address or a name resolved when a mail is sent)
 * @param port           its port (25)
 * @param heloName       HELO argument ("localhost" when the local name is unknown, as smtp.c falls back)
 * @param from           MAIL FROM and From: (may be null when keepalived would have none)
 * @param recipients     RCPT TO, in order, and the To: list
 * @param connectTimeout smtp_connect_timeout: for the connection and for each reply
 * @param routerId       the "[...]" that starts every subject
 * @param logDetail      {@code -D}: log "Remote SMTP server ... connected." and "SMTP alert successfully sent."
 */
public record SmtpSettings(String host, int port, String heloName, String from, List<String> recipients,
                           Duration connectTimeout, String routerId, boolean logDetail) {
    public SmtpSettings {
        recipients = List.copyOf(recipients);
    }

    /**
     * The settings, or empty when keepalived sends no mail at all: no notification_email or no smtp_server
     * (smtp.c smtp_alert returns at once then).
     */
    public static Optional<SmtpSettings> of(GlobalDefs globals, boolean logDetail) {
        GlobalDefs.Smtp s = globals.smtp();
        if (s.server() == null || s.emails().isEmpty()) return Optional.empty();
        boolean needName = globals.routerId() == null || s.heloName() == null || s.emailFrom() == null;
        String local = needName ? localName() : null;
        String routerId = globals.routerId() != null ? globals.routerId() : local != null ? local : "unknown";
        String helo = s.heloName() != null ? s.heloName() : local != null ? local : "localhost";
        String from = s.emailFrom() != null ? s.emailFrom()
                : local != null ? System.getProperty("user.name", "root") + "@" + local : null;
        return Optional.of(new SmtpSettings(s.server(), s.port(), helo, from, s.emails(),
                Duration.ofNanos(s.connectTimeoutMicros() * 1000), routerId, logDetail));
    }

    /**
     * get_local_name(): the node name's canonical name (getaddrinfo AI_CANONNAME), null when it does not
     * resolve. For a name from /etc/hosts glibc answers the first name of the line that holds it; a reverse
     * lookup would not (127.0.0.1 is "localhost" first), so that file is read here as glibc reads it.
     */
    static String localName() {
        String node = HostNames.hostName();
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/etc/hosts"))) {
                int hash = line.indexOf('#');
                String[] w = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
                for (int i = 1; i < w.length; i++) {
                    if (w[i].equalsIgnoreCase(node)) return w[1];
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no readable hosts file: the resolver below decides
        }
        try {
            InetAddress.getByName(node);
            return node;
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** keepalived's FMT_SMTP_HOST text, "[192.0.2.1]:25" or "[fd00:99::1]:25". */
    public static String hostText(InetAddress address, int port) {
        return "[" + io.jkeepalived.config.model.Endpoint.ntop(address) + "]:" + port;
    }
}
