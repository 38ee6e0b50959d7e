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
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendAdvert;
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendGratuitousArps;
import io.jkeepalived.vrrp.fsm.VrrpDecision.StateChanged;
import org.junit.jupiter.api.Test;

/** An instance a SIGHUP kept (vrrp.c restore_vrrp_state, vrrp_scheduler.c vrrp_init_state with reload set). */
class ReloadResumeTest {

    @Test
    void aKeptMasterStaysMasterSetsItsVipsAndAdvertisesAtOnceWithoutATransitionLine() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        assertThat(t.send(new VrrpEvent.Resume(VrrpState.MASTER, false))).containsExactly(
                new StateChanged(VrrpState.INIT, VrrpState.MASTER, TransitionReason.STARTUP),
                new AddVips(true),
                new ArmTimer(T0));
        assertThat(t.machine.state()).isEqualTo(VrrpState.MASTER);
        assertThat(t.machine.status().vipsSet()).isTrue();
        // the immediate tick is a plain advert: no "Entering MASTER STATE", no GARP burst
        assertThat(t.advanceTo(T0)).containsExactly(new SendAdvert(100), new ArmTimer(T0 + SECOND));
    }

    @Test
    void aKeptMasterWithNewAddressesSendsOneGarpBurst() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        var out = t.send(new VrrpEvent.Resume(VrrpState.MASTER, true));
        assertThat(out).contains(new SendGratuitousArps(5, T0, GarpReason.BECAME_MASTER));
        assertThat(out).noneMatch(d -> d instanceof SendGratuitousArps g && g.notBeforeNanos() > T0);
    }

    @Test
    void aKeptBackupWaitsAFullMasterDownIntervalSilently() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        assertThat(t.send(new VrrpEvent.Resume(VrrpState.BACKUP, false))).containsExactly(
                new StateChanged(VrrpState.INIT, VrrpState.BACKUP, TransitionReason.STARTUP),
                new ArmTimer(T0 + 3_609_375 * MICRO));
        assertThat(t.machine.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void anInstanceInFaultBeforeAndAfterStaysThereWithoutLogOrNotify() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        t.send(VrrpEvent.INTERFACE_DOWN);
        var out = t.send(new VrrpEvent.Resume(VrrpState.FAULT, false));
        assertThat(logs(out)).isEmpty();
        assertThat(out).noneMatch(d -> d instanceof Notify);
        assertThat(t.machine.state()).isEqualTo(VrrpState.FAULT);
        assertThat(t.timer).isEqualTo(VrrpMachine.NO_DEADLINE);
    }

    @Test
    void anInstanceInFaultBeforeButHealthyNowStartsOverAsBackup() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        var out = t.send(new VrrpEvent.Resume(VrrpState.FAULT, false));
        assertThat(out).contains(new Log("(VI_1) Entering BACKUP STATE (init)"), new Notify(VrrpState.BACKUP, 100));
        assertThat(t.machine.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aKeptMasterWhoseInterfaceIsNowDownEntersFault() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100));
        t.send(VrrpEvent.INTERFACE_DOWN);
        var out = t.send(new VrrpEvent.Resume(VrrpState.MASTER, false));
        assertThat(logs(out)).containsExactly("(VI_1) entering FAULT state");
        assertThat(out).noneMatch(d -> d instanceof AddVips);
        assertThat(t.machine.state()).isEqualTo(VrrpState.FAULT);
    }
}
