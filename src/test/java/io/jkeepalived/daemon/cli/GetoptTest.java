package io.jkeepalived.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.daemon.cli.Getopt.Bad;
import io.jkeepalived.daemon.cli.Getopt.Event;
import io.jkeepalived.daemon.cli.Getopt.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The getopt_long grammar, checked against what keepalived 2.2.7 accepted and refused here. */
class GetoptTest {
    private static List<Event> events(String... argv) {
        return Getopt.parse(argv).events();
    }

    @Test
    void shortOptionsClusterAndEachIsReported() {
        assertThat(events("-lnD")).containsExactly(
                new Parsed(Opt.LOG_CONSOLE, null, false), new Parsed(Opt.DONT_FORK, null, false),
                new Parsed(Opt.LOG_DETAIL, null, false));
    }

    @Test
    void requiredValueIsAttachedOrTheNextWordEvenWhenItLooksLikeAnOption() {
        assertThat(events("-fFILE")).containsExactly(new Parsed(Opt.USE_FILE, "FILE", false));
        assertThat(events("-f", "FILE")).containsExactly(new Parsed(Opt.USE_FILE, "FILE", false));
        assertThat(events("-f", "-t")).containsExactly(new Parsed(Opt.USE_FILE, "-t", false));
        assertThat(events("-lf", "x")).containsExactly(new Parsed(Opt.LOG_CONSOLE, null, false),
                new Parsed(Opt.USE_FILE, "x", false));
        assertThat(events("--use-file=x")).containsExactly(new Parsed(Opt.USE_FILE, "x", true));
        assertThat(events("--use-file", "x")).containsExactly(new Parsed(Opt.USE_FILE, "x", true));
    }

    @Test
    void optionalValueIsOnlyEverAttached() {
        assertThat(events("-t")).containsExactly(new Parsed(Opt.CONFIG_TEST, null, false));
        assertThat(events("-tLOG")).containsExactly(new Parsed(Opt.CONFIG_TEST, "LOG", false));
        assertThat(events("-t=LOG")).containsExactly(new Parsed(Opt.CONFIG_TEST, "=LOG", false));
        assertThat(events("--config-test=LOG")).containsExactly(new Parsed(Opt.CONFIG_TEST, "LOG", true));
        Getopt.Result r = Getopt.parse(new String[] {"-M", "foo"});
        assertThat(r.events()).containsExactly(new Parsed(Opt.CORE_DUMP_PATTERN, null, false));
        assertThat(r.nonOptions()).containsExactly("foo");
    }

    @Test
    void optionalValueOptionEndsItsCluster() {
        assertThat(events("-tf")).containsExactly(new Parsed(Opt.CONFIG_TEST, "f", false));
    }

    @Test
    void unknownShortOptionsAreEachReportedAndTheClusterGoesOn() {
        assertThat(events("-lZq")).containsExactly(new Parsed(Opt.LOG_CONSOLE, null, false),
                new Bad("Unknown option -Z"), new Bad("Unknown option -q"));
        assertThat(events("-L")).containsExactly(new Bad("Unknown option -L"));
    }

    @Test
    void missingValuesAreReportedInKeepalivedsWords() {
        assertThat(events("-f")).containsExactly(new Bad("Missing parameter for option -f"));
        assertThat(events("--use-file=")).containsExactly(new Bad("Missing parameter for option --use-file"));
        assertThat(events("--pid")).containsExactly(new Bad("Missing parameter for option --pid"));
    }

    @Test
    void longNamesMayBeAbbreviatedWhileUnambiguous() {
        assertThat(events("--vers")).containsExactly(new Parsed(Opt.VERSION, null, true));
        assertThat(events("--log-fac=user")).containsExactly(new Parsed(Opt.LOG_FACILITY, "user", true));
        assertThat(events("--d")).containsExactly(new Bad("Unknown option --d"));
        assertThat(events("--all")).containsExactly(new Parsed(Opt.ALL, null, true));
        assertThat(events("--vrrp")).containsExactly(new Parsed(Opt.VRRP, null, true));
    }

    @Test
    void aValueGivenToAFlagIsAnUnknownOption() {
        assertThat(events("--version=3")).containsExactly(new Bad("Unknown option --version=3"));
        assertThat(events("--bogus")).containsExactly(new Bad("Unknown option --bogus"));
    }

    @Test
    void nonOptionsAreCollectedWhereverTheyStandAndDoubleDashEndsOptions() {
        Getopt.Result r = Getopt.parse(new String[] {"foo", "-n", "-", "--", "-l"});
        assertThat(r.events()).containsExactly(new Parsed(Opt.DONT_FORK, null, false));
        assertThat(r.nonOptions()).containsExactly("foo", "-", "-l");
    }

    @Test
    void everyOptionOfKeepalivedsHelpIsKnownByBothNames() {
        String shorts = "fPCBlDSgeGuXVIRndprTcabxAmMsitvh";
        for (char c : shorts.toCharArray()) assertThat(Opt.ofShort(c)).as("-" + c).isNotNull();
        for (String l : List.of("use-file", "vrrp", "check", "no_bfd", "all", "log-console", "log-detail",
                "log-facility", "log-file", "flush-log-file", "no-syslog", "umask", "release-vips",
                "dont-release-vrrp", "dont-release-ipvs", "dont-respawn", "dont-fork", "dump-conf", "pid",
                "vrrp_pid", "genhash", "checkers_pid", "address-monitoring", "bfd_pid", "snmp",
                "snmp-agent-socket", "namespace", "core-dump", "core-dump-pattern", "all-config", "config-id",
                "signum", "config-test", "version", "help", "perf", "debug", "no-mem-check", "ignore-sigint",
                "config-fd")) {
            assertThat(Getopt.match(l)).as("--" + l).isNotNull();
        }
    }
}
