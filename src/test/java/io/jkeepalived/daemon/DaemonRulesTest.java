package io.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.Diagnostic;
import io.jkeepalived.config.LoadResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When keepalived refuses to run a configuration it read (measured on 2.2.7). */
class DaemonRulesTest {
    private static LoadResult result(ConfigError... kinds) {
        ConfigError worst = ConfigError.OK;
        List<Diagnostic> ds = new java.util.ArrayList<>();
        for (ConfigError k : kinds) {
            ds.add(new Diagnostic(null, 0, k, k.name()));
            worst = worst.worse(k);
        }
        return new LoadResult(null, ds, worst, false, false);
    }

    @Test
    void aBadInterfaceStopsTheDaemonEvenWhenAWarningIsTheWorstClass() {
        LoadResult r = result(ConfigError.WARNING, ConfigError.BAD_IF);
        assertThat(r.worst()).isEqualTo(ConfigError.WARNING);
        assertThat(Daemon.cannotRun(r)).isTrue();
    }

    @Test
    void warningsAndUnknownKeywordsDoNot() {
        assertThat(Daemon.cannotRun(result(ConfigError.WARNING, ConfigError.UNKNOWN_KEYWORD))).isFalse();
        assertThat(Daemon.cannotRun(result())).isFalse();
    }

    @Test
    void aFatalErrorStopsTheDaemon() {
        assertThat(Daemon.cannotRun(result(ConfigError.FATAL, ConfigError.DEPRECATED))).isTrue();
    }

    @Test
    void noModelMeansNeitherSideRuns() {
        assertThat(Daemon.hasVrrpConfig(null)).isFalse();
        assertThat(Daemon.hasCheckerConfig(null)).isFalse();
    }

    @Test
    void cpuUsageHasKeepalivedsShape() {
        assertThat(Daemon.cpuUsage()).matches(
                "CPU usage \\(self/children\\) user: \\d+\\.\\d{6}/\\d+\\.\\d{6} system: \\d+\\.\\d{6}/\\d+\\.\\d{6}");
    }
}
