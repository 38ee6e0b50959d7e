package io.jkeepalived.vrrp.fsm;

import static io.jkeepalived.vrrp.fsm.Timeline.MICRO;
import static io.jkeepalived.vrrp.fsm.Timeline.SECOND;
import static io.jkeepalived.vrrp.fsm.Timeline.T0;
import static io.jkeepalived.vrrp.fsm.Timeline.logs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.fsm.VrrpDecision.ArmTimer;
import io.jkeepalived.vrrp.fsm.VrrpDecision.StateChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** BACKUP's handling of adverts (RFC 5798 §6.4.2, keepalived vrrp.c vrrp_state_backup). */
class BackupElectionTest {

    private static final String PEER = "10.99.0.12";

    private static Timeline backup(InstanceSpec.Builder b) {
        Timeline t = Timeline.of(b.sourceAddress(Timeline.ip("10.99.0.11")));
        t.start();
        return t;
    }

    @Test
    void higherPriorityAdvertsRestartTheMasterDownTimer() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(100));
        for (int i = 1; i <= 10; i++) {
            t.advanceTo(T0 + i * SECOND);
            var d = t.advert(PEER, 150);
            assertThat(d).containsExactly(new ArmTimer(T0 + i * SECOND + 3_609_375 * MICRO));
        }
        assertThat(t.machine.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(t.machine.status().masterSource()).isEqualTo(Timeline.ip(PEER));
        assertThat(t.machine.status().masterPriority()).isEqualTo(150);
        // the master falls silent: take over one master-down interval after its last advert
        var takeover = t.advanceTo(T0 + 10 * SECOND + 3_609_375 * MICRO);
        assertThat(takeover.get(0)).isEqualTo(
                new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE));
    }

    @Test
    void refusedAdvertsLeaveTheMasterDownTimerRunning() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(100));
        long timer = t.timer;
        t.advanceTo(T0 + SECOND);
        assertThat(t.send(VrrpEvent.ADVERT_REFUSED)).isEmpty();
        assertThat(t.timer).isEqualTo(timer);
    }

    @Test
    void equalPriorityAdvertsAreAcceptedByABackup() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(100));
        t.advanceTo(T0 + SECOND);
        assertThat(t.advert("10.99.0.1", 100)).containsExactly(new ArmTimer(T0 + SECOND + 3_609_375 * MICRO));
    }

    @Test
    void backupPreemptsLowerPriorityMasterWhenPreemptTrue() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(150));
        long deadline = T0 + 3 * SECOND + 414_062 * MICRO;
        assertThat(t.timer).isEqualTo(deadline);
        for (int i = 1; i <= 3; i++) {
            t.advanceTo(T0 + i * SECOND);
            var d = t.advert(PEER, 100);
            assertThat(logs(d)).containsExactly(
                    "(VI_1) received lower priority (100) advert from 10.99.0.12 - discarding");
            assertThat(d).doesNotHaveAnyElementsOfTypes(ArmTimer.class);
            assertThat(t.timer).isEqualTo(deadline);
        }
        var takeover = t.advanceTo(deadline);
        assertThat(takeover.get(0)).isEqualTo(
                new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.PREEMPTED));
        assertThat(t.machine.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void nopreemptBackupNeverTakesOverFromALiveLowerPriorityMaster() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(150).nopreempt(true));
        for (int i = 1; i <= 20; i++) {
            t.advanceTo(T0 + i * SECOND);
            var d = t.advert(PEER, 100);
            assertThat(logs(d)).isEmpty();
            assertThat(d).containsExactly(new ArmTimer(T0 + i * SECOND + 3_414_062 * MICRO));
        }
        assertThat(t.machine.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void preemptDelayHoldsTheLowerPriorityMasterForTheDelayThenPreempts() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(150)
                .preemptDelay(Duration.ofSeconds(10)).logDetail(true));
        t.advanceTo(T0 + SECOND);
        assertThat(logs(t.advert(PEER, 100))).containsExactly("(VI_1) start preempt delay (10.000000)");
        for (int i = 2; i <= 10; i++) {
            t.advanceTo(T0 + i * SECOND);
            assertThat(logs(t.advert(PEER, 100))).isEmpty();
        }
        long deadline = T0 + 10 * SECOND + 3_414_062 * MICRO;
        assertThat(t.timer).isEqualTo(deadline);
        for (int i = 11; i <= 13; i++) {
            t.advanceTo(T0 + i * SECOND);
            assertThat(logs(t.advert(PEER, 100))).containsExactly(
                    "(VI_1) received lower priority (100) advert from 10.99.0.12 - discarding");
        }
        // ≈ preempt_delay + Master_Down_Interval after the first lower-priority advert
        t.advanceTo(deadline);
        assertThat(t.machine.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void preemptDelayStopsWhenAHigherPriorityMasterAppears() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(150)
                .preemptDelay(Duration.ofSeconds(10)).logDetail(true));
        t.advanceTo(T0 + SECOND);
        t.advert(PEER, 100);
        t.advanceTo(T0 + 2 * SECOND);
        assertThat(logs(t.advert("10.99.0.13", 200))).containsExactly("(VI_1) stop preempt delay");
        t.advanceTo(T0 + 3 * SECOND);
        assertThat(logs(t.advert(PEER, 100))).containsExactly("(VI_1) start preempt delay (10.000000)");
    }

    @Test
    void priorityZeroAdvertCutsTheTimerToSkewTime() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(100).logDetail(true));
        t.advanceTo(T0 + SECOND);
        t.advert(PEER, 200);
        t.advanceTo(T0 + 2 * SECOND);
        var d = t.advert(PEER, 0);
        assertThat(logs(d)).containsExactly("(VI_1) Backup received priority 0 advertisement");
        // Skew_Time = (256 − 100)/256 s
        assertThat(d).containsExactly(
                new VrrpDecision.Log("(VI_1) Backup received priority 0 advertisement"),
                new ArmTimer(T0 + 2 * SECOND + 609_375 * MICRO));
        var takeover = t.advanceTo(T0 + 2 * SECOND + 609_375 * MICRO);
        assertThat(logs(takeover)).containsExactly(
                "(VI_1) Receive advertisement timeout", "(VI_1) Entering MASTER STATE");
        assertThat(takeover.get(1)).isEqualTo(
                new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.PRIORITY_ZERO));
    }

    @Test
    void v3BackupAdoptsTheMastersAdvertInterval() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 52).version(VrrpVersion.V3).priority(100).logDetail(true));
        t.advanceTo(T0 + SECOND);
        var d = t.advert(PEER, 200, 50);
        assertThat(logs(d)).containsExactly("(VI_1) advertisement interval updated from 1000ms to 500ms by master");
        assertThat(t.machine.status().masterAdvertMicros()).isEqualTo(500_000);
        // 3 × 0.5 s + 156 × 50 × 625 / 16 µs
        assertThat(t.timer).isEqualTo(T0 + SECOND + 1_804_687 * MICRO);
        // on becoming master it advertises its own interval again
        var up = t.advanceTo(T0 + SECOND + 1_804_687 * MICRO);
        // the order keepalived 2.2.7 -D logs it in
        assertThat(logs(up)).containsExactly(
                "(VI_1) Receive advertisement timeout",
                "(VI_1) Entering MASTER STATE",
                "(VI_1) changing advert interval from 500ms to locally configured 1000ms");
        assertThat(t.machine.status().masterAdvertMicros()).isEqualTo(1_000_000);
        assertThat(t.timer).isEqualTo(T0 + SECOND + 1_804_687 * MICRO + SECOND);
    }

    @Test
    void v2BackupKeepsItsOwnInterval() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(100));
        t.advanceTo(T0 + SECOND);
        t.advert(PEER, 200, 3);
        assertThat(t.machine.status().masterAdvertMicros()).isEqualTo(1_000_000);
    }

    @Test
    void priorityChangeShiftsThePendingMasterDownExpiry() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(100).notifyPriorityChanges(true));
        t.advanceTo(T0 + SECOND);
        var d = t.send(new VrrpEvent.TrackingChanged(50, 0));
        // skew drops from 609375 µs to 414062 µs: the expiry moves 195313 µs earlier
        assertThat(d).containsExactly(
                new VrrpDecision.Log("(VI_1) Changing effective priority from 100 to 150"),
                new VrrpDecision.NotifyPriorityChanged(VrrpState.BACKUP, 150),
                new ArmTimer(T0 + 3 * SECOND + 414_062 * MICRO));
    }

    @Test
    void adjustedPriorityIsClampedAndAdvertised() {
        Timeline t = backup(InstanceSpec.builder("VI_1", 51).priority(100));
        t.send(new VrrpEvent.TrackingChanged(500, 0));
        assertThat(t.machine.effectivePriority()).isEqualTo(254);
        t.send(new VrrpEvent.TrackingChanged(-500, 0));
        assertThat(t.machine.effectivePriority()).isEqualTo(1);
        t.send(new VrrpEvent.TrackingChanged(-20, 0));
        var up = t.advance(Duration.ofSeconds(5));
        assertThat(up).contains(new VrrpDecision.SendAdvert(80));
    }
}
