package io.jkeepalived.vrrp.fsm;

import io.jkeepalived.time.ManualNanoClock;
import io.jkeepalived.vrrp.fsm.VrrpDecision.ArmTimer;
import io.jkeepalived.vrrp.fsm.VrrpDecision.DisarmTimer;
import io.jkeepalived.vrrp.fsm.VrrpDecision.Log;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test runtime for one machine on a manual clock: executes the timer decisions, fires the timer exactly
 * at its deadline while time advances, and keeps every decision. Nothing sleeps.
 */
final class Timeline {
    static final long T0 = 1_000_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final long MICRO = 1_000L;

    final ManualNanoClock clock = new ManualNanoClock(T0);
    final VrrpMachine machine;
    long timer = VrrpMachine.NO_DEADLINE;
    final List<VrrpDecision> history = new ArrayList<>();
    /** Optional look at every batch: (state before, time, decisions). */
    BatchCheck check;

    interface BatchCheck {
        void accept(VrrpState before, boolean vipsBefore, long now, List<VrrpDecision> batch);
    }

    Timeline(InstanceSpec spec) {
        this.machine = new VrrpMachine(spec);
    }

    static Timeline of(InstanceSpec.Builder b) {
        return new Timeline(b.build());
    }

    static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    long now() {
        return clock.nanoTime();
    }

    List<VrrpDecision> send(VrrpEvent e) {
        VrrpState before = machine.state();
        boolean vipsBefore = machine.status().vipsSet();
        List<VrrpDecision> out = machine.handle(e, clock.nanoTime());
        if (check != null) check.accept(before, vipsBefore, clock.nanoTime(), out);
        for (VrrpDecision d : out) {
            if (d instanceof ArmTimer a) timer = a.deadlineNanos();
            if (d instanceof DisarmTimer) timer = VrrpMachine.NO_DEADLINE;
        }
        history.addAll(out);
        return out;
    }

    List<VrrpDecision> start() {
        return send(VrrpEvent.START);
    }

    List<VrrpDecision> advert(String source, int priority) {
        int interval = machine.spec().version() == VrrpVersion.V3
                ? (int) (machine.spec().advertInterval().toMillis() / 10)
                : (int) machine.spec().advertInterval().toSeconds();
        return advert(source, priority, interval);
    }

    List<VrrpDecision> advert(String source, int priority, int wireInterval) {
        return send(new VrrpEvent.AdvertReceived(ip(source), priority, wireInterval));
    }

    /** Moves time to {@code t}, firing the timer at each deadline on the way; returns what that produced. */
    List<VrrpDecision> advanceTo(long t) {
        List<VrrpDecision> produced = new ArrayList<>();
        while (timer <= t) {
            clock.setNanos(Math.max(timer, clock.nanoTime()));
            timer = VrrpMachine.NO_DEADLINE;
            produced.addAll(send(VrrpEvent.TIMER_FIRED));
        }
        clock.setNanos(t);
        return produced;
    }

    List<VrrpDecision> advance(Duration d) {
        return advanceTo(clock.nanoTime() + d.toNanos());
    }

    List<VrrpDecision> advanceNanos(long n) {
        return advanceTo(clock.nanoTime() + n);
    }

    static List<String> logs(List<VrrpDecision> ds) {
        return ds.stream().filter(Log.class::isInstance).map(d -> ((Log) d).line()).toList();
    }

    @SuppressWarnings("unchecked")
    static <T extends VrrpDecision> List<T> only(List<VrrpDecision> ds, Class<T> kind) {
        return (List<T>) ds.stream().filter(kind::isInstance).toList();
    }
}
