package io.jkeepalived.notify.smtp;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The text keepalived sends after DATA (smtp.h SMTP_HEADERS_CMD, SMTP_BODY_CMD, SMTP_SEND_CMD): five headers
 * in a fixed order, a blank line, the one-line body, an empty line, and the end-of-data dot.
 */
final class SmtpMessage {
    /** strftime "%a, %d %b %Y %H:%M:%S %z" in the C locale, on local time (smtp.c body_cmd). */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private SmtpMessage() {}

    static String data(ZonedDateTime date, String from, SmtpAlert alert, List<String> recipients) {
        return "Date: " + DATE.format(date) + "\r\n"
                + "From: " + orNull(from) + "\r\n"
                + "Subject: " + alert.subject() + "\r\n"
                + "X-Mailer: Keepalived\r\n"
                + "To: " + String.join(", ", recipients) + "\r\n"
                + "\r\n"
                + alert.body() + "\r\n"
                + "\r\n.\r\n";
    }

    // glibc prints a null %s as "(null)": keepalived without a sender says so to the server
    static String orNull(String s) {
        return s == null ? "(null)" : s;
    }
}
