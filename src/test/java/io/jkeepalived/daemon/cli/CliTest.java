package io.jkeepalived.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** keepalived 2.2.7's reactions to its command line (measured on Debian's build). */
class CliTest {
    private static Cli.Outcome run(String... argv) {
        return Cli.interpret(argv, "keepalived");
    }

    private static Options options(String... argv) {
        Cli.Outcome o = run(argv);
        assertThat(o).isInstanceOf(Cli.Run.class);
        return ((Cli.Run) o).options();
    }

    @Test
    void versionGoesToStderrAndExitsZeroWithAShortFirstLine() {
        Cli.Outcome o = run("-v");
        assertThat(o).isInstanceOf(Cli.Exit.class);
        assertThat(((Cli.Exit) o).code()).isZero();
        assertThat(o.out()).isEmpty();
        assertThat(o.err().lines().findFirst()).contains("Keepalived v2.2.7 (jkeepalived v0.1.0)");
    }

    @Test
    void helpListsEveryOptionAndExitsZero() {
        Cli.Exit e = (Cli.Exit) run("--help");
        assertThat(e.code()).isZero();
        assertThat(e.err()).startsWith("Usage: keepalived [OPTION...]\n")
                .contains("-f, --use-file=FILE", "--signum=SIGFUNC", "-t, --config-test[=LOG_FILE]", "-g, --log-file");
    }

    @Test
    void signumPrintsLinuxNumbersOnStdout() {
        assertThat(run("--signum=STOP").out()).isEqualTo("15\n");
        assertThat(run("--signum", "RELOAD").out()).isEqualTo("1\n");
        assertThat(run("--signum=DATA").out()).isEqualTo("10\n");
        assertThat(run("--signum=STATS").out()).isEqualTo("12\n");
        assertThat(run("--signum=STATS_CLEAR").out()).isEqualTo("63\n");
        assertThat(run("--signum=JSON").out()).isEqualTo("36\n");
        Cli.Exit bad = (Cli.Exit) run("--signum=TDUMP");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("Unknown sigfunc TDUMP\n");
    }

    @Test
    void badOptionsAreAllReportedThenExitOne() {
        Cli.Exit e = (Cli.Exit) run("-Z", "--bogus", "-n", "x");
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.err()).isEqualTo("Unknown option -Z\nUnknown option --bogus\n");
        assertThat(e.out()).isEqualTo("Unexpected argument(s): x \n");
    }

    @Test
    void anEarlierErrorIsPrintedBeforeVersionExitsZero() {
        Cli.Exit e = (Cli.Exit) run("-Z", "-v");
        assertThat(e.code()).isZero();
        assertThat(e.err()).startsWith("Unknown option -Z\nKeepalived v2.2.7");
    }

    @Test
    void strayWordsAreReportedOnStdoutButDoNotStopTheRun() {
        Cli.Run r = (Cli.Run) run("-t", "foo", "bar");
        assertThat(r.out()).isEqualTo("Unexpected argument(s): foo bar \n");
        assertThat(r.options().configTest()).isTrue();
    }

    @Test
    void genhashIsNotImplementedAndWarnsWhenNotFirst() {
        Cli.Exit first = (Cli.Exit) run("-T", "-s", "10.99.0.1");
        assertThat(first.code()).isEqualTo(1);
        assertThat(first.err()).contains("not implemented yet").doesNotContain("Warning");
        Cli.Exit later = (Cli.Exit) run("-n", "--genhash");
        assertThat(later.err()).startsWith("Warning -- `genhash` not used as first option, previous options ignored\n");
    }

    @Test
    void logFacilityTakesNumbersLocalNamesUserAndDaemon() {
        assertThat(options("-S", "3").facility()).isEqualTo(19);
        assertThat(options("-Slocal7").facility()).isEqualTo(23);
        assertThat(options("--log-facility=user").facility()).isEqualTo(1);
        assertThat(options("-S", "daemon").facility()).isEqualTo(3);
        assertThat(options().facility()).isEqualTo(3);
    }

    @Test
    void anInvalidFacilityIsReportedAndCountsAsAConfigError() {
        Cli.Run r = (Cli.Run) run("-S", "9");
        assertThat(r.err()).isEqualTo("number '9' outside range [0, 7]\nInvalid log facility '9'\n");
        assertThat(r.badArgument()).isTrue();
        Cli.Run bogus = (Cli.Run) run("-S", "bogus");
        assertThat(bogus.err()).isEqualTo("Invalid log facility 'bogus'\n");
        assertThat(bogus.options().facility()).isEqualTo(3);
    }

    @Test
    void umaskIsReadLikeStrtollBaseZero() {
        assertThat(options("-u", "077").umask()).isEqualTo(077);
        assertThat(options("-u", "0x3f").umask()).isEqualTo(0x3f);
        assertThat(options("-u", "18").umask()).isEqualTo(18);
        Cli.Run bad = (Cli.Run) run("-u", "abc");
        assertThat(bad.err()).isEqualTo("Invalid --umask option abc\n");
        assertThat(bad.options().umask()).isNull();
        assertThat(((Cli.Run) run("-u", "01777")).err()).contains("Invalid --umask option");
    }

    @Test
    void defaultsAreKeepalivedsPaths() {
        Options o = options();
        assertThat(o.configFile()).isEqualTo(Path.of("/etc/keepalived/keepalived.conf"));
        assertThat(o.pidFile()).isEqualTo(Path.of("/run/keepalived.pid"));
        assertThat(o.vrrpPidFile()).isEqualTo(Path.of("/run/vrrp.pid"));
        assertThat(o.checkersPidFile()).isEqualTo(Path.of("/run/checkers.pid"));
        assertThat(o.logFile()).isNull();
        assertThat(o.syslog()).isTrue();
        assertThat(o.runVrrp()).isTrue();
        assertThat(o.runCheckers()).isTrue();
    }

    @Test
    void aNamespaceMovesTheDefaultPidFilesUnderRunKeepalived() {
        Options o = options("-s", "blue");
        assertThat(o.namespace()).isEqualTo("blue");
        assertThat(o.pidFile()).isEqualTo(Path.of("/run/keepalived/keepalived.pid"));
        assertThat(o.vrrpPidFile()).isEqualTo(Path.of("/run/keepalived/vrrp.pid"));
        assertThat(o.checkersPidFile()).isEqualTo(Path.of("/run/keepalived/checkers.pid"));
        assertThat(options("-s", "blue", "-p", "/x.pid").pidFile()).isEqualTo(Path.of("/x.pid"));
    }

    @Test
    void valuesAreTakenAndTheLastOneWins() {
        Options o = options("-f", "a.conf", "--use-file=b.conf", "-p/x/k.pid", "-r", "/x/v.pid", "-c", "/x/c.pid",
                "-i", "node1", "-e", "-s", "ns1", "-g/x/log", "-DD", "-P", "-G", "-n", "-l");
        assertThat(o.configFile()).isEqualTo(Path.of("b.conf"));
        assertThat(o.pidFile()).isEqualTo(Path.of("/x/k.pid"));
        assertThat(o.vrrpPidFile()).isEqualTo(Path.of("/x/v.pid"));
        assertThat(o.checkersPidFile()).isEqualTo(Path.of("/x/c.pid"));
        assertThat(o.configId()).isEqualTo("node1");
        assertThat(o.has(Opt.ALL_CONFIG)).isTrue();
        assertThat(o.value(Opt.NAMESPACE)).isEqualTo("ns1");
        assertThat(o.logFile()).isEqualTo(Path.of("/x/log"));
        assertThat(o.logDetail()).isEqualTo(2);
        assertThat(o.runCheckers()).isFalse();
        assertThat(o.syslog()).isFalse();
        assertThat(o.consoleLog()).isTrue();
    }

    @Test
    void consoleLoggingNeedsTheForeground() {
        assertThat(options("-l").consoleLog()).isFalse();
        assertThat(options("-l", "-n").consoleLog()).isTrue();
    }

    @Test
    void logFileWithoutANameUsesTheDefault() {
        assertThat(options("-g").logFile()).isEqualTo(Path.of("/tmp/keepalived.log"));
        assertThat(options("--log-file").logFile()).isEqualTo(Path.of("/tmp/keepalived.log"));
    }

    @Test
    void configTestTakesAnOptionalLogFile() {
        assertThat(options("-t").configTestLog()).isNull();
        assertThat(options("--config-test=/tmp/x").configTestLog()).isEqualTo("/tmp/x");
    }

    @Test
    void allBringsBackWhatVrrpOrCheckLeftOut() {
        assertThat(options("-C").runVrrp()).isFalse();
        assertThat(options("-C", "--all").runVrrp()).isTrue();
    }

    @Test
    void jvmMeaninglessFlagsAreAcceptedAndNotedOnce() {
        Options o = options("-R", "-m", "-M", "-x", "-A", "/s", "--no-mem-check", "--perf", "--debug=p",
                "--config-fd=3", "--ignore-sigint", "-B", "-b", "/b.pid", "-X", "-V", "-I", "-a");
        assertThat(Cli.ignoredNotes(o)).hasSize(11).allMatch(s -> s.startsWith("Ignoring option "));
        assertThat(Cli.ignoredNotes(options("-n"))).isEmpty();
    }
}
