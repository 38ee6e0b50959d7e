package io.jkeepalived.vrrp.fsm;

import io.jkeepalived.time.ManualNanoClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test runtime for a sync group of machines on one manual clock, glued as the VRRP runtime glues them:
 * every event goes through the coordinator, pulls are fed to the members named, timers fire exactly at
 * their deadlines while time advances. Keeps the log lines, notifies and adverts in order. Nothing sleeps.
 */
final class GroupTimeline {
    static final long T0 = 1_000_000_000L;
    static final long SECOND = 1_000_000_000L;

    final ManualNanoClock clock = new ManualNanoClock(T0);
    final VrrpMachine[] machines;
    final long[] timers;
    final SyncGroupCoordinator group;
    /** Log lines, instance and group, in order. */
    final List<String> logs = new ArrayList<>();
    /** "INSTANCE VI_1 MASTER" / "GROUP G1 MASTER", in order. */
    final List<String> notifies = new ArrayList<>();
    /** "VI_1 100" for each advert sent. */
    final List<String> adverts = new ArrayList<>();

    GroupTimeline(String name, InstanceSpec.Builder... specs) {
        machines = new VrrpMachine[specs.length];
        for (int i = 0; i < specs.length; i++) machines[i] = new VrrpMachine(specs[i].logDetail(false).build());
        timers = new long[specs.length];
        Arrays.fill(timers, VrrpMachine.NO_DEADLINE);
        group = new SyncGroupCoordinator(name, List.of(machines));
    }

    static InstanceSpec.Builder member(String name, int vrid, int priority) {
        return InstanceSpec.builder(name, vrid).priority(priority);
    }

    long now() {
        return clock.nanoTime();
    }

    VrrpState state(int i) {
        return machines[i].state();
    }

    /** The group's start-up, then every member's Start. */
    void start() {
        carryOut(group.start());
        for (int i = 0; i < machines.length; i++) send(i, VrrpEvent.START);
    }

    void send(int i, VrrpEvent event) {
        VrrpEvent e = group.beforeEvent(i, event);
        execute(i, machines[i].handle(e, now()));
        carryOut(group.afterEvent(i, e));
    }

    void advert(int i, String source, int priority) {
        send(i, new VrrpEvent.AdvertReceived(InetAddress.ofLiteral(source), priority, 1));
    }

    private void carryOut(List<SyncGroupCoordinator.Action> actions) {
        for (SyncGroupCoordinator.Action a : actions) {
            switch (a) {
                case SyncGroupCoordinator.GroupLog l -> logs.add(l.line());
                case SyncGroupCoordinator.Pull p ->
                        execute(p.member(), machines[p.member()].handle(new VrrpEvent.GroupSync(p.to()), now()));
                case SyncGroupCoordinator.GroupNotify n -> notifies.add("GROUP " + group.name() + " " + n.state());
            }
        }
    }

    private void execute(int i, List<VrrpDecision> ds) {
        String name = machines[i].spec().name();
        for (VrrpDecision d : ds) {
            switch (d) {
                case VrrpDecision.ArmTimer t -> timers[i] = t.deadlineNanos();
                case VrrpDecision.DisarmTimer t -> timers[i] = VrrpMachine.NO_DEADLINE;
                case VrrpDecision.Log l -> logs.add(l.line());
                case VrrpDecision.Notify n -> notifies.add("INSTANCE " + name + " " + n.state());
                case VrrpDecision.SendAdvert s -> adverts.add(name + " " + s.priority());
                default -> { }
            }
        }
    }

    /** Moves time to {@code t}, firing each member's timer at its deadline on the way. */
    void advanceTo(long t) {
        while (true) {
            int next = -1;
            for (int i = 0; i < timers.length; i++) {
                if (timers[i] <= t && (next < 0 || timers[i] < timers[next])) next = i;
            }
            if (next < 0) break;
            clock.setNanos(Math.max(timers[next], now()));
            timers[next] = VrrpMachine.NO_DEADLINE;
            send(next, VrrpEvent.TIMER_FIRED);
        }
        clock.setNanos(t);
    }

    void advance(Duration d) {
        advanceTo(now() + d.toNanos());
    }

    void clearRecords() {
        logs.clear();
        notifies.clear();
        adverts.clear();
    }
}
