package io.jkeepalived.daemon.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/** Writes keepalived-format lines to a stream: the console ({@code -l}) or the {@code -g} log file. */
public final class StreamAppender extends AppenderBase<ILoggingEvent> {
    /** Which of keepalived's two stamped formats. */
    public enum Style { CONSOLE, FILE }

    private final OutputStream out;
    private final Style style;
    private final boolean flushEach;
    private final ZoneId zone = ZoneId.systemDefault();

    public StreamAppender(OutputStream out, Style style, boolean flushEach) {
        this.out = out;
        this.style = style;
        this.flushEach = flushEach;
    }

    @Override
    protected void append(ILoggingEvent e) {
        Instant t = e.getInstant();
        String msg = LogLine.message(e);
        String line = style == Style.CONSOLE ? LogLine.console(t, zone, msg) : LogLine.file(t, zone, msg);
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            if (flushEach) out.flush();
        } catch (IOException ex) {
            addError("cannot write log line", ex);
        }
    }

    @Override
    public void stop() {
        super.stop();
        try {
            out.flush();
        } catch (IOException ignored) {
            // the log is closing; nothing else to tell
        }
    }
}
