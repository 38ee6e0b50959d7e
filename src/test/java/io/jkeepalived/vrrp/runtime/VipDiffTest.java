package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.net.InterfaceAddress;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vrrp_ipaddress.c get_diff_address / compare_ipaddress for a kept instance's VIPs. */
class VipDiffTest {
    private static InterfaceAddress a(String ip, int prefix) {
        return InterfaceAddress.of(2, InetAddress.ofLiteral(ip), prefix);
    }

    @Test
    void addressesOnlyInTheOldListAreRemovedAndOnlyInTheNewAreAdded() {
        var diff = VipDiff.of(List.of(a("10.99.1.100", 24), a("10.99.1.101", 24)),
                List.of(a("10.99.1.100", 24), a("10.99.1.102", 24)));
        assertThat(diff.removed()).containsExactly(a("10.99.1.101", 24));
        assertThat(diff.removedIndexes()).containsExactly(1);
        assertThat(diff.added()).containsExactly(a("10.99.1.102", 24));
    }

    @Test
    void aChangedPrefixLabelScopeOrInterfaceIsAnotherAddress() {
        var old = a("10.99.1.100", 24);
        assertThat(VipDiff.of(List.of(old), List.of(a("10.99.1.100", 32))).removed()).hasSize(1);
        assertThat(VipDiff.of(List.of(old), List.of(old.withLabel("eth0:v"))).added()).hasSize(1);
        assertThat(VipDiff.of(List.of(old), List.of(old.withScope(253))).removed()).hasSize(1);
        assertThat(VipDiff.of(List.of(old), List.of(InterfaceAddress.of(3, old.address(), 24))).added()).hasSize(1);
    }

    @Test
    void theSameListIsNoChange() {
        var diff = VipDiff.of(List.of(a("10.99.1.100", 24)), List.of(a("10.99.1.100", 24)));
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.added()).isEmpty();
    }
}
