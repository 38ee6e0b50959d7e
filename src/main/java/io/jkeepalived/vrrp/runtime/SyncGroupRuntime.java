package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.SyncGroup;
import io.jkeepalived.vrrp.fsm.SyncGroupCoordinator;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import io.jkeepalived.vrrp.fsm.VrrpMachine;
import io.jkeepalived.vrrp.fsm.VrrpState;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running vrrp_sync_group on the event loop: every event of a member passes through its
 * {@link SyncGroupCoordinator}, and the group's answers are carried out here (other members pulled along,
 * "VRRP_Group(G1) Syncing instances to MASTER state", the group's notifies through
 * {@link VrrpListener#groupState}). Loop thread only.
 */
final class SyncGroupRuntime {
    private static final Logger log = LoggerFactory.getLogger(SyncGroupRuntime.class);

    private final SyncGroupCoordinator coordinator;
    private final List<InstanceRuntime> members;
    private final VrrpListener listener;
    private final boolean[] notified;
    private int current = -1;

    private SyncGroupRuntime(String name, List<InstanceRuntime> members, VrrpListener listener) {
        this.members = List.copyOf(members);
        this.listener = listener;
        this.notified = new boolean[members.size()];
        List<VrrpMachine> machines = new ArrayList<>();
        for (InstanceRuntime i : members) machines.add(i.machine);
        this.coordinator = new SyncGroupCoordinator(name, machines);
    }

    /** Joins the members to a new group; each member's events then go through it. */
    static SyncGroupRuntime of(String name, List<InstanceRuntime> members, VrrpListener listener) {
        SyncGroupRuntime g = new SyncGroupRuntime(name, members, listener);
        for (InstanceRuntime i : members) i.joinGroup(g);
        return g;
    }

    /**
     * The configured groups over the instances that started; a group left with no running member is
     * dropped (vrrp_sync.c vrrp_sync_set_group; the config check has reported unknown members).
     */
    static List<SyncGroupRuntime> build(List<SyncGroup> groups, List<InstanceRuntime> instances,
            VrrpListener listener) {
        List<SyncGroupRuntime> out = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (SyncGroup g : groups) {
            List<InstanceRuntime> members = new ArrayList<>();
            for (String name : g.members()) {
                for (InstanceRuntime i : instances) {
                    if (i.plan.name().equals(name) && taken.add(name)) members.add(i);
                }
            }
            if (!members.isEmpty()) out.add(of(g.name(), members, listener));
        }
        return out;
    }

    String name() {
        return coordinator.name();
    }

    VrrpState state() {
        return coordinator.state();
    }

    /** Before the members' Start events: the group's start-up state and its first notify. */
    void start(long now) {
        carryOut(coordinator.start(), now);
    }

    /** At shutdown, after the members' STOP: the group's STOP notifies (priority 0). */
    void stopped() {
        listener.groupState(name(), VrrpState.STOP, 0);
    }

    /** {@link #start} after a reload; see {@link SyncGroupCoordinator#resume}. */
    void resume(long now, boolean membersWereMaster, VrrpState previous) {
        carryOut(coordinator.resume(membersWereMaster, previous), now);
    }

    List<InstanceRuntime> members() {
        return members;
    }

    /** A member's event: the group's say before, the member's handling, the group's answer after. */
    void handle(InstanceRuntime member, VrrpEvent event, long now) {
        int i = members.indexOf(member);
        VrrpEvent e = coordinator.beforeEvent(i, event);
        current = i;
        try {
            member.run(e, now);
        } finally {
            current = -1;
        }
        carryOut(coordinator.afterEvent(i, e), now);
    }

    /**
     * vrrp_notify.c send_instance_notifies: a member already notified once that reaches the state its
     * group is in says nothing more. Members being pulled along always notify (the group's state changes
     * only after them in keepalived).
     */
    boolean allowsInstanceNotify(InstanceRuntime member, VrrpState state) {
        int i = members.indexOf(member);
        boolean quiet = i == current && notified[i] && coordinator.suppressesInstanceNotify(state);
        notified[i] = true;
        return !quiet;
    }

    private void carryOut(List<SyncGroupCoordinator.Action> actions, long now) {
        for (SyncGroupCoordinator.Action a : actions) {
            switch (a) {
                case SyncGroupCoordinator.GroupLog l -> log.info(l.line());
                case SyncGroupCoordinator.Pull p -> members.get(p.member()).run(new VrrpEvent.GroupSync(p.to()), now);
                // a group's generic notify carries priority 0 (vrrp_notify.c notify_script_exec)
                case SyncGroupCoordinator.GroupNotify n -> listener.groupState(name(), n.state(), 0);
            }
        }
    }
}
