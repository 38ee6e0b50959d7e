package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackedInterfacesTest {
    private final Set<String> up = new HashSet<>(Set.of("eth1", "eth2", "eth3"));
    private final TrackedInterfaces tracked = new TrackedInterfaces(List.of(
            new Tracked("eth1", -60, false), new Tracked("eth2", 10, false), new Tracked("eth3", 0, false)));

    @Test
    void allUpGivesThePositiveWeightsAndNoFault() {
        assertThat(tracked.evaluate(up::contains)).isEqualTo(new VrrpEvent.TrackingChanged(10, 0));
        assertThat(tracked.evaluate(up::contains)).as("unchanged").isNull();
        assertThat(tracked.faulting(up::contains)).isEmpty();
    }

    @Test
    void aNegativeWeightSubtractsWhileDownAndAZeroWeightFaults() {
        tracked.evaluate(up::contains);
        up.remove("eth1");
        assertThat(tracked.evaluate(up::contains)).isEqualTo(new VrrpEvent.TrackingChanged(-50, 0));
        up.remove("eth3");
        assertThat(tracked.evaluate(up::contains)).isEqualTo(new VrrpEvent.TrackingChanged(-50, 1));
        assertThat(tracked.faulting(up::contains)).containsExactly("eth3");
        assertThat(tracked.tracks("eth2")).isTrue();
        assertThat(tracked.tracks("eth0")).isFalse();
    }
}
