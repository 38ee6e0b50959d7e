package io.jkeepalived.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.jkeepalived.net.UnixDatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogAppenderTest {
    @TempDir
    Path dir;

    @Test
    void sendsOneDatagramPerEventToTheSocket() throws Exception {
        Path sock = dir.resolve("log");
        try (UnixDatagramSocket server = UnixDatagramSocket.open()) {
            server.bind(sock);
            LoggerContext ctx = new LoggerContext();
            SyslogAppender a = new SyslogAppender(sock, 16 + 2, false);
            a.setContext(ctx);
            a.start();
            LoggingEvent e = new LoggingEvent("x", ctx.getLogger("io.jkeepalived.vrrp.X"), Level.WARN,
                    "({}) Entering {} STATE", null, new Object[] {"VI_1", "MASTER"});
            a.doAppend(e);
            byte[] buf = new byte[1024];
            int n = server.receive(buf);
            String got = new String(buf, 0, n, StandardCharsets.UTF_8);
            assertThat(got).startsWith("<148>").endsWith(" Keepalived_vrrp[" + ProcessHandle.current().pid()
                    + "]: (VI_1) Entering MASTER STATE");
            a.stop();
        }
    }

    @Test
    void aMissingSocketDropsTheMessageQuietly() {
        LoggerContext ctx = new LoggerContext();
        SyslogAppender a = new SyslogAppender(dir.resolve("absent"), 3, false);
        a.setContext(ctx);
        a.start();
        a.doAppend(new LoggingEvent("x", ctx.getLogger("x"), Level.INFO, "hello", null, null));
        a.stop();
        assertThat(ctx.getStatusManager().getCount()).isZero();
    }

    @Test
    void withLogConsEveryRefusedMessageReachesTheConsoleInOrderByStop() throws Exception {
        Path console = dir.resolve("console");
        java.nio.file.Files.createFile(console);
        LoggerContext ctx = new LoggerContext();
        SyslogAppender a = new SyslogAppender(dir.resolve("absent"), 3, true, console);
        a.setContext(ctx);
        a.start();
        for (int i = 0; i < 50; i++) {
            a.doAppend(new LoggingEvent("x", ctx.getLogger("io.jkeepalived.vrrp.X"), Level.INFO, "line {}", null,
                    new Object[] {i}));
        }
        a.stop();
        java.util.List<String> lines = java.nio.file.Files.readAllLines(console);
        assertThat(lines).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(lines.get(i)).endsWith(" Keepalived_vrrp[" + ProcessHandle.current().pid() + "]: line " + i);
        }
    }
}
