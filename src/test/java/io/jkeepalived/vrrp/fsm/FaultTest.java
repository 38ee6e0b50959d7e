package io.jkeepalived.vrrp.fsm;

import static io.jkeepalived.vrrp.fsm.Timeline.MICRO;
import static io.jkeepalived.vrrp.fsm.Timeline.logs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.fsm.VrrpDecision.ArmTimer;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Log;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Notify;
import io.jkeepalived.vrrp.fsm.VrrpDecision.RemoveVips;
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendAdvert;
import io.jkeepalived.vrrp.fsm.VrrpDecision.StateChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** FAULT entry and exit (vrrp_track.c down_instance, vrrp_scheduler.c try_up_instance). */
class FaultTest {

    private static Timeline master(InstanceSpec.Builder b) {
        Timeline t = Timeline.of(b);
        t.start();
        t.advance(Duration.ofSeconds(5));
        assertThat(t.machine.state()).isEqualTo(VrrpState.MASTER);
        return t;
    }

    @Test
    void masterLosingItsInterfaceSendsPriorityZeroAndDropsTheVips() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        // keepalived sends the priority-0 advert twice on this path (leave_master, then restore_interface)
        assertThat(t.send(VrrpEvent.INTERFACE_DOWN)).containsExactly(
                new Log("(VI_1) Entering FAULT STATE"),
                new SendAdvert(0),
                new SendAdvert(0),
                new RemoveVips(true),
                new StateChanged(VrrpState.MASTER, VrrpState.FAULT, TransitionReason.FAULT),
                new Notify(VrrpState.FAULT, 100),
                VrrpDecision.DISARM_TIMER);
        assertThat(t.machine.status().vipsSet()).isFalse();
    }

    @Test
    void faultIgnoresAdvertsAndTimers() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        t.send(VrrpEvent.INTERFACE_DOWN);
        assertThat(t.advert("10.99.0.12", 200)).isEmpty();
        assertThat(t.advert("10.99.0.12", 50)).isEmpty();
        assertThat(t.advance(Duration.ofSeconds(30))).isEmpty();
        assertThat(t.machine.state()).isEqualTo(VrrpState.FAULT);
    }

    @Test
    void recoveryGoesToBackupWithAFullMasterDownInterval() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        t.send(VrrpEvent.INTERFACE_DOWN);
        t.advance(Duration.ofSeconds(3));
        assertThat(t.send(VrrpEvent.INTERFACE_UP)).containsExactly(
                new Log("(VI_1) Entering BACKUP STATE"),
                new StateChanged(VrrpState.FAULT, VrrpState.BACKUP, TransitionReason.FAULT_CLEARED),
                new Notify(VrrpState.BACKUP, 100),
                new ArmTimer(t.now() + 3_609_375 * MICRO));
    }

    @Test
    void backupEntersFaultWhenAWeightZeroTrackerFails() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51));
        t.start();
        assertThat(t.send(new VrrpEvent.TrackingChanged(0, 1))).containsExactly(
                new Log("(VI_1) Entering FAULT STATE"),
                new StateChanged(VrrpState.BACKUP, VrrpState.FAULT, TransitionReason.FAULT),
                new Notify(VrrpState.FAULT, 100),
                VrrpDecision.DISARM_TIMER);
    }

    @Test
    void staysInFaultUntilTheLastFaultClears() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51));
        t.start();
        t.send(new VrrpEvent.TrackingChanged(0, 1));
        assertThat(t.send(VrrpEvent.INTERFACE_DOWN)).isEmpty();
        assertThat(t.send(new VrrpEvent.TrackingChanged(0, 0))).isEmpty();
        assertThat(t.machine.state()).isEqualTo(VrrpState.FAULT);
        assertThat(logs(t.send(VrrpEvent.INTERFACE_UP))).containsExactly("(VI_1) Entering BACKUP STATE");
    }

    @Test
    void ownerLeavingFaultBecomesMasterAtOnce() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(255).initialMaster(true));
        t.send(VrrpEvent.INTERFACE_DOWN);
        var up = t.send(VrrpEvent.INTERFACE_UP);
        assertThat(up.get(0)).isEqualTo(
                new StateChanged(VrrpState.FAULT, VrrpState.MASTER, TransitionReason.PREEMPTED));
        assertThat(up).contains(new SendAdvert(255), new Log("(VI_1) Entering MASTER STATE"),
                new VrrpDecision.AddVips(true), new ArmTimer(t.now() + Timeline.SECOND));
    }

    @Test
    void unicastInstanceAnnouncesItsSourceAddressOnLeavingFault() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).unicast(true)
                .sourceAddress(Timeline.ip("10.99.0.11")));
        t.start();
        t.send(VrrpEvent.INTERFACE_DOWN);
        var up = t.send(VrrpEvent.INTERFACE_UP);
        assertThat(up).contains(VrrpDecision.ANNOUNCE_SOURCE_ADDRESS);
        assertThat(up.indexOf(VrrpDecision.ANNOUNCE_SOURCE_ADDRESS))
                .isGreaterThan(up.indexOf(new Notify(VrrpState.BACKUP, 100)));
    }

    @Test
    void priorityChangesInFaultAreRememberedForRecovery() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        t.start();
        t.send(VrrpEvent.INTERFACE_DOWN);
        var d = t.send(new VrrpEvent.TrackingChanged(50, 0));
        assertThat(d).containsExactly(new Log("(VI_1) Changing effective priority from 100 to 150"));
        t.send(VrrpEvent.INTERFACE_UP);
        assertThat(t.timer).isEqualTo(t.now() + 3_414_062 * MICRO);
    }

    @Test
    void v3IntervalLearntFromAMasterIsForgottenInFault() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 52).version(VrrpVersion.V3));
        t.start();
        t.advert("10.99.0.12", 200, 50);
        assertThat(t.machine.status().masterAdvertMicros()).isEqualTo(500_000);
        t.send(VrrpEvent.INTERFACE_DOWN);
        assertThat(t.machine.status().masterAdvertMicros()).isEqualTo(1_000_000);
    }
}
