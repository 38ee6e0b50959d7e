package io.jkeepalived.vrrp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.fsm.VrrpDecision.Log;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Notify;
import io.jkeepalived.vrrp.fsm.VrrpDecision.RemoveVips;
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendAdvert;
import io.jkeepalived.vrrp.fsm.VrrpDecision.StateChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SIGTERM (vrrp_daemon.c vrrp_terminate_phase1; RFC 5798 §6.4.3 "Shutdown" event). */
class ShutdownTest {

    private static Timeline master(InstanceSpec.Builder b) {
        Timeline t = Timeline.of(b);
        t.start();
        t.advance(Duration.ofSeconds(5));
        return t;
    }

    @Test
    void masterSendsPriorityZeroRemovesVipsAndStops() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100).logDetail(true));
        assertThat(t.send(new VrrpEvent.Shutdown(true))).containsExactly(
                new SendAdvert(0),
                new Log("(VI_1) sent 0 priority"),
                new RemoveVips(true),
                new StateChanged(VrrpState.MASTER, VrrpState.STOP, TransitionReason.SHUTDOWN),
                new Notify(VrrpState.STOP, 100),
                VrrpDecision.DISARM_TIMER);
    }

    @Test
    void dontReleaseVrrpLeavesAdvertsAndAddressesAlone() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        assertThat(t.send(new VrrpEvent.Shutdown(false))).containsExactly(
                new StateChanged(VrrpState.MASTER, VrrpState.STOP, TransitionReason.SHUTDOWN),
                new Notify(VrrpState.STOP, 100),
                VrrpDecision.DISARM_TIMER);
    }

    @Test
    void backupOnlyNotifiesStop() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).accept(false));
        t.start();
        assertThat(t.send(new VrrpEvent.Shutdown(true))).containsExactly(
                new StateChanged(VrrpState.BACKUP, VrrpState.STOP, TransitionReason.SHUTDOWN),
                new Notify(VrrpState.STOP, 100),
                VrrpDecision.DISARM_TIMER);
    }

    @Test
    void nothingHappensAfterStop() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51));
        t.send(new VrrpEvent.Shutdown(true));
        assertThat(t.advert("10.99.0.12", 200)).isEmpty();
        assertThat(t.send(VrrpEvent.INTERFACE_DOWN)).isEmpty();
        assertThat(t.send(new VrrpEvent.Shutdown(true))).isEmpty();
        assertThat(t.send(VrrpEvent.START)).isEmpty();
        assertThat(t.machine.state()).isEqualTo(VrrpState.STOP);
    }

    @Test
    void noAcceptMasterRemovesItsDropRulesWithTheVips() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).accept(false));
        assertThat(t.send(new VrrpEvent.Shutdown(true))).contains(new RemoveVips(false));
    }
}
