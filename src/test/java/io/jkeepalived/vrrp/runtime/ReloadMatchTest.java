package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.packet.IpFamily;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vrrp.c vrrp_exist: what keeps a running instance across a reload. */
class ReloadMatchTest {
    private static final InetAddress GROUP = InetAddress.ofLiteral("224.0.0.18");
    private static final InetAddress OTHER_GROUP = InetAddress.ofLiteral("224.0.0.19");
    private static final InetAddress SRC = InetAddress.ofLiteral("10.99.1.1");

    private static ReloadMatch.Key mcast(int vrid, String ifName, InetAddress group) {
        return new ReloadMatch.Key(vrid, IpFamily.IPV4, ifName, false, SRC, false, false, group);
    }

    @Test
    void anInstanceIsKeptByVridFamilyAndInterfaceWhateverItsNameOrPosition() {
        var old = List.of(mcast(51, "eth0", GROUP), mcast(52, "eth0", GROUP));
        var updated = List.of(mcast(52, "eth0", GROUP), mcast(53, "eth0", GROUP), mcast(51, "eth0", GROUP));
        assertThat(ReloadMatch.match(old, updated)).containsExactly(2, 0);
    }

    @Test
    void aChangedVridInterfaceOrFamilyMakesANewInstance() {
        var old = List.of(mcast(51, "eth0", GROUP));
        assertThat(ReloadMatch.match(old, List.of(mcast(52, "eth0", GROUP)))).containsExactly(-1);
        assertThat(ReloadMatch.match(old, List.of(mcast(51, "eth1", GROUP)))).containsExactly(-1);
        var v6 = new ReloadMatch.Key(51, IpFamily.IPV6, "eth0", false, null, false, false, GROUP);
        assertThat(ReloadMatch.match(old, List.of(v6))).containsExactly(-1);
    }

    @Test
    void aChangedMulticastGroupOrVmacIsNoMatch() {
        var old = List.of(mcast(51, "eth0", GROUP));
        assertThat(ReloadMatch.match(old, List.of(mcast(51, "eth0", OTHER_GROUP)))).containsExactly(-1);
        var vmac = new ReloadMatch.Key(51, IpFamily.IPV4, "eth0", false, SRC, true, false, GROUP);
        assertThat(ReloadMatch.match(old, List.of(vmac))).containsExactly(-1);
    }

    @Test
    void unicastInstancesMatchOnTheirSourceAddressAndNeverAMulticastOne() {
        var uOld = new ReloadMatch.Key(51, IpFamily.IPV4, "eth0", true, SRC, false, false, null);
        var uOtherSource = new ReloadMatch.Key(51, IpFamily.IPV4, "eth0", true, InetAddress.ofLiteral("10.99.1.9"),
                false, false, null);
        assertThat(ReloadMatch.match(List.of(uOld), List.of(mcast(51, "eth0", GROUP)))).containsExactly(-1);
        assertThat(ReloadMatch.match(List.of(uOld), List.of(uOtherSource, uOld))).containsExactly(1);
    }
}
