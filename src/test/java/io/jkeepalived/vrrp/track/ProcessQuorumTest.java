package io.jkeepalived.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vrrp_track_process quorum, quorum_max, fork_delay and terminate_delay on an injected clock. */
class ProcessQuorumTest {
    private static final long S = 1_000_000_000L;
    private final List<String> logs = new ArrayList<>();

    @Test
    void firstCountAppliesAtOnceAndSilently() {
        ProcessQuorum q = new ProcessQuorum("nginx", 1, 0xFFFFFFFFL, 5 * S, 5 * S);
        assertThat(q.counted(2, 0, logs::add)).isFalse();
        assertThat(q.state()).isEqualTo(TrackerState.OK);
        assertThat(logs).isEmpty();
    }

    @Test
    void quorumAndQuorumMaxBoundTheCount() {
        ProcessQuorum q = new ProcessQuorum("w", 2, 3, 0, 0);
        q.counted(1, 0, logs::add);
        assertThat(q.state()).isEqualTo(TrackerState.FAILED);
        assertThat(q.counted(2, 1, logs::add)).isTrue();
        assertThat(q.counted(3, 2, logs::add)).isFalse();
        assertThat(q.counted(4, 3, logs::add)).isTrue();
        assertThat(q.state()).isEqualTo(TrackerState.FAILED);
        assertThat(logs).containsExactly("Quorum gained for tracked process w", "Quorum lost for tracked process w");
    }

    @Test
    void terminateDelayWaitsBeforeLosingAndAReturnCancels() {
        ProcessQuorum q = new ProcessQuorum("w", 1, 10, 0, 3 * S);
        q.counted(1, 0, logs::add);
        assertThat(q.counted(0, S, logs::add)).isFalse();
        assertThat(q.deadline()).isEqualTo(4 * S);
        assertThat(q.counted(1, 2 * S, logs::add)).isFalse();
        assertThat(q.deadline()).isEqualTo(ProcessQuorum.NONE);
        q.counted(0, 5 * S, logs::add);
        assertThat(q.timerExpired(7 * S, logs::add)).isFalse();
        assertThat(q.timerExpired(8 * S, logs::add)).isTrue();
        assertThat(q.state()).isEqualTo(TrackerState.FAILED);
        assertThat(logs).containsExactly("Quorum lost for tracked process w");
    }

    @Test
    void forkDelayWaitsBeforeGaining() {
        ProcessQuorum q = new ProcessQuorum("w", 1, 10, 2 * S, 0);
        q.counted(0, 0, logs::add);
        assertThat(q.counted(1, S, logs::add)).isFalse();
        assertThat(q.state()).isEqualTo(TrackerState.FAILED);
        assertThat(q.timerExpired(3 * S, logs::add)).isTrue();
        assertThat(q.state()).isEqualTo(TrackerState.OK);
        // losing is immediate without terminate_delay
        assertThat(q.counted(0, 4 * S, logs::add)).isTrue();
    }
}
