package io.jkeepalived.config.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.AddressFamily;
import io.jkeepalived.config.model.VirtualServer;
import io.jkeepalived.config.model.VirtualServerGroup;
import io.jkeepalived.config.model.VirtualServerGroup.Range;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LvsGroupTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void everyRangeFormIsExpanded() throws Exception {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server_group G {
                    10.0.0.1 80
                    10.0.0.10-20 80
                    10.0.1.0/24 443
                    10.0.2.1-10.0.2.9
                    2001:db8::1-ff 80
                    fwmark 7 inet
                }
                """);
        assertThat(r.diagnostics()).isEmpty();
        VirtualServerGroup g = r.lvs().group("G").orElseThrow();
        assertThat(g.ranges()).containsExactly(
                new Range(ip("10.0.0.1"), ip("10.0.0.1"), 80),
                new Range(ip("10.0.0.10"), ip("10.0.0.20"), 80),
                new Range(ip("10.0.1.0"), ip("10.0.1.255"), 443),
                new Range(ip("10.0.2.1"), ip("10.0.2.9"), 0),
                new Range(ip("2001:db8::1"), ip("2001:db8::ff"), 80));
        assertThat(g.fwmarks()).containsExactly(new VirtualServerGroup.Fwmark(7, AddressFamily.INET));
    }

    @Test
    void emptyGroupIsRemovedAtItsClosingBrace() {
        LvsFixture.Result r = LvsFixture.parse("virtual_server_group E {\n  bogus\n}\n");
        assertThat(r.lvs().groups()).isEmpty();
        assertThat(r.messages()).containsExactly(
                "(test.conf: Line 2) Invalid virtual server group IP address bogus  - skipping",
                "(test.conf: Line 3) virtual server group E has no entries - removing");
    }

    @Test
    void serverUsingAGroupTakesItsFamilyAndPersistenceWhenAPortIsMissing() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server group G {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    real_server 10.0.0.2 80 {
                    }
                }
                virtual_server_group G {
                    10.0.0.1
                }
                """);
        VirtualServer vs = r.lvs().virtualServers().getFirst();
        assertThat(vs.service()).isEqualTo(new VirtualServer.Service.Group("G"));
        assertThat(vs.family()).isEqualTo(AddressFamily.INET);
        assertThat(vs.persistenceTimeout()).isEqualTo(360);
        assertThat(r.messages()).containsExactly("Virtual server [G]:0: zero port only valid for persistent services - setting");
    }

    @Test
    void serverWithAnUnknownGroupIsDroppedSilently() {
        LvsFixture.Result r = LvsFixture.parse("""
                virtual_server group NOPE {
                    real_server 10.0.0.2 80 {
                    }
                }
                """);
        assertThat(r.lvs().virtualServers()).isEmpty();
        assertThat(r.diagnostics()).isEmpty();
    }
}
