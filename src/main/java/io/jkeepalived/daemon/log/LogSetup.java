package io.jkeepalived.daemon.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Logback configured in code, never from XML: where keepalived's log_message would write.
 *
 * @param console     {@code -l} with {@code -n}: stderr, keepalived's console format
 * @param syslog      not {@code -G}: the local syslog socket
 * @param facility    {@code -S}
 * @param logFile     {@code -g FILE}, or null
 * @param flushFile   {@code --flush-log-file} (lines are always flushed; kept for the record)
 * @param detail      {@code -D}: DEBUG events are shown too
 * @param socketPath  normally /dev/log
 * @param consoleOnSyslogFailure {@code -l} even in the background: keepalived opens syslog with LOG_CONS,
 *                    so what the syslog socket refuses goes to /dev/console
 */
public record LogSetup(boolean console, boolean syslog, int facility, Path logFile, boolean flushFile,
                       boolean detail, Path socketPath, boolean consoleOnSyslogFailure) {

    public static final Path DEV_LOG = Path.of("/dev/log");

    /** Replaces whatever logging was set up with this; returns an error text for an unopenable -g file. */
    public String apply() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(detail ? Level.DEBUG : Level.INFO);
        String problem = null;
        if (console) add(ctx, root, new StreamAppender(new FileOutputStream(java.io.FileDescriptor.err),
                StreamAppender.Style.CONSOLE, true));
        if (logFile != null) {
            try {
                OutputStream out = Files.newOutputStream(logFile, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.WRITE);
                // every line is flushed, --flush-log-file or not: an operator tailing the file sees it at once
                add(ctx, root, new StreamAppender(out, StreamAppender.Style.FILE, true));
            } catch (IOException | RuntimeException e) {
                problem = "Unable to open log file " + logFile + ": " + e.getMessage();
            }
        }
        if (syslog) add(ctx, root, new SyslogAppender(socketPath, facility, consoleOnSyslogFailure));
        return problem;
    }

    /** Flushes and closes every appender (buffered -g files). */
    public static void shutdown() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.stop();
    }

    private static void add(LoggerContext ctx, Logger root, Appender<ILoggingEvent> a) {
        a.setContext(ctx);
        a.setName(a.getClass().getSimpleName());
        a.start();
        root.addAppender(a);
    }

    /** Appenders of the root logger, for tests. */
    static List<String> appenderNames() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<String> names = new java.util.ArrayList<>();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(a -> names.add(a.getName()));
        return names;
    }
}
