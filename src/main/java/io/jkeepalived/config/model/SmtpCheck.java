package io.jkeepalived.config.model;

/**
 * SMTP_CHECK: banner 220, HELO → 250, QUIT. A deprecated {@code host { }} block becomes one SmtpCheck per host.
 */
public record SmtpCheck(ConnectOptions connection, CheckTiming timing, String heloName, int line) implements Checker {
    public static final String DEFAULT_HELO = "smtpchecker.keepalived.org";

    @Override
    public String keyword() {
        return "SMTP_CHECK";
    }
}
