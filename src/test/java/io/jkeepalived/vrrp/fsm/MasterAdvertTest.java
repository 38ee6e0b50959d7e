package io.jkeepalived.vrrp.fsm;

import static io.jkeepalived.vrrp.fsm.Timeline.MICRO;
import static io.jkeepalived.vrrp.fsm.Timeline.SECOND;
import static io.jkeepalived.vrrp.fsm.Timeline.logs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.fsm.VrrpDecision.ArmTimer;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Log;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Notify;
import io.jkeepalived.vrrp.fsm.VrrpDecision.NotifyMasterRxLowerPri;
import io.jkeepalived.vrrp.fsm.VrrpDecision.RemoveVips;
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendAdvert;
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendGratuitousArps;
import io.jkeepalived.vrrp.fsm.VrrpDecision.StateChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** MASTER's handling of adverts (RFC 5798 §6.4.3, keepalived vrrp.c vrrp_state_master_rx). */
class MasterAdvertTest {

    /** A master at 10.99.0.11, reached by timing out from BACKUP. */
    private static Timeline master(InstanceSpec.Builder b) {
        Timeline t = Timeline.of(b.sourceAddress(Timeline.ip("10.99.0.11")));
        t.start();
        t.advance(Duration.ofSeconds(5));
        assertThat(t.machine.state()).isEqualTo(VrrpState.MASTER);
        return t;
    }

    @Test
    void masterAnswersALowerPriorityAdvertAndForcesANewElection() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        long now = t.now();
        assertThat(t.advert("10.99.0.12", 50)).containsExactly(
                new Log("(VI_1) Received advert from 10.99.0.12 with lower priority 50, ours 100, forcing new election"),
                new SendAdvert(100),
                new SendGratuitousArps(5, now, GarpReason.LOWER_PRIORITY_ADVERT),
                new SendGratuitousArps(5, now + 5 * SECOND, GarpReason.LOWER_PRIORITY_DELAYED),
                new NotifyMasterRxLowerPri(100),
                new ArmTimer(now + SECOND));
    }

    @Test
    void lowerPrioNoAdvertKeepsTheMasterSilentAndItsTimerUntouched() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100).lowerPrioNoAdvert(true)
                .garp(new GarpSchedule(Duration.ofSeconds(5), 5, Duration.ZERO, 1, Duration.ZERO, 0)));
        long timer = t.timer;
        assertThat(t.advert("10.99.0.12", 50)).containsExactly(
                new Log("(VI_1) Received advert from 10.99.0.12 with lower priority 50, ours 100"),
                new NotifyMasterRxLowerPri(100));
        assertThat(t.timer).isEqualTo(timer);
    }

    @Test
    void higherPriorityAdvertMakesTheMasterStepDownWithoutAPriorityZeroAdvert() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        long now = t.now();
        assertThat(t.advert("10.99.0.12", 150)).containsExactly(
                new Log("(VI_1) Master received advert from 10.99.0.12 with higher priority 150, ours 100"),
                new Log("(VI_1) Entering BACKUP STATE"),
                new RemoveVips(true),
                new StateChanged(VrrpState.MASTER, VrrpState.BACKUP, TransitionReason.HIGHER_PRIORITY),
                new Notify(VrrpState.BACKUP, 100),
                new ArmTimer(now + 3_609_375 * MICRO));
        assertThat(t.machine.status().vipsSet()).isFalse();
    }

    @Test
    void higherPrioSendAdvertAnswersOnceBeforeYielding() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100).higherPrioSendAdvert(true));
        var d = t.advert("10.99.0.12", 150);
        assertThat(d.get(0)).isEqualTo(new SendAdvert(100));
        assertThat(Timeline.only(d, SendAdvert.class)).hasSize(1);
        assertThat(t.machine.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void equalPriorityFromAHigherAddressWins() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        var d = t.advert("10.99.0.12", 100);
        assertThat(logs(d)).containsExactly(
                "(VI_1) Master received advert from 10.99.0.12 with same priority 100 but higher IP address than ours",
                "(VI_1) Entering BACKUP STATE");
        assertThat(t.machine.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void equalPriorityFromALowerAddressIsDefended() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        var d = t.advert("10.99.0.5", 100);
        assertThat(logs(d)).containsExactly(
                "(VI_1) Received advert from 10.99.0.5 with lower priority 100, ours 100, forcing new election");
        assertThat(t.machine.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void tieBreakComparesAddressesAsUnsignedNumbers() {
        Timeline high = master(InstanceSpec.builder("VI_1", 51).priority(100));
        high.advert("192.168.0.1", 100); // 0xC0 > 0x0A although negative as a Java byte
        assertThat(high.machine.state()).isEqualTo(VrrpState.BACKUP);

        Timeline low = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100)
                .sourceAddress(Timeline.ip("200.1.1.1")));
        low.start();
        low.advance(Duration.ofSeconds(5));
        low.advert("10.0.0.1", 100);
        assertThat(low.machine.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void ipv6TieBreakAndLogUseCompressedAddresses() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_6", 53).version(VrrpVersion.V3).priority(100)
                .sourceAddress(Timeline.ip("fe80::1")));
        t.start();
        t.advance(Duration.ofSeconds(5));
        var d = t.advert("fe80::2", 100, 100);
        assertThat(logs(d).get(0)).isEqualTo(
                "(VI_6) Master received advert from fe80::2 with same priority 100 but higher IP address than ours");
    }

    @Test
    void masterAnswersAPriorityZeroAdvertAtOnceAndStaysMaster() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100).logDetail(true));
        long now = t.now();
        assertThat(t.advert("10.99.0.12", 0)).containsExactly(
                new SendAdvert(100),
                new Log("(VI_1) Master received priority 0 message"),
                new ArmTimer(now + SECOND));
    }

    @Test
    void advertFromOurOwnAddressWithOurPriorityOnlyWarns() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        var d = t.advert("10.99.0.11", 100);
        assertThat(logs(d)).containsExactly(
                "(VI_1) WARNING - equal priority advert received from remote host with our IP address.");
        assertThat(t.machine.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void twoAddressOwnersMakeTheLocalOneDropTo254AndYield() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(255).initialMaster(true)
                .sourceAddress(Timeline.ip("10.99.0.11")));
        t.start();
        t.advance(Duration.ofMillis(1));
        var d = t.advert("10.99.0.5", 255);
        assertThat(logs(d)).containsExactly(
                "(VI_1) CONFIGURATION ERROR: local instance and a remote instance are both configured as address"
                        + " owner, please fix - reducing local priority",
                "(VI_1) Master received advert from 10.99.0.5 with higher priority 255, ours 254",
                "(VI_1) Entering BACKUP STATE");
        assertThat(t.machine.effectivePriority()).isEqualTo(254);
    }

    @Test
    void v3MasterSteppingDownFollowsTheNewMastersInterval() {
        Timeline t = master(InstanceSpec.builder("VI_1", 52).version(VrrpVersion.V3).priority(100));
        long now = t.now();
        t.advert("10.99.0.12", 200, 200);
        // 3 × 2 s + 156 × 200 × 625 / 16 µs
        assertThat(t.timer).isEqualTo(now + 6 * SECOND + 1_218_750 * MICRO);
    }

    @Test
    void garpRefreshGoesOutOnTheFirstAdvertTickAfterItIsDue() {
        Timeline t = Timeline.of(InstanceSpec.builder("VI_1", 51).priority(100)
                .garp(new GarpSchedule(Duration.ZERO, 1, Duration.ofSeconds(10), 2, Duration.ZERO, 0)));
        t.start();
        long became = t.timer;
        var first = t.advanceTo(became);
        assertThat(Timeline.only(first, SendGratuitousArps.class))
                .containsExactly(new SendGratuitousArps(1, became, GarpReason.BECAME_MASTER));
        var quiet = t.advanceTo(became + 10 * SECOND);
        assertThat(Timeline.only(quiet, SendGratuitousArps.class)).isEmpty();
        var refresh = t.advanceTo(became + 11 * SECOND);
        assertThat(Timeline.only(refresh, SendGratuitousArps.class))
                .containsExactly(new SendGratuitousArps(2, became + 11 * SECOND, GarpReason.REFRESH));
    }

    @Test
    void priorityChangeWhileMasterShowsInTheNextAdvert() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        long timer = t.timer;
        var d = t.send(new VrrpEvent.TrackingChanged(-30, 0));
        assertThat(d).containsExactly(new Log("(VI_1) Changing effective priority from 100 to 70"));
        assertThat(t.advanceTo(timer)).contains(new SendAdvert(70));
    }

    @Test
    void aRefusedAdvertRestartsTheMastersAdvertTimerAsKeepalivedsDispatcherDoes() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100));
        t.advanceNanos(SECOND / 2);
        long now = t.now();
        assertThat(t.send(VrrpEvent.ADVERT_REFUSED)).containsExactly(new ArmTimer(now + SECOND));
        // refused adverts just before each send keep this master silent
        for (int i = 0; i < 5; i++) {
            t.advanceNanos(SECOND - 10 * MICRO);
            assertThat(t.send(VrrpEvent.ADVERT_REFUSED)).doesNotHaveAnyElementsOfTypes(SendAdvert.class);
        }
        assertThat(Timeline.only(t.advanceNanos(SECOND), SendAdvert.class)).containsExactly(new SendAdvert(100));
        assertThat(t.machine.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void aRefusedAdvertLeavesASilentMastersTimerAlone() {
        Timeline t = master(InstanceSpec.builder("VI_1", 51).priority(100).lowerPrioNoAdvert(true));
        long timer = t.timer;
        assertThat(t.send(VrrpEvent.ADVERT_REFUSED)).isEmpty();
        assertThat(t.timer).isEqualTo(timer);
    }
}
