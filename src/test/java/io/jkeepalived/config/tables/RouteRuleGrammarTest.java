package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * static_routes / static_rules lines and keepalived 2.2.7 -t's exit code for each (0 clean, 5 an error on
 * the line, 2 a missing parameter), measured in a namespace with eth0..eth3.
 */
class RouteRuleGrammarTest {

    private static final String ROUTES = """
                10.98.0.0/24 dev eth0 | 0
                10.98.0.0/24 via 10.99.0.2 dev eth0 | 0
                10.98.0.0/24 gw 10.99.0.2 dev eth0 | 5
                default via 10.99.0.1 dev eth0 | 0
                default6 via fe80::1 dev eth0 | 0
                to 10.98.0.0/24 dev eth0 | 0
                unreachable 10.98.0.0/24 | 5
                blackhole 10.98.0.0/24 dev eth0 | 0
                throw 10.98.0.0/24 dev eth0 table 100 | 0
                local 10.99.0.5 dev eth0 table local | 0
                10.98.0.0/24 dev eth0 table main | 0
                10.98.0.0/24 dev eth0 table nosuch | 5
                10.98.0.0/24 dev eth0 table 0 | 0
                10.98.0.0/24 dev eth0 metric 10 | 0
                10.98.0.0/24 dev eth0 metric x | 5
                10.98.0.0/24 dev eth0 preference 10 | 0
                10.98.0.0/24 dev eth0 src 10.99.0.1 | 0
                10.98.0.0/24 dev eth0 src fe80::1 | 5
                10.98.0.0/24 dev eth0 protocol static | 5
                10.98.0.0/24 dev eth0 protocol keepalived | 0
                10.98.0.0/24 dev eth0 protocol bogus | 5
                10.98.0.0/24 dev eth0 scope link | 0
                10.98.0.0/24 dev eth0 scope bogus | 5
                10.98.0.0/24 dev eth0 mtu 1400 | 0
                10.98.0.0/24 dev eth0 mtu lock 1400 | 0
                10.98.0.0/24 dev eth0 mtu x | 5
                10.98.0.0/24 dev eth0 advmss 1300 hoplimit 5 rtt 10 rttvar 5 reordering 3 window 10 cwnd 5 ssthresh 5 | 0
                10.98.0.0/24 dev eth0 realms 5 | 0
                10.98.0.0/24 dev eth0 rto_min 5 initcwnd 10 initrwnd 10 | 0
                10.98.0.0/24 dev eth0 features ecn | 0
                10.98.0.0/24 dev eth0 features foo | 5
                10.98.0.0/24 dev eth0 quickack 1 | 0
                10.98.0.0/24 dev eth0 congctl cubic | 0
                10.98.0.0/24 dev eth0 pref high | 5
                10.98.0.0/24 dev eth0 pref bogus | 5
                10.98.0.0/24 dev eth0 ttl-propagate enabled | 0
                10.98.0.0/24 dev eth0 fastopen_no_cookie 1 | 0
                10.98.0.0/24 dev eth0 onlink | 0
                10.98.0.0/24 dev eth0 no_track | 0
                10.98.0.0/24 no_track | 0
                10.98.0.0/24 dev eth0 expires 10 | 5
                fd00:99::/64 dev eth0 expires 10 | 0
                10.98.0.0/24 dev eth9 | 5
                10.98.0.0/24 oif eth0 | 0
                10.98.0.0/24 nexthop via 10.99.0.2 dev eth0 weight 1 nexthop via 10.99.0.3 dev eth0 weight 2 | 5
                10.98.0.0/24 dev eth0 nexthop via 10.99.0.2 | 0
                10.98.0.0/24 via 10.99.0.2 or via 10.99.0.3 | 5
                10.98.0.0/24 dev eth0 encap mpls 100 | 0
                10.98.0.0/24 dev eth0 encap ip id 5 dst 10.99.0.9 | 0
                10.98.0.0/24 dev eth0 track_group TG | 5
                10.98.0.0/24 dev eth0 from 10.99.0.0/24 | 5
                fd00:98::/64 dev eth0 from fd00:99::/64 | 0
                10.98.0.0/24 dev eth0 tos 4 | 0
                10.98.0.0/24 dev eth0 tos x | 5
                10.98.0.0/24 dev eth0 dsfield 4 | 0
                10.98.0.0/24 dev eth0 as 10.99.0.9 | 5
                10.98.0.0/24 dev eth0 vrf foo | 5
                10.98.0.0/24 dev eth0 bogus | 5
                10.98.0.0/33 dev eth0 | 5
                10.98.0.0/24 dev eth0 via inet 10.99.0.2 | 0
                10.98.0.0/24 dev eth0 via inet6 fe80::1 | 5
                inet6 10.98.0.0/24 dev eth0 | 5
                inet 10.98.0.0/24 dev eth0 add | 5
                10.98.0.0/24 10.97.0.0/24 dev eth0 | 0
                dev eth0 | 5
                10.98.0.0/24 dev | 2
                10.98.0.0/24 dev eth0 metric | 2
            """;

    private static final String RULES = """
                from 10.99.0.0/24 table 100 priority 10 | 0
                from 10.99.0.0/24 table 100 | 5
                to 10.98.0.0/24 lookup main preference 5 | 0
                from all table 100 order 7 | 0
                from 10.99.0.0/24 table nosuch priority 1 | 5
                from 10.99.0.0/24 table 0 priority 1 | 5
                from 10.99.0.0/24 priority 1 | 5
                from 10.99.0.0/24 table 100 nop priority 1 | 5
                from 10.99.0.0/24 blackhole priority 1 | 0
                from 10.99.0.0/24 prohibit priority 1 | 0
                from 10.99.0.0/24 unreachable priority 1 | 0
                from 10.99.0.0/24 type blackhole priority 1 | 0
                from 10.99.0.0/24 type bogus priority 1 | 5
                from 10.99.0.0/24 goto 100 priority 1 | 0
                from 10.99.0.0/24 goto 100 priority 200 | 5
                from 10.99.0.0/24 goto 100 | 5
                from 10.99.0.0/24 goto x priority 1 | 5
                from 10.99.0.0/24 table 100 tos 4 priority 1 | 0
                from 10.99.0.0/24 table 100 dsfield x priority 1 | 5
                from 10.99.0.0/24 table 100 fwmark 0x10 priority 1 | 0
                from 10.99.0.0/24 table 100 fwmark 0x10/0xff priority 1 | 0
                from 10.99.0.0/24 table 100 fwmark x priority 1 | 5
                from 10.99.0.0/24 table 100 realms 5 priority 1 | 0
                from fd00::/64 table 100 realms 5 priority 1 | 5
                from 10.99.0.0/24 table 100 suppress_prefixlength 8 priority 1 | 0
                from 10.99.0.0/24 table 100 sup_pl x priority 1 | 5
                from 10.99.0.0/24 table 100 suppress_ifgroup 5 priority 1 | 0
                from 10.99.0.0/24 table 100 sup_group x priority 1 | 5
                from 10.99.0.0/24 table 100 iif eth0 priority 1 | 0
                from 10.99.0.0/24 table 100 dev eth9 priority 1 | 5
                from 10.99.0.0/24 table 100 oif eth1 priority 1 | 0
                from 10.99.0.0/24 table 100 tunnel-id 5 priority 1 | 0
                from 10.99.0.0/24 table 100 uidrange 100-200 priority 1 | 0
                from 10.99.0.0/24 table 100 uidrange 200 priority 1 | 5
                from 10.99.0.0/24 l3mdev priority 1 | 0
                from 10.99.0.0/24 table 100 l3mdev priority 1 | 5
                from 10.99.0.0/24 table 100 protocol static priority 1 | 5
                from 10.99.0.0/24 table 100 protocol bogus priority 1 | 5
                from 10.99.0.0/24 table 100 ipproto tcp priority 1 | 0
                from 10.99.0.0/24 table 100 ipproto 6 priority 1 | 0
                from 10.99.0.0/24 table 100 ipproto bogus priority 1 | 5
                from 10.99.0.0/24 table 100 sport 80 priority 1 | 5
                from 10.99.0.0/24 table 100 sport 80-90 priority 1 | 0
                from 10.99.0.0/24 table 100 dport x priority 1 | 5
                from 10.99.0.0/24 table 100 no_track priority 1 | 0
                from 10.99.0.0/24 table 100 track_group TG priority 1 | 5
                from 10.99.0.0/24 table 100 not priority 1 | 0
                inet6 from fd00::/64 table 100 priority 1 | 5
                inet from fd00::/64 table 100 priority 1 | 5
                from 10.99.0.0/24 to fd00::/64 table 100 priority 1 | 5
                from bogus table 100 priority 1 | 5
                to bogus table 100 priority 1 | 5
                from 10.99.0.0/24 table 100 priority x | 5
                from 10.99.0.0/24 table 100 bogus priority 1 | 5
                from 10.99.0.0/24 table 100 priority 1 realms 5 | 0
                from 10.99.0.0/24 nop realms 5 priority 1 | 5
                table 100 priority 1 | 0
                from 10.99.0.0/24 table 100 priority 1 protocol keepalived | 5
                from 10.99.0.0/24 iif eth0 table 100 priority 1 track_group TG | 5
            """;

    static Stream<Arguments> routes() {
        return cases(ROUTES);
    }

    static Stream<Arguments> rules() {
        return cases(RULES);
    }

    private static Stream<Arguments> cases(String table) {
        return table.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            int bar = l.lastIndexOf(" | ");
            return Arguments.of(l.substring(0, bar), Integer.parseInt(l.substring(bar + 3)));
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("routes")
    void routeLine(String line, int exit) {
        var l = ConfText.load("static_routes {\n  " + line + "\n}\n");
        assertThat(l.exitCode()).isEqualTo(exit);
        if (exit != 0) assertThat(l.lines()).contains(2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rules")
    void ruleLine(String line, int exit) {
        var l = ConfText.load("static_rules {\n  " + line + "\n}\n");
        assertThat(l.exitCode()).isEqualTo(exit);
        if (exit != 0) assertThat(l.lines()).contains(2);
    }
}
