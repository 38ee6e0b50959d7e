package io.jkeepalived.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.time.ManualNanoClock;
import io.jkeepalived.vrrp.fsm.InstanceSpec;
import io.jkeepalived.vrrp.fsm.VrrpDecision;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import io.jkeepalived.vrrp.fsm.VrrpMachine;
import io.jkeepalived.vrrp.fsm.VrrpState;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The case every keepalived guide describes, on a manual clock with two machines wired back to back:
 * A (priority 80, a weight -20 script) and B (priority 70). A's script fails: A drops to 60 and B takes
 * over; the script recovers: A preempts back, unless A has nopreempt.
 */
class GuideScenarioTest {
    private static final long S = 1_000_000_000L;
    private static final InetAddress A_IP = InetAddress.ofLiteral("10.99.0.1");
    private static final InetAddress B_IP = InetAddress.ofLiteral("10.99.0.2");

    /** Two machines on one wire; adverts are delivered at once. */
    private static final class Pair {
        final ManualNanoClock clock = new ManualNanoClock(S);
        final VrrpMachine a;
        final VrrpMachine b;
        long timerA = VrrpMachine.NO_DEADLINE;
        long timerB = VrrpMachine.NO_DEADLINE;
        final List<String> logA = new ArrayList<>();

        Pair(boolean nopreempt) {
            a = new VrrpMachine(InstanceSpec.builder("VI_1", 51).priority(80).nopreempt(nopreempt)
                    .sourceAddress(A_IP).build());
            b = new VrrpMachine(InstanceSpec.builder("VI_1", 51).priority(70).sourceAddress(B_IP).build());
        }

        void toA(VrrpEvent e) {
            for (VrrpDecision d : a.handle(e, clock.nanoTime())) {
                switch (d) {
                    case VrrpDecision.ArmTimer t -> timerA = t.deadlineNanos();
                    case VrrpDecision.DisarmTimer t -> timerA = VrrpMachine.NO_DEADLINE;
                    case VrrpDecision.SendAdvert s -> toB(new VrrpEvent.AdvertReceived(A_IP, s.priority(), 1));
                    case VrrpDecision.Log l -> logA.add(l.line());
                    default -> { }
                }
            }
        }

        void toB(VrrpEvent e) {
            for (VrrpDecision d : b.handle(e, clock.nanoTime())) {
                switch (d) {
                    case VrrpDecision.ArmTimer t -> timerB = t.deadlineNanos();
                    case VrrpDecision.DisarmTimer t -> timerB = VrrpMachine.NO_DEADLINE;
                    case VrrpDecision.SendAdvert s -> toA(new VrrpEvent.AdvertReceived(B_IP, s.priority(), 1));
                    default -> { }
                }
            }
        }

        void runFor(long nanos) {
            long end = clock.nanoTime() + nanos;
            while (Math.min(timerA, timerB) <= end) {
                if (timerA <= timerB) {
                    clock.setNanos(Math.max(clock.nanoTime(), timerA));
                    timerA = VrrpMachine.NO_DEADLINE;
                    toA(VrrpEvent.TIMER_FIRED);
                } else {
                    clock.setNanos(Math.max(clock.nanoTime(), timerB));
                    timerB = VrrpMachine.NO_DEADLINE;
                    toB(VrrpEvent.TIMER_FIRED);
                }
            }
            clock.setNanos(end);
        }
    }

    /** A's tracking: one script, weight -20 as in the guides' "track_script { chk_haproxy }". */
    private static final class ScriptOnA implements TrackerView {
        final ScriptStatus chk = new ScriptStatus("chk", 1, 1, false);
        final OwnerTracking owner = new OwnerTracking("VI_1", List.of(),
                List.of(new Tracked("chk", -20, false)), List.of(), List.of());

        void result(Pair p, int status) {
            if (chk.record(new ScriptOutcome.Exited(status), l -> { })) {
                VrrpEvent.TrackingChanged t = owner.evaluate(this, 0);
                if (t != null) p.toA(t);
            }
        }

        @Override public TrackerState script(String name) { return chk.state(); }
        @Override public TrackerState process(String name) { return TrackerState.FAILED; }
        @Override public boolean interfaceUp(String name) { return true; }
        @Override public long fileValue(String name) { return 0; }
    }

    private static Pair started(boolean nopreempt, ScriptOnA script) {
        Pair p = new Pair(nopreempt);
        p.toA(VrrpEvent.START);
        p.toB(VrrpEvent.START);
        script.result(p, 0);
        p.runFor(10 * S);
        return p;
    }

    @Test
    void failingScriptHandsMasterToBAndRecoveryPreemptsBack() {
        ScriptOnA script = new ScriptOnA();
        Pair p = started(false, script);
        assertThat(p.a.state()).isEqualTo(VrrpState.MASTER);
        assertThat(p.b.state()).isEqualTo(VrrpState.BACKUP);

        script.result(p, 1);
        assertThat(p.logA).contains("(VI_1) Changing effective priority from 80 to 60");
        assertThat(p.a.status().effectivePriority()).isEqualTo(60);
        p.runFor(5 * S);
        assertThat(p.b.state()).isEqualTo(VrrpState.MASTER);
        assertThat(p.a.state()).isEqualTo(VrrpState.BACKUP);

        script.result(p, 0);
        assertThat(p.logA).contains("(VI_1) Changing effective priority from 60 to 80");
        p.runFor(5 * S);
        assertThat(p.a.state()).isEqualTo(VrrpState.MASTER);
        assertThat(p.b.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void withNopreemptARecoveredBackupStaysBackup() {
        ScriptOnA script = new ScriptOnA();
        Pair p = started(true, script);
        // nopreempt does not stop the first election: nobody else was master
        assertThat(p.a.state()).isEqualTo(VrrpState.MASTER);
        script.result(p, 1);
        p.runFor(5 * S);
        assertThat(p.b.state()).isEqualTo(VrrpState.MASTER);
        script.result(p, 0);
        p.runFor(10 * S);
        assertThat(p.a.status().effectivePriority()).isEqualTo(80);
        assertThat(p.a.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(p.b.state()).isEqualTo(VrrpState.MASTER);
    }
}
