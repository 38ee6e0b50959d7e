package io.jkeepalived.daemon.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.jkeepalived.net.UnixDatagramSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Sends each event to the local syslog socket as glibc's syslog(3) does (RFC 3164 header, LOG_PID).
 * The ident follows keepalived's processes, so operators' filters keep working: VRRP's messages come
 * from {@code Keepalived_vrrp}, the checkers' from {@code Keepalived_healthcheckers}, the rest from
 * {@code Keepalived}. When the socket cannot take a message, it goes to /dev/console if keepalived
 * would have opened syslog with LOG_CONS ({@code -l}), else it is dropped, as syslog(3) drops it.
 */
public final class SyslogAppender extends AppenderBase<ILoggingEvent> {
    private final Path socketPath;
    private final int facility;
    private final boolean toConsoleOnFailure;
    private final long pid = ProcessHandle.current().pid();
    private final ZoneId zone = ZoneId.systemDefault();
    private UnixDatagramSocket socket;
    private final ConsoleLines console;

    public SyslogAppender(Path socketPath, int facility, boolean toConsoleOnFailure) {
        this(socketPath, facility, toConsoleOnFailure, Path.of("/dev/console"));
    }

    SyslogAppender(Path socketPath, int facility, boolean toConsoleOnFailure, Path consolePath) {
        this.console = new ConsoleLines(consolePath);
        this.socketPath = socketPath;
        this.facility = facility;
        this.toConsoleOnFailure = toConsoleOnFailure;
    }

    /** syslog(3) severities. */
    static int severity(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> 3;
            case Level.WARN_INT -> 4;
            case Level.INFO_INT -> 6;
            default -> 7;
        };
    }

    static String ident(String loggerName) {
        if (loggerName.startsWith("io.jkeepalived.vrrp")) return "Keepalived_vrrp";
        if (loggerName.startsWith("io.jkeepalived.check") || loggerName.startsWith("io.jkeepalived.ipvs")) {
            return "Keepalived_healthcheckers";
        }
        return "Keepalived";
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
        String line = LogLine.syslog(e.getInstant(), zone, facility, severity(e.getLevel()),
                ident(e.getLoggerName()), pid, LogLine.message(e));
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        try {
            if (socket == null) socket = UnixDatagramSocket.open();
            socket.sendTo(bytes, bytes.length, socketPath);
        } catch (IOException | RuntimeException | LinkageError ex) {
            if (toConsoleOnFailure) toConsole(line);
        }
    }

    /** LOG_CONS: glibc writes the message without its {@code <PRI>} to the system console (off this thread). */
    private void toConsole(String line) {
        console.write(line.substring(line.indexOf('>') + 1) + "\r\n");
    }

    @Override
    public synchronized void stop() {
        super.stop();
        console.stop();
        if (socket != null) socket.close();
        socket = null;
    }
}
