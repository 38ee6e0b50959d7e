package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.Prefix;
import io.jkeepalived.config.model.Route;
import io.jkeepalived.config.model.Rule;
import io.jkeepalived.net.IpFamily;
import io.jkeepalived.net.NetException;
import io.jkeepalived.net.RouteControl;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keepalived's set/unset bookkeeping for routes and rules (vrrp_iproute.c netlink_rtlist, vrrp_iprule.c). */
class RouteSetTest {

    /** A kernel that records calls and answers EEXIST for what it already has. */
    static final class Kernel implements RouteControl {
        final List<io.jkeepalived.net.Route> routes = new ArrayList<>();
        final List<io.jkeepalived.net.Rule> rules = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public void addRoute(io.jkeepalived.net.Route r) {
            calls.add("add route");
            if (routes.contains(r)) throw new NetException("add route", 17, "File exists");
            routes.add(r);
        }

        @Override
        public void deleteRoute(io.jkeepalived.net.Route r) {
            calls.add("del route");
            if (!routes.remove(r)) throw new NetException("delete route", 3, "No such process");
        }

        @Override
        public List<io.jkeepalived.net.Route> routes(IpFamily family) {
            return routes;
        }

        @Override
        public void addRule(io.jkeepalived.net.Rule r) {
            calls.add("add rule");
            if (rules.contains(r)) throw new NetException("add rule", 17, "File exists");
            rules.add(r);
        }

        @Override
        public void deleteRule(io.jkeepalived.net.Rule r) {
            calls.add("del rule");
            if (!rules.remove(r)) throw new NetException("delete rule", 2, "No such file or directory");
        }

        @Override
        public List<io.jkeepalived.net.Rule> rules(IpFamily family) {
            return rules;
        }
    }

    private static Route route(String dst, String via) {
        return new Route("unicast", false, new Prefix(InetAddress.ofLiteral(dst), 24), null,
                via == null ? null : InetAddress.ofLiteral(via), "eth0", 254, null, Map.of(), List.of(), false, null);
    }

    private static Rule rule(String from, long table, long priority) {
        return new Rule(false, new Prefix(InetAddress.ofLiteral(from), 24), null, priority, table, null, Map.of(),
                false, null);
    }

    @Test
    void aRouteAlreadyThereCountsAsOursAndIsRemovedWithTheRest() {
        Kernel k = new Kernel();
        RouteSet set = new RouteSet("static", List.of(route("10.99.60.0", "10.99.1.254")), List.of());
        k.routes.add(RouteWords.route(route("10.99.60.0", "10.99.1.254"), dev -> 3));
        set.addRoutes(k, dev -> 3);
        set.removeRoutes(k);
        assertThat(k.routes).isEmpty();
    }

    @Test
    void routesAreMarkedKeepalivedWithUniverseScope() {
        io.jkeepalived.net.Route r = RouteWords.route(route("10.99.70.0", "10.99.1.254"), dev -> 7);
        assertThat(r.protocol()).isEqualTo(18);
        assertThat(r.scope()).isZero();
        assertThat(r.outIfIndex()).isEqualTo(7);
        assertThat(r.table()).isEqualTo(254);
        assertThat(r.type()).isEqualTo(1);
    }

    @Test
    void addingTwiceAndRemovingTwiceTouchesTheKernelOnce() {
        Kernel k = new Kernel();
        RouteSet set = new RouteSet("(VI_1)", List.of(route("10.99.70.0", null)), List.of(rule("10.99.1.0", 100, 1000)));
        set.addRoutes(k, dev -> 3);
        set.addRules(k);
        set.addRoutes(k, dev -> 3);
        set.addRules(k);
        set.removeRules(k, false);
        set.removeRoutes(k);
        set.removeRules(k, false);
        set.removeRoutes(k);
        assertThat(k.calls).containsExactly("add route", "add rule", "del rule", "del route");
    }

    @Test
    void aRuleAlreadyThereIsAnErrorAndNotOursToRemoveUnlessForced() {
        Kernel k = new Kernel();
        RouteSet set = new RouteSet("static", List.of(), List.of(rule("10.99.1.0", 100, 1000)));
        k.rules.add(RouteWords.rule(rule("10.99.1.0", 100, 1000)));
        set.addRules(k);
        set.removeRules(k, false);
        assertThat(k.rules).hasSize(1);
        // start-up clearing of leftovers deletes it, a missing one being no error
        set.removeRules(k, true);
        set.removeRules(k, true);
        assertThat(k.rules).isEmpty();
    }

    @Test
    void trackedRulesCarryProtocolKeepalivedAndNoTrackOnesNone() {
        assertThat(RouteWords.rule(rule("10.99.1.0", 100, 1000)).protocol()).isEqualTo(18);
        Rule noTrack = new Rule(false, null, new Prefix(InetAddress.ofLiteral("10.99.73.0"), 24), 2001L, 101L, null,
                Map.of(), true, null);
        io.jkeepalived.net.Rule r = RouteWords.rule(noTrack);
        assertThat(r.protocol()).isZero();
        assertThat(r.source()).isNull();
        assertThat(r.table()).isEqualTo(101);
    }
}
