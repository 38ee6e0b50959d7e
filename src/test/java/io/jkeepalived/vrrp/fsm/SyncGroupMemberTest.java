package io.jkeepalived.vrrp.fsm;

import static io.jkeepalived.vrrp.fsm.Timeline.MICRO;
import static io.jkeepalived.vrrp.fsm.Timeline.SECOND;
import static io.jkeepalived.vrrp.fsm.Timeline.T0;
import static io.jkeepalived.vrrp.fsm.Timeline.logs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.fsm.VrrpDecision.AddVips;
import io.jkeepalived.vrrp.fsm.VrrpDecision.ArmTimer;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Log;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Notify;
import io.jkeepalived.vrrp.fsm.VrrpDecision.RemoveVips;
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendAdvert;
import io.jkeepalived.vrrp.fsm.VrrpDecision.StateChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a sync-group member does when its group holds it back or pulls it along (vrrp_sync.c). */
class SyncGroupMemberTest {

    private static Timeline backup() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100).logDetail(true));
        t.start();
        return t;
    }

    private static Timeline master() {
        Timeline t = backup();
        t.advance(Duration.ofSeconds(5));
        assertThat(t.machine.state()).isEqualTo(VrrpState.MASTER);
        return t;
    }

    @Test
    void groupNotReadyKeepsTheMemberInBackupWishingMaster() {
        Timeline t = backup();
        t.clock.setNanos(t.timer);
        var d = t.send(VrrpEvent.TIMER_FIRED_GROUP_NOT_READY);
        assertThat(d).containsExactly(
                new Log("(VI_1) Receive advertisement timeout"),
                new ArmTimer(t.now() + 3_609_375 * MICRO));
        assertThat(t.machine.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(t.machine.wantState()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void hearingAMasterMakesTheWishBackupAgain() {
        Timeline t = backup();
        assertThat(t.machine.wantState()).isEqualTo(VrrpState.BACKUP);
        t.clock.setNanos(t.timer);
        t.send(VrrpEvent.TIMER_FIRED_GROUP_NOT_READY);
        t.advert("10.99.0.12", 200);
        assertThat(t.machine.wantState()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void groupPullsABackupToMaster() {
        Timeline t = backup();
        t.advanceTo(T0 + SECOND);
        var d = t.send(new VrrpEvent.GroupSync(VrrpState.MASTER));
        assertThat(d.get(0)).isEqualTo(
                new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.SYNC_GROUP));
        assertThat(d).contains(new SendAdvert(100), new Log("(VI_1) Entering MASTER STATE"), new AddVips(true),
                new Notify(VrrpState.MASTER, 100), new ArmTimer(T0 + 2 * SECOND));
    }

    @Test
    void groupPullsAMasterToBackupWithoutPriorityZero() {
        Timeline t = master();
        assertThat(t.send(new VrrpEvent.GroupSync(VrrpState.BACKUP))).containsExactly(
                new Log("(VI_1) Entering BACKUP STATE"),
                new RemoveVips(true),
                new StateChanged(VrrpState.MASTER, VrrpState.BACKUP, TransitionReason.SYNC_GROUP),
                new Notify(VrrpState.BACKUP, 100),
                new ArmTimer(t.now() + 3_609_375 * MICRO));
    }

    @Test
    void groupFaultTakesAMasterDownWithOnePriorityZeroAdvert() {
        Timeline t = master();
        assertThat(t.send(new VrrpEvent.GroupSync(VrrpState.FAULT))).containsExactly(
                new Log("(VI_1) Entering FAULT STATE"),
                new SendAdvert(0),
                new RemoveVips(true),
                new StateChanged(VrrpState.MASTER, VrrpState.FAULT, TransitionReason.SYNC_GROUP),
                new Notify(VrrpState.FAULT, 100),
                VrrpDecision.DISARM_TIMER);
    }

    @Test
    void groupFaultTakesABackupDownWithoutALogLine() {
        Timeline t = backup();
        assertThat(t.send(new VrrpEvent.GroupSync(VrrpState.FAULT))).containsExactly(
                new StateChanged(VrrpState.BACKUP, VrrpState.FAULT, TransitionReason.SYNC_GROUP),
                new Notify(VrrpState.FAULT, 100),
                VrrpDecision.DISARM_TIMER);
        // its own trackers did not fail, so an unrelated tracker report does not bring it back
        assertThat(t.send(new VrrpEvent.TrackingChanged(0, 0))).isEmpty();
        assertThat(logs(t.send(new VrrpEvent.GroupSync(VrrpState.BACKUP))))
                .containsExactly("(VI_1) Entering BACKUP STATE");
        assertThat(t.timer).isEqualTo(t.now() + 3_609_375 * MICRO);
    }

    @Test
    void groupCannotMoveAnInstanceThatHasNotStartedOrHasStopped() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51));
        assertThat(t.send(new VrrpEvent.GroupSync(VrrpState.MASTER))).isEmpty();
        t.start();
        t.send(new VrrpEvent.Shutdown(true));
        assertThat(t.send(new VrrpEvent.GroupSync(VrrpState.BACKUP))).isEmpty();
    }
}
