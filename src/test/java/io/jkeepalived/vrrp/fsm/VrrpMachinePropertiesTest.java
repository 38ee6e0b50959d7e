package io.jkeepalived.vrrp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.fsm.VrrpDecision.AddVips;
import io.jkeepalived.vrrp.fsm.VrrpDecision.ArmTimer;
import io.jkeepalived.vrrp.fsm.VrrpDecision.DisarmTimer;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Notify;
import io.jkeepalived.vrrp.fsm.VrrpDecision.RemoveVips;
import io.jkeepalived.vrrp.fsm.VrrpDecision.SendAdvert;
import io.jkeepalived.vrrp.fsm.VrrpDecision.StateChanged;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random event sequences: the machine never throws and never contradicts itself. */
class VrrpMachinePropertiesTest {

    private static final String[] PEERS = {"10.99.0.5", "10.99.0.11", "10.99.0.12", "192.168.1.1"};

    /**
     * kind: 0 advert, 1 tracking, 2 interface down, 3 interface up, 4 start, 5 shutdown, 6 just wait,
     * 7 sync group pulls, 8 timer held by the group.
     */
    record Step(int kind, long waitMicros, int peer, int priority, int adjustment, int failed, int pending) {
    }

    /** flags: 1 lower_prio_no_advert, 2 higher_prio_send_advert, 4 unicast. */
    record Setup(VrrpVersion version, int priority, boolean initialMaster, boolean nopreempt, int preemptDelay,
                 int flags, int advertCentis) {
        boolean lowerPrioNoAdvert() {
            return (flags & 1) != 0;
        }

        boolean higherPrioSendAdvert() {
            return (flags & 2) != 0;
        }

        boolean unicast() {
            return (flags & 4) != 0;
        }
    }

    @Provide
    Arbitrary<Setup> setups() {
        return Combinators.combine(
                Arbitraries.of(VrrpVersion.class),
                Arbitraries.oneOf(Arbitraries.integers().between(1, 255), Arbitraries.of(1, 100, 254, 255)),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.of(0, 0, 3),
                Arbitraries.integers().between(0, 7),
                Arbitraries.of(1, 50, 100, 300)).as(Setup::new);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(25, 0), net.jqwik.api.Tuple.of(10, 1), net.jqwik.api.Tuple.of(5, 2),
                        net.jqwik.api.Tuple.of(5, 3), net.jqwik.api.Tuple.of(5, 4), net.jqwik.api.Tuple.of(1, 5),
                        net.jqwik.api.Tuple.of(20, 6), net.jqwik.api.Tuple.of(4, 7), net.jqwik.api.Tuple.of(3, 8),
                        net.jqwik.api.Tuple.of(3, 9)),
                Arbitraries.longs().between(0, 8_000_000),
                Arbitraries.integers().between(0, PEERS.length - 1),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 255), Arbitraries.of(0, 100, 254, 255)),
                Arbitraries.integers().between(-300, 300),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(8, 0), net.jqwik.api.Tuple.of(1, 1),
                        net.jqwik.api.Tuple.of(1, 2)),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(9, 0), net.jqwik.api.Tuple.of(1, 1)))
                .as(Step::new);
        return step.list().ofMaxSize(120);
    }

    @Property(tries = 400)
    void randomEventSequencesNeverThrowNorContradict(@ForAll("setups") Setup s, @ForAll("steps") List<Step> steps) {
        Duration advert = s.version() == VrrpVersion.V2
                ? Duration.ofSeconds(Math.max(1, s.advertCentis() / 100))
                : Duration.ofMillis(s.advertCentis() * 10L);
        InstanceSpec spec = InstanceSpec.builder("VI_1", 51).version(s.version()).priority(s.priority())
                .initialMaster(s.initialMaster()).nopreempt(s.nopreempt())
                .preemptDelay(Duration.ofSeconds(s.preemptDelay())).lowerPrioNoAdvert(s.lowerPrioNoAdvert())
                .higherPrioSendAdvert(s.higherPrioSendAdvert()).unicast(s.unicast())
                .sourceAddress(Timeline.ip("10.99.0.11")).advertInterval(advert).logDetail(true).build();
        Timeline t = new Timeline(spec);
        t.check = VrrpMachinePropertiesTest::checkBatch;
        if (s.priority() % 8 != 0) t.send(VrrpEvent.START); // mostly started; sometimes events come first
        for (Step step : steps) {
            t.advanceNanos(step.waitMicros() * 1_000L);
            switch (step.kind()) {
                case 0 -> t.send(new VrrpEvent.AdvertReceived(Timeline.ip(PEERS[step.peer()]), step.priority(),
                        s.version() == VrrpVersion.V3 ? s.advertCentis() : Math.max(1, s.advertCentis() / 100)));
                case 1 -> t.send(new VrrpEvent.TrackingChanged(step.adjustment(), step.failed(), step.pending()));
                case 2 -> t.send(VrrpEvent.INTERFACE_DOWN);
                case 3 -> t.send(VrrpEvent.INTERFACE_UP);
                case 4 -> t.send(new VrrpEvent.Start(step.peer() == 3 ? step.waitMicros() * 1_000L : 0L));
                case 5 -> t.send(new VrrpEvent.Shutdown(step.peer() != 0));
                case 7 -> t.send(new VrrpEvent.GroupSync(
                        new VrrpState[] {VrrpState.MASTER, VrrpState.BACKUP, VrrpState.FAULT}[step.peer() % 3]));
                case 8 -> {
                    if (t.timer != VrrpMachine.NO_DEADLINE) {
                        t.clock.setNanos(Math.max(t.timer, t.now()));
                        t.send(VrrpEvent.TIMER_FIRED_GROUP_NOT_READY);
                    }
                }
                case 9 -> t.send(VrrpEvent.ADVERT_REFUSED);
                default -> { }
            }
            checkMachine(t);
        }
        net.jqwik.api.statistics.Statistics.label("reached")
                .collect(t.history.stream().anyMatch(d -> d instanceof StateChanged c && c.to() == VrrpState.MASTER)
                        ? "master" : "never master");
        net.jqwik.api.statistics.Statistics.label("stepped down")
                .collect(t.history.stream().anyMatch(d -> d instanceof StateChanged c
                        && c.from() == VrrpState.MASTER && c.to() != VrrpState.STOP));
    }

    private static void checkMachine(Timeline t) {
        VrrpMachine m = t.machine;
        assertThat(m.effectivePriority()).isBetween(1, 255);
        assertThat(m.timerDeadline()).isEqualTo(t.timer);
        switch (m.state()) {
            case BACKUP, MASTER -> assertThat(m.timerDeadline()).isNotEqualTo(VrrpMachine.NO_DEADLINE);
            default -> assertThat(m.timerDeadline()).isEqualTo(VrrpMachine.NO_DEADLINE);
        }
        if (m.state() == VrrpState.MASTER) assertThat(m.status().vipsSet()).isTrue();
        if (m.status().vipsSet()) assertThat(m.state()).isIn(VrrpState.MASTER, VrrpState.STOP);
    }

    private static void checkBatch(VrrpState before, boolean vipsBefore, long now, List<VrrpDecision> batch) {
        VrrpState state = before;
        boolean vips = vipsBefore;
        int timerDecisions = 0;
        for (int i = 0; i < batch.size(); i++) {
            VrrpDecision d = batch.get(i);
            switch (d) {
                case StateChanged c -> {
                    assertThat(c.from()).isEqualTo(state);
                    assertThat(c.to()).isNotEqualTo(state);
                    state = c.to();
                }
                case AddVips a -> {
                    assertThat(vips).as("AddVips while VIPs are set").isFalse();
                    vips = true;
                }
                case RemoveVips r -> {
                    // the start-up cleanup is the one removal without VIPs set
                    if (before != VrrpState.INIT) assertThat(vips).as("RemoveVips while VIPs are not set").isTrue();
                    vips = false;
                }
                case SendAdvert a -> {
                    if (a.priority() != 0) assertThat(state).isEqualTo(VrrpState.MASTER);
                }
                case Notify n -> assertThat(n.state()).isEqualTo(state);
                case VrrpDecision.Log l -> assertThat(l.line()).startsWith("(VI_1) ");
                case ArmTimer a -> {
                    timerDecisions++;
                    assertThat(i).as("timer decision comes last").isEqualTo(batch.size() - 1);
                    assertThat(a.deadlineNanos()).isGreaterThanOrEqualTo(now);
                }
                case DisarmTimer x -> {
                    timerDecisions++;
                    assertThat(i).as("timer decision comes last").isEqualTo(batch.size() - 1);
                }
                default -> { }
            }
        }
        assertThat(timerDecisions).isLessThanOrEqualTo(1);
        boolean adds = batch.stream().anyMatch(AddVips.class::isInstance);
        boolean removes = batch.stream().anyMatch(RemoveVips.class::isInstance);
        assertThat(adds && removes).as("AddVips and RemoveVips in one batch").isFalse();
        assertThat(batch.stream().filter(StateChanged.class::isInstance).count()).isLessThanOrEqualTo(1);
    }
}
