package io.jkeepalived.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToTheDefault() {
        new LogSetup(true, false, 3, null, false, false, LogSetup.DEV_LOG, false).apply();
    }

    @Test
    void logFileGetsKeepalivedsStampedLinesAndDetailOnlyWithD() throws Exception {
        Path f = dir.resolve("k.log");
        assertThat(new LogSetup(false, false, 3, f, false, false, dir.resolve("nolog"), false).apply()).isNull();
        LoggerFactory.getLogger("io.jkeepalived.vrrp.X").debug("hidden detail");
        LoggerFactory.getLogger("io.jkeepalived.daemon.Daemon").info("Starting {}", "now");
        assertThat(Files.readString(f)).matches("\\w{3} \\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{9} \\d{4}: Starting now\n");

        new LogSetup(false, false, 3, f, true, true, dir.resolve("nolog"), false).apply();
        LoggerFactory.getLogger("io.jkeepalived.vrrp.X").debug("shown detail");
        assertThat(Files.readString(f)).contains(": shown detail\n").doesNotContain("hidden");
        assertThat(LogSetup.appenderNames()).containsExactly("StreamAppender");
    }

    @Test
    void anUnopenableLogFileIsReportedNotThrown() {
        String problem = new LogSetup(false, false, 3, dir.resolve("no/such/dir/k.log"), false, false,
                dir.resolve("nolog"), false).apply();
        assertThat(problem).startsWith("Unable to open log file ");
    }

    @Test
    void syslogIsAddedUnlessNoSyslog() {
        new LogSetup(false, true, 3, null, false, false, dir.resolve("nolog"), false).apply();
        assertThat(LogSetup.appenderNames()).containsExactly("SyslogAppender");
        new LogSetup(false, false, 3, null, false, false, dir.resolve("nolog"), false).apply();
        assertThat(LogSetup.appenderNames()).isEmpty();
    }
}
