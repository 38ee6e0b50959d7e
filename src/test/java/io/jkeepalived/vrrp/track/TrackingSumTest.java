package io.jkeepalived.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.fsm.EffectivePriority;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import org.junit.jupiter.api.Test;

/** keepalived-features §2.8: weights, reverse, weight 0, files × weight, clamping. */
class TrackingSumTest {

    private static VrrpEvent.TrackingChanged one(int weight, boolean reverse, TrackerState s) {
        return new TrackingSum().add(weight, reverse, s).toEvent();
    }

    @Test
    void positiveWeightAddsWhileOk() {
        assertThat(one(10, false, TrackerState.OK)).isEqualTo(new VrrpEvent.TrackingChanged(10, 0, 0));
        assertThat(one(10, false, TrackerState.FAILED)).isEqualTo(new VrrpEvent.TrackingChanged(0, 0, 0));
    }

    @Test
    void negativeWeightSubtractsWhileFailed() {
        assertThat(one(-20, false, TrackerState.OK)).isEqualTo(new VrrpEvent.TrackingChanged(0, 0, 0));
        assertThat(one(-20, false, TrackerState.FAILED)).isEqualTo(new VrrpEvent.TrackingChanged(-20, 0, 0));
    }

    @Test
    void reverseFlipsTheSense() {
        assertThat(one(10, true, TrackerState.OK)).isEqualTo(new VrrpEvent.TrackingChanged(-10, 0, 0));
        assertThat(one(-20, true, TrackerState.FAILED)).isEqualTo(new VrrpEvent.TrackingChanged(20, 0, 0));
        assertThat(one(0, true, TrackerState.OK)).isEqualTo(new VrrpEvent.TrackingChanged(0, 1, 0));
        assertThat(one(0, true, TrackerState.FAILED)).isEqualTo(new VrrpEvent.TrackingChanged(0, 0, 0));
    }

    @Test
    void weightZeroFaultsOnFailureAndHoldsWhilePending() {
        assertThat(one(0, false, TrackerState.FAILED)).isEqualTo(new VrrpEvent.TrackingChanged(0, 1, 0));
        assertThat(one(0, false, TrackerState.PENDING)).isEqualTo(new VrrpEvent.TrackingChanged(0, 0, 1));
        // a weighted script adds nothing until its first result
        assertThat(one(-20, false, TrackerState.PENDING)).isEqualTo(new VrrpEvent.TrackingChanged(0, 0, 0));
    }

    @Test
    void contributionsAddUp() {
        var e = new TrackingSum().add(-20, false, TrackerState.FAILED).add(5, false, TrackerState.OK)
                .add(0, false, TrackerState.FAILED).addFault().toEvent();
        assertThat(e).isEqualTo(new VrrpEvent.TrackingChanged(-15, 2, 0));
    }

    @Test
    void fileValueTimesWeightCappedAt253AndFaultingAtMinus254() {
        assertThat(TrackingSum.fileStatus(1, false, 7)).isEqualTo(7);
        assertThat(TrackingSum.fileStatus(-2, false, 10)).isEqualTo(-20);
        assertThat(TrackingSum.fileStatus(3, true, 10)).isEqualTo(-30);
        assertThat(TrackingSum.fileStatus(10, false, 100)).isEqualTo(253);
        assertThat(TrackingSum.fileStatus(1, false, -253)).isEqualTo(-253);
        assertThat(TrackingSum.fileStatus(1, false, -254)).isEqualTo(-254);
        assertThat(TrackingSum.fileStatus(1, false, Integer.MIN_VALUE)).isEqualTo(-254);
        assertThat(new TrackingSum().addFile(1, false, -300).toEvent()).isEqualTo(new VrrpEvent.TrackingChanged(0, 1, 0));
        assertThat(new TrackingSum().addFile(2, false, 5).toEvent()).isEqualTo(new VrrpEvent.TrackingChanged(10, 0, 0));
    }

    @Test
    void fileWithWeightZeroFaultsOnAnyNonZeroValue() {
        assertThat(new TrackingSum().addFile(0, false, 0).failed()).isZero();
        assertThat(new TrackingSum().addFile(0, false, 3).failed()).isOne();
        assertThat(new TrackingSum().addFile(0, false, -1).failed()).isOne();
        assertThat(new TrackingSum().addFile(0, true, 0).failed()).isOne();
        assertThat(new TrackingSum().addFile(0, true, 3).failed()).isZero();
    }

    @Test
    void effectivePriorityIsClampedAndAnOwnerNeverMoves() {
        assertThat(EffectivePriority.of(80, -20)).isEqualTo(60);
        assertThat(EffectivePriority.of(10, -50)).isEqualTo(1);
        assertThat(EffectivePriority.of(250, 50)).isEqualTo(254);
        assertThat(EffectivePriority.of(255, -100)).isEqualTo(255);
    }
}
