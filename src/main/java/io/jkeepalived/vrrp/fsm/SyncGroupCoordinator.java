package io.jkeepalived.vrrp.fsm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One vrrp_sync_group (keepalived.conf(5); keepalived 2.2.7 vrrp_sync.c, vrrp_scheduler.c VRRP_TSM,
 * vrrp_track.c down_instance, try_up_instance): its members move together between MASTER, BACKUP and
 * FAULT. Pure: the runtime hands every member event through {@link #beforeEvent} and {@link #afterEvent}
 * and carries out the {@link Action}s, feeding {@link VrrpEvent.GroupSync} to the members named.
 *
 * <p>The group's fault and init counts (num_member_fault, num_member_init) are read off the members'
 * own fault sources rather than counted, so they cannot drift.
 */
public final class SyncGroupCoordinator {

    /** What the group asks of the runtime, in order. */
    public sealed interface Action {
    }

    /** Feed {@code GroupSync(to)} to member {@code member} (an index into the member list). */
    public record Pull(int member, VrrpState to) implements Action {
    }

    /** The group entered {@code state}: its notify scripts, FIFO and SMTP (vrrp_notify.c send_group_notifies). */
    public record GroupNotify(VrrpState state) implements Action {
    }

    /** A log line in keepalived's words. */
    public record GroupLog(String line) implements Action {
    }

    private final String name;
    private final List<VrrpMachine> members;
    private final VrrpState[] before;
    private final boolean[] faultedBefore;
    private final boolean[] downBefore;
    private VrrpState state;

    public SyncGroupCoordinator(String name, List<VrrpMachine> members) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(members);
        int n = this.members.size();
        this.before = new VrrpState[n];
        this.faultedBefore = new boolean[n];
        this.downBefore = new boolean[n];
        // vrrp_sync_set_group: MASTER only when every member is an address owner starting as MASTER
        boolean allOwners = n > 0;
        for (VrrpMachine m : this.members) {
            allOwners &= m.spec().initialMaster() && m.spec().priority() == InstanceSpec.OWNER_PRIORITY;
        }
        this.state = allOwners ? VrrpState.MASTER : VrrpState.BACKUP;
    }

    public String name() {
        return name;
    }

    public List<VrrpMachine> members() {
        return members;
    }

    /** The group's state (INIT while a member waits for its weight-0 scripts' first results). */
    public VrrpState state() {
        return state;
    }

    /**
     * After every member's pre-start tracking and before any {@link VrrpEvent.Start}: the group's state at
     * start-up (vrrp_track.c initialise_tracking_priorities) and its first notify (vrrp_init_state).
     */
    public List<Action> start() {
        List<Action> out = new ArrayList<>();
        for (VrrpMachine m : members) {
            if (m.ownFault() && state != VrrpState.FAULT) {
                state = VrrpState.FAULT;
                out.add(new GroupLog("VRRP_Group(" + name + "): Syncing " + m.spec().name() + " to FAULT state"));
            }
            if (m.ownInit() && state != VrrpState.FAULT) state = VrrpState.INIT;
        }
        for (int i = 0; i < members.size(); i++) hold(i);
        if (state == VrrpState.FAULT || state == VrrpState.BACKUP) out.add(new GroupNotify(state));
        return out;
    }

    /**
     * {@link #start()} after a reload (vrrp.c vrrp_complete_init, set_previous_sync_group_states): a group
     * whose members all were MASTER before is MASTER again without a word, and a group back in the state
     * it had before the reload sends no notify for it.
     *
     * @param membersWereMaster every member was kept by the reload and was MASTER
     * @param previous          the group's state before the reload, or null for a new group
     */
    public List<Action> resume(boolean membersWereMaster, VrrpState previous) {
        if (membersWereMaster) state = VrrpState.MASTER;
        List<Action> out = start();
        if (state == previous) out.removeIf(a -> a instanceof GroupNotify);
        return out;
    }

    /**
     * Before member {@code i} handles {@code event}: tells it whether the others hold it in FAULT, and
     * turns a timer expiry into {@link VrrpEvent#TIMER_FIRED_GROUP_NOT_READY} when the group cannot go
     * MASTER yet (vrrp_sync_can_goto_master). Returns the event to hand over.
     */
    public VrrpEvent beforeEvent(int i, VrrpEvent event) {
        VrrpMachine m = members.get(i);
        before[i] = m.state();
        faultedBefore[i] = m.ownFault();
        downBefore[i] = m.ownFault() || m.ownInit();
        hold(i);
        if (event instanceof VrrpEvent.TimerFired t && t.groupAllowsMaster() && m.state() == VrrpState.BACKUP
                && !canGotoMaster(i)) {
            return VrrpEvent.TIMER_FIRED_GROUP_NOT_READY;
        }
        return event;
    }

    /** After member {@code i} handled {@code event}: what the group does about it. */
    public List<Action> afterEvent(int i, VrrpEvent event) {
        List<Action> out = new ArrayList<>(0);
        VrrpMachine m = members.get(i);
        VrrpState from = before[i];
        VrrpState to = m.state();
        if (from == VrrpState.INIT || to == VrrpState.INIT || to == VrrpState.STOP) return out;
        boolean faulted = m.ownFault();
        boolean down = faulted || m.ownInit();
        if (!faultedBefore[i] && faulted) {
            // down_instance: the first member to fault takes the group with it
            if (!othersFaulted(i)) fault(i, out);
        } else if (downBefore[i] && !down) {
            // try_up_instance: the last member to recover brings the group back
            if (from == VrrpState.FAULT && to != VrrpState.FAULT) {
                if (to == VrrpState.MASTER) {
                    master(i, out);
                } else {
                    backup(i, out);
                }
            }
        } else if (event instanceof VrrpEvent.TimerFired || event instanceof VrrpEvent.AdvertReceived) {
            // VRRP_TSM after a timer or an advert: B→M, M→M, F→M sync to MASTER; M→B syncs to BACKUP
            if (to == VrrpState.MASTER) {
                master(i, out);
            } else if (from == VrrpState.MASTER && to == VrrpState.BACKUP) {
                backup(i, out);
            }
        }
        return out;
    }

    /** vrrp_sync_can_goto_master: the group is MASTER already, or every other member wishes MASTER. */
    public boolean canGotoMaster(int i) {
        if (state == VrrpState.MASTER) return true;
        for (int j = 0; j < members.size(); j++) {
            if (j != i && members.get(j).wantState() != VrrpState.MASTER) return false;
        }
        return true;
    }

    /**
     * keepalived's send_instance_notifies: a member that is already notified and reaches the state its
     * group is in sends no instance notifies again.
     */
    public boolean suppressesInstanceNotify(VrrpState memberState) {
        return memberState == state;
    }

    private void hold(int i) {
        boolean faulted = false;
        boolean init = false;
        for (int j = 0; j < members.size(); j++) {
            if (j == i) continue;
            faulted |= members.get(j).ownFault();
            init |= members.get(j).ownInit();
        }
        // at start-up a group already in FAULT or INIT holds every member, the cause included
        if (members.get(i).state() == VrrpState.INIT) {
            faulted |= state == VrrpState.FAULT;
            init |= state == VrrpState.INIT;
        }
        members.get(i).groupHold(faulted, init);
    }

    private boolean othersFaulted(int i) {
        for (int j = 0; j < members.size(); j++) {
            if (j != i && members.get(j).ownFault()) return true;
        }
        return false;
    }

    private void master(int i, List<Action> out) {
        if (state == VrrpState.MASTER || !canGotoMaster(i)) return;
        sync(i, VrrpState.MASTER, out);
    }

    private void backup(int i, List<Action> out) {
        if (state == VrrpState.BACKUP) return;
        sync(i, VrrpState.BACKUP, out);
    }

    private void fault(int i, List<Action> out) {
        if (state == VrrpState.FAULT) return;
        sync(i, VrrpState.FAULT, out);
    }

    /** vrrp_sync_master / _backup / _fault: the other members follow, then the group's notifies. */
    private void sync(int i, VrrpState to, List<Action> out) {
        out.add(new GroupLog("VRRP_Group(" + name + ") Syncing instances to " + to + " state"));
        for (int j = 0; j < members.size(); j++) {
            if (j != i && members.get(j).state() != to) out.add(new Pull(j, to));
        }
        state = to;
        out.add(new GroupNotify(to));
    }
}
