package io.jkeepalived.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One owner's interfaces, scripts, files and processes summed into the machine's event, and its start-up lines. */
class OwnerTrackingTest {
    private final Set<String> up = new HashSet<>(Set.of("eth1", "eth2", "eth3"));
    private final Map<String, TrackerState> scripts = new HashMap<>();
    private final Map<String, Long> files = new HashMap<>();
    private final Map<String, TrackerState> processes = new HashMap<>();
    private final TrackerView view = new TrackerView() {
        @Override public TrackerState script(String name) { return scripts.getOrDefault(name, TrackerState.PENDING); }
        @Override public TrackerState process(String name) { return processes.getOrDefault(name, TrackerState.FAILED); }
        @Override public boolean interfaceUp(String name) { return up.contains(name); }
        @Override public long fileValue(String name) { return files.getOrDefault(name, 0L); }
    };

    private final OwnerTracking interfaces = new OwnerTracking("VI_1", List.of(new Tracked("eth1", -60, false),
            new Tracked("eth2", 10, false), new Tracked("eth3", 0, false)), List.of(), List.of(), List.of());

    @Test
    void allInterfacesUpGiveThePositiveWeightsAndNoFault() {
        assertThat(interfaces.evaluate(view, 0)).isEqualTo(new VrrpEvent.TrackingChanged(10, 0));
        assertThat(interfaces.evaluate(view, 0)).as("unchanged").isNull();
        assertThat(interfaces.startupFaultLines(view)).isEmpty();
    }

    @Test
    void aNegativeWeightSubtractsWhileDownAndAZeroWeightFaults() {
        interfaces.evaluate(view, 0);
        up.remove("eth1");
        assertThat(interfaces.evaluate(view, 0)).isEqualTo(new VrrpEvent.TrackingChanged(-50, 0));
        up.remove("eth3");
        assertThat(interfaces.evaluate(view, 0)).isEqualTo(new VrrpEvent.TrackingChanged(-50, 1));
        assertThat(interfaces.startupFaultLines(view)).containsExactly("(VI_1): entering FAULT state (interface eth3 down)");
        assertThat(interfaces.tracksInterface("eth2")).isTrue();
        assertThat(interfaces.tracksInterface("eth0")).isFalse();
    }

    @Test
    void everyKindAddsUpWithPerUseWeights() {
        OwnerTracking o = new OwnerTracking("VI_1", List.of(new Tracked("eth1", 5, false)),
                List.of(new Tracked("chk", -20, false), new Tracked("gate", 0, false)),
                List.of(new Tracked("prio", 3, false)), List.of(new Tracked("nginx", 7, false)));
        files.put("prio", 4L);
        processes.put("nginx", TrackerState.OK);
        assertThat(o.evaluate(view, 0)).as("gate pending, chk not yet counted")
                .isEqualTo(new VrrpEvent.TrackingChanged(5 + 12 + 7, 0, 1));
        scripts.put("chk", TrackerState.FAILED);
        scripts.put("gate", TrackerState.OK);
        assertThat(o.evaluate(view, 1)).isEqualTo(new VrrpEvent.TrackingChanged(5 + 12 + 7 - 20, 1, 0));
    }

    @Test
    void startupLinesNameEachCauseInKeepalivedsWords() {
        OwnerTracking o = new OwnerTracking("VI_1", List.of(), List.of(new Tracked("chk", 0, false)),
                List.of(new Tracked("f", 0, false), new Tracked("g", 2, false)), List.of(new Tracked("p", 0, false)));
        scripts.put("chk", TrackerState.FAILED);
        files.put("f", 1L);
        files.put("g", -200L);
        assertThat(o.startupFaultLines(view)).containsExactly(
                "(VI_1): entering FAULT state (tracked file f has status -254)",
                "(VI_1): entering FAULT state (tracked file g has status -400)",
                "(VI_1) entering FAULT state (tracked process p quorum not achieved)",
                "(VI_1): entering FAULT state due to script chk");
    }
}
