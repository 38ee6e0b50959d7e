package io.jkeepalived.daemon.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** keepalived's line formats (lib/logger.c), as pure functions of a time and a message. */
public final class LogLine {
    private LogLine() {}

    /** strftime "%c" in the C locale: {@code Wed Nov  5 14:15:30 2026}. */
    private static final DateTimeFormatter CONSOLE =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    /** "%a %b %d %T" ".%09ld" " %Y": keepalived's log-file stamp with nanoseconds. */
    private static final DateTimeFormatter FILE_HEAD = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss", Locale.ROOT);
    /** syslog(3)'s RFC 3164 stamp "%h %e %T": {@code Nov  5 14:15:30}. */
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    public static String console(Instant t, ZoneId zone, String msg) {
        return CONSOLE.format(t.atZone(zone)) + ": " + msg + "\n";
    }

    public static String file(Instant t, ZoneId zone, String msg) {
        ZonedDateTime z = t.atZone(zone);
        return FILE_HEAD.format(z) + String.format(".%09d %d: ", z.getNano(), z.getYear()) + msg + "\n";
    }

    /** {@code <PRI>Mmm dd hh:mm:ss IDENT[PID]: msg}, as glibc's syslog(3) sends it to /dev/log. */
    public static String syslog(Instant t, ZoneId zone, int facility, int severity, String ident, long pid, String msg) {
        return "<" + (facility * 8 + severity) + ">" + SYSLOG.format(t.atZone(zone)) + " " + ident + "[" + pid + "]: " + msg;
    }

    /** The event's message; an attached exception adds its one-line description, never a stack trace. */
    public static String message(ILoggingEvent e) {
        String m = e.getFormattedMessage();
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) m = m + ": " + t.getClassName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return m;
    }
}
