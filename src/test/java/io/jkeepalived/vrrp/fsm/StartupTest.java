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
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendGratuitousArps;
import io.jkeepalived.vrrp.fsm.VrrpDecision.StateChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Leaving INIT (vrrp_scheduler.c vrrp_init_state) and the first take-over (RFC 5798 §6.4.2). */
class StartupTest {

    @Test
    void startsAsBackupWithAFullMasterDownInterval() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        // v2: 3 × 1 s + (256 − 100)/256 s = 3.609375 s
        assertThat(t.start()).containsExactly(
                new RemoveVips(true),
                new Log("(VI_1) Entering BACKUP STATE (init)"),
                new StateChanged(VrrpState.INIT, VrrpState.BACKUP, TransitionReason.STARTUP),
                new Notify(VrrpState.BACKUP, 100),
                new ArmTimer(T0 + 3_609_375 * MICRO));
        assertThat(t.machine.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(t.machine.status().vipsSet()).isFalse();
    }

    @Test
    void backupTakesOverAfterMasterDownIntervalSendingTheAdvertFirst() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        t.start();
        assertThat(t.advanceTo(T0 + 3_609_375 * MICRO - 1)).isEmpty();
        long at = T0 + 3_609_375 * MICRO;
        assertThat(t.advanceTo(at)).containsExactly(
                new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE),
                new SendAdvert(100),
                new Log("(VI_1) Entering MASTER STATE"),
                new AddVips(true),
                new SendGratuitousArps(5, at, GarpReason.BECAME_MASTER),
                new Notify(VrrpState.MASTER, 100),
                new SendGratuitousArps(5, at + 5 * SECOND, GarpReason.MASTER_DELAYED),
                new ArmTimer(at + SECOND));
    }

    @Test
    void masterAdvertisesEveryAdvertInterval() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        t.start();
        long at = T0 + 3_609_375 * MICRO;
        t.advanceTo(at);
        var tick = t.advanceTo(at + 3 * SECOND);
        assertThat(Timeline.only(tick, SendAdvert.class)).containsExactly(
                new SendAdvert(100), new SendAdvert(100), new SendAdvert(100));
        assertThat(logs(tick)).isEmpty();
        assertThat(t.timer).isEqualTo(at + 4 * SECOND);
    }

    @Test
    void v3MasterDownIntervalCountsInCentiseconds() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 52).version(VrrpVersion.V3)
                .advertInterval(Duration.ofMillis(500)).priority(100));
        t.start();
        // 3 × 0.5 s + 156 × 50 cs × 10 ms / 256 = 1.5 s + 304687 µs (keepalived truncates to the µs)
        assertThat(t.timer).isEqualTo(T0 + 1_804_687 * MICRO);
        assertThat(t.machine.status().masterDownNanos()).isEqualTo(1_804_687 * MICRO);
    }

    @Test
    void downTimerAdvertsScalesTheInterval() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(200).downTimerAdverts(5));
        t.start();
        assertThat(t.timer).isEqualTo(T0 + 5 * SECOND + 218_750 * MICRO);
    }

    @Test
    void ownerWithStateMasterBecomesMasterAfterOneMicrosecond() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(255).initialMaster(true));
        var start = t.start();
        assertThat(logs(start)).isEmpty();
        assertThat(start).containsExactly(new RemoveVips(true),
                new StateChanged(VrrpState.INIT, VrrpState.BACKUP, TransitionReason.STARTUP),
                new ArmTimer(T0 + MICRO));
        var up = t.advanceTo(T0 + MICRO);
        assertThat(logs(up)).containsExactly("(VI_1) Entering MASTER STATE");
        assertThat(up.get(0)).isEqualTo(
                new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.PREEMPTED));
        assertThat(up).contains(new SendAdvert(255), new AddVips(true), new Notify(VrrpState.MASTER, 255));
    }

    @Test
    void stateMasterWithoutOwnerPriorityStartsAsAnOrdinaryBackup() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(150).initialMaster(true));
        var start = t.start();
        assertThat(logs(start)).containsExactly("(VI_1) Entering BACKUP STATE (init)");
        assertThat(t.timer).isEqualTo(T0 + 3 * SECOND + 414_062 * MICRO);
    }

    @Test
    void interfaceDownAtStartGoesToFaultWithANotifyButNoInitLine() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51));
        assertThat(t.send(VrrpEvent.INTERFACE_DOWN)).isEmpty();
        assertThat(t.start()).containsExactly(
                new Log("(VI_1) entering FAULT state"),
                new StateChanged(VrrpState.INIT, VrrpState.FAULT, TransitionReason.STARTUP),
                new Notify(VrrpState.FAULT, 100),
                new RemoveVips(true));
        assertThat(t.timer).isEqualTo(VrrpMachine.NO_DEADLINE);
    }

    @Test
    void waitingForAFirstScriptResultHoldsInFaultQuietlyThenEntersBackup() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51));
        t.send(new VrrpEvent.TrackingChanged(0, 0, 1));
        assertThat(t.start()).containsExactly(
                new RemoveVips(true),
                new StateChanged(VrrpState.INIT, VrrpState.FAULT, TransitionReason.STARTUP));
        t.advance(Duration.ofSeconds(2));
        var up = t.send(new VrrpEvent.TrackingChanged(0, 0, 0));
        assertThat(up).containsExactly(
                new Log("(VI_1) Entering BACKUP STATE"),
                new StateChanged(VrrpState.FAULT, VrrpState.BACKUP, TransitionReason.FAULT_CLEARED),
                new Notify(VrrpState.BACKUP, 100),
                new ArmTimer(t.now() + 3_609_375 * MICRO));
    }

    @Test
    void firstScriptResultFailingSendsTheFaultNotify() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51));
        t.send(new VrrpEvent.TrackingChanged(0, 0, 1));
        t.start();
        var failed = t.send(new VrrpEvent.TrackingChanged(0, 1, 0));
        assertThat(failed).containsExactly(new Notify(VrrpState.FAULT, 100));
    }

    @Test
    void trackerWeightsAtStartAreLoggedAndUsed() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        assertThat(logs(t.send(new VrrpEvent.TrackingChanged(-10, 0))))
                .containsExactly("(VI_1) Changing effective priority from 100 to 90");
        t.start();
        assertThat(t.machine.effectivePriority()).isEqualTo(90);
        assertThat(t.timer).isEqualTo(T0 + 3 * SECOND + 648_437 * MICRO);
    }

    @Test
    void aSecondStartChangesNothing() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51));
        t.start();
        assertThat(t.start()).isEmpty();
    }

    @Test
    void vrrpStartupDelayPostponesTheFirstMasterDownInterval() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        t.send(new VrrpEvent.Start(10 * SECOND));
        assertThat(t.timer).isEqualTo(T0 + 10 * SECOND + 3_609_375 * MICRO);
        t.advanceTo(T0 + 2 * SECOND);
        t.advert("10.99.0.12", 200);
        assertThat(t.timer).isEqualTo(T0 + 10 * SECOND + 3_609_375 * MICRO);
        t.advanceTo(T0 + 11 * SECOND);
        t.advert("10.99.0.12", 200);
        assertThat(t.timer).isEqualTo(T0 + 11 * SECOND + 3_609_375 * MICRO);
    }

    @Test
    void vrrpStartupDelayHoldsBackAnOwnerToo() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(255).initialMaster(true));
        t.send(new VrrpEvent.Start(5 * SECOND));
        assertThat(t.timer).isEqualTo(T0 + 5 * SECOND + MICRO);
    }

    @Test
    void ownerWithoutAStateWishesMasterButAnOwnerSayingBackupStartsAsBackup() {
        Timeline implicit = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(255));
        implicit.start();
        assertThat(implicit.timer).isEqualTo(T0 + MICRO);

        Timeline backup = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(255).initialMaster(false));
        assertThat(logs(backup.start())).containsExactly("(VI_1) Entering BACKUP STATE (init)");
        // 3 s + (256 − 255)/256 s
        assertThat(backup.timer).isEqualTo(T0 + 3 * SECOND + 3_906 * MICRO);
    }
}
