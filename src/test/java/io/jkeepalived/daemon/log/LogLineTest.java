package io.jkeepalived.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogLineTest {
    private static final Instant T = Instant.parse("2026-11-05T14:15:30.000000123Z");

    @Test
    void consoleUsesTheCLocaleTimestampWithASpacePaddedDay() {
        assertThat(LogLine.console(T, ZoneOffset.UTC, "Starting"))
                .isEqualTo("Thu Nov  5 14:15:30 2026: Starting\n");
    }

    @Test
    void fileLinesCarryNanoseconds() {
        assertThat(LogLine.file(T, ZoneOffset.UTC, "Stopped"))
                .isEqualTo("Thu Nov 05 14:15:30.000000123 2026: Stopped\n");
    }

    @Test
    void syslogHasTheRfc3164HeaderWithFacilityAndSeverity() {
        assertThat(LogLine.syslog(T, ZoneOffset.UTC, 3, 6, "Keepalived_vrrp", 42, "(VI_1) Entering MASTER STATE"))
                .isEqualTo("<30>Nov  5 14:15:30 Keepalived_vrrp[42]: (VI_1) Entering MASTER STATE");
    }

    @Test
    void identFollowsKeepalivedsProcessesAndSeverityFollowsTheLevel() {
        assertThat(SyslogAppender.ident("io.jkeepalived.vrrp.VrrpInstance")).isEqualTo("Keepalived_vrrp");
        assertThat(SyslogAppender.ident("io.jkeepalived.check.HttpGetCheck")).isEqualTo("Keepalived_healthcheckers");
        assertThat(SyslogAppender.ident("io.jkeepalived.daemon.Daemon")).isEqualTo("Keepalived");
        assertThat(SyslogAppender.severity(Level.ERROR)).isEqualTo(3);
        assertThat(SyslogAppender.severity(Level.WARN)).isEqualTo(4);
        assertThat(SyslogAppender.severity(Level.INFO)).isEqualTo(6);
        assertThat(SyslogAppender.severity(Level.DEBUG)).isEqualTo(7);
    }
}
