package io.jkeepalived.daemon.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * Logback's first configurator (found through META-INF/services), so that Logback never scans the
 * class path for XML: until the daemon applies its {@link LogSetup}, events of INFO and above go to
 * stderr in keepalived's console format (what tools and tests see).
 */
public final class DefaultLogConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        StreamAppender a = new StreamAppender(new FileOutputStream(FileDescriptor.err), StreamAppender.Style.CONSOLE, true);
        a.setContext(ctx);
        a.setName("stderr");
        a.start();
        root.addAppender(a);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
