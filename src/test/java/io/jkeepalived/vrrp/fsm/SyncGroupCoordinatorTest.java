package io.jkeepalived.vrrp.fsm;

import static io.jkeepalived.vrrp.fsm.GroupTimeline.SECOND;
import static io.jkeepalived.vrrp.fsm.GroupTimeline.T0;
import static io.jkeepalived.vrrp.fsm.GroupTimeline.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A sync group of real machines on a manual clock, checked against keepalived 2.2.7's vrrp_sync.c,
 * vrrp_scheduler.c (VRRP_TSM, try_up_instance) and vrrp_track.c (down_instance, initialise_tracking_priorities).
 * VI_1 (priority 100) has a 3.609375 s master-down interval, VI_2 (priority 50) 3.8046875 s.
 */
class SyncGroupCoordinatorTest {

    private static GroupTimeline started() {
        GroupTimeline t = new GroupTimeline("G1", member("VI_1", 51, 100), member("VI_2", 52, 50));
        t.start();
        return t;
    }

    private static GroupTimeline masters() {
        GroupTimeline t = started();
        t.advance(Duration.ofSeconds(5));
        assertThat(t.state(0)).isEqualTo(VrrpState.MASTER);
        assertThat(t.state(1)).isEqualTo(VrrpState.MASTER);
        assertThat(t.group.state()).isEqualTo(VrrpState.MASTER);
        t.clearRecords();
        return t;
    }

    @Test
    void groupStartsInBackupAndSaysSoBeforeItsMembers() {
        GroupTimeline t = started();
        assertThat(t.group.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(t.notifies).containsExactly("GROUP G1 BACKUP", "INSTANCE VI_1 BACKUP", "INSTANCE VI_2 BACKUP");
        assertThat(t.logs).containsExactly("(VI_1) Entering BACKUP STATE (init)", "(VI_2) Entering BACKUP STATE (init)");
    }

    @Test
    void firstMemberToTimeOutWaitsForTheOthersThenAllBecomeMasterTogether() {
        GroupTimeline t = started();
        t.clearRecords();
        t.advanceTo(T0 + 3_609_375_000L);
        // vrrp_sync_can_goto_master: VI_2 does not wish MASTER yet, so VI_1 stays BACKUP wishing it
        assertThat(t.state(0)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.machines[0].wantState()).isEqualTo(VrrpState.MASTER);
        assertThat(t.logs).isEmpty();
        assertThat(t.timers[0]).isEqualTo(T0 + 2 * 3_609_375_000L);

        t.advanceTo(T0 + 3_804_687_500L);
        assertThat(t.state(0)).isEqualTo(VrrpState.MASTER);
        assertThat(t.state(1)).isEqualTo(VrrpState.MASTER);
        assertThat(t.logs).containsExactly("(VI_2) Entering MASTER STATE",
                "VRRP_Group(G1) Syncing instances to MASTER state", "(VI_1) Entering MASTER STATE");
        assertThat(t.notifies).containsExactly("INSTANCE VI_2 MASTER", "INSTANCE VI_1 MASTER", "GROUP G1 MASTER");
        assertThat(t.adverts).containsExactly("VI_2 50", "VI_1 100");
    }

    @Test
    void aMemberThatStillHearsItsMasterKeepsTheWholeGroupBackup() {
        GroupTimeline t = started();
        for (long s = 1; s <= 12; s++) {
            t.advanceTo(T0 + s * SECOND);
            t.advert(0, "10.99.0.2", 200);
        }
        // VI_2 has heard nobody for 12 s, yet VI_1 still wishes BACKUP
        assertThat(t.state(1)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.machines[1].wantState()).isEqualTo(VrrpState.MASTER);
        assertThat(t.group.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aMasterMembersFaultTakesTheOtherMemberToFaultWithOnePriorityZeroAdvert() {
        GroupTimeline t = masters();
        t.send(1, VrrpEvent.INTERFACE_DOWN);
        assertThat(t.state(0)).isEqualTo(VrrpState.FAULT);
        assertThat(t.state(1)).isEqualTo(VrrpState.FAULT);
        assertThat(t.group.state()).isEqualTo(VrrpState.FAULT);
        assertThat(t.logs).containsExactly("(VI_2) Entering FAULT STATE",
                "VRRP_Group(G1) Syncing instances to FAULT state", "(VI_1) Entering FAULT STATE");
        assertThat(t.notifies).containsExactly("INSTANCE VI_2 FAULT", "INSTANCE VI_1 FAULT", "GROUP G1 FAULT");
        // VI_2 says priority 0 twice (leave_master, then restore_interface); VI_1 once (leave_master only)
        assertThat(t.adverts).containsExactly("VI_2 0", "VI_2 0", "VI_1 0");
        assertThat(t.timers[0]).isEqualTo(VrrpMachine.NO_DEADLINE);
    }

    @Test
    void whenTheFaultClearsTheGroupReturnsToBackupAndThenToMaster() {
        GroupTimeline t = masters();
        t.send(1, VrrpEvent.INTERFACE_DOWN);
        t.clearRecords();
        t.send(1, VrrpEvent.INTERFACE_UP);
        assertThat(t.state(0)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.state(1)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.logs).containsExactly("(VI_2) Entering BACKUP STATE",
                "VRRP_Group(G1) Syncing instances to BACKUP state", "(VI_1) Entering BACKUP STATE");
        assertThat(t.notifies).containsExactly("INSTANCE VI_2 BACKUP", "INSTANCE VI_1 BACKUP", "GROUP G1 BACKUP");
        t.advance(Duration.ofSeconds(4));
        assertThat(t.state(0)).isEqualTo(VrrpState.MASTER);
        assertThat(t.state(1)).isEqualTo(VrrpState.MASTER);
        assertThat(t.group.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void aRecoveredMemberWaitsInFaultWhileAnotherMemberIsStillDown() {
        GroupTimeline t = masters();
        t.send(0, VrrpEvent.INTERFACE_DOWN);
        t.send(1, VrrpEvent.INTERFACE_DOWN);
        t.clearRecords();
        t.send(0, VrrpEvent.INTERFACE_UP);
        // try_up_instance: num_member_fault is still 1
        assertThat(t.state(0)).isEqualTo(VrrpState.FAULT);
        assertThat(t.machines[0].wantState()).isEqualTo(VrrpState.BACKUP);
        assertThat(t.logs).isEmpty();
        assertThat(t.notifies).isEmpty();
        t.send(1, VrrpEvent.INTERFACE_UP);
        assertThat(t.state(0)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.state(1)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.logs).containsExactly("(VI_2) Entering BACKUP STATE",
                "VRRP_Group(G1) Syncing instances to BACKUP state", "(VI_1) Entering BACKUP STATE");
    }

    @Test
    void aSecondFaultInAFaultedGroupSyncsNothingMore() {
        GroupTimeline t = masters();
        t.send(0, VrrpEvent.INTERFACE_DOWN);
        t.clearRecords();
        t.send(1, VrrpEvent.INTERFACE_DOWN);
        assertThat(t.logs).doesNotContain("VRRP_Group(G1) Syncing instances to FAULT state");
        assertThat(t.notifies).doesNotContain("GROUP G1 FAULT");
    }

    @Test
    void aHigherPriorityMasterOnOneMemberTakesTheGroupToBackupWithoutPriorityZero() {
        GroupTimeline t = masters();
        t.advert(0, "10.99.0.2", 200);
        assertThat(t.state(0)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.state(1)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.group.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(t.logs).containsExactly(
                "(VI_1) Master received advert from 10.99.0.2 with higher priority 200, ours 100",
                "(VI_1) Entering BACKUP STATE",
                "VRRP_Group(G1) Syncing instances to BACKUP state", "(VI_2) Entering BACKUP STATE");
        assertThat(t.adverts).isEmpty();
        assertThat(t.notifies).containsExactly("INSTANCE VI_1 BACKUP", "INSTANCE VI_2 BACKUP", "GROUP G1 BACKUP");
    }

    @Test
    void aMemberDownAtStartUpPutsTheGroupAndEveryMemberInFault() {
        GroupTimeline t = new GroupTimeline("G1", member("VI_1", 51, 100), member("VI_2", 52, 50));
        t.send(1, VrrpEvent.INTERFACE_DOWN);
        t.start();
        assertThat(t.group.state()).isEqualTo(VrrpState.FAULT);
        assertThat(t.state(0)).isEqualTo(VrrpState.FAULT);
        assertThat(t.state(1)).isEqualTo(VrrpState.FAULT);
        assertThat(t.logs).containsExactly("VRRP_Group(G1): Syncing VI_2 to FAULT state",
                "(VI_1) entering FAULT state", "(VI_2) entering FAULT state");
        assertThat(t.notifies).containsExactly("GROUP G1 FAULT", "INSTANCE VI_1 FAULT", "INSTANCE VI_2 FAULT");
        t.clearRecords();
        t.send(1, VrrpEvent.INTERFACE_UP);
        assertThat(t.state(0)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.state(1)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.logs).containsExactly("(VI_2) Entering BACKUP STATE",
                "VRRP_Group(G1) Syncing instances to BACKUP state", "(VI_1) Entering BACKUP STATE");
    }

    @Test
    void aWeightZeroScriptStillPendingHoldsTheOtherMembersInFaultInit() {
        GroupTimeline t = new GroupTimeline("G1", member("VI_1", 51, 100), member("VI_2", 52, 50));
        t.send(0, new VrrpEvent.TrackingChanged(0, 0, 1));
        t.start();
        assertThat(t.group.state()).isEqualTo(VrrpState.INIT);
        assertThat(t.state(1)).isEqualTo(VrrpState.FAULT);
        // VI_1 waits for its own script silently, as keepalived 2.2.7 does; VI_2 is held by the group
        assertThat(t.logs).containsExactly("(VI_2) Entering FAULT STATE (init)");
        assertThat(t.notifies).isEmpty();
        t.send(0, new VrrpEvent.TrackingChanged(0, 0, 0));
        assertThat(t.state(0)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.state(1)).isEqualTo(VrrpState.BACKUP);
        assertThat(t.group.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void anOwnerGroupStartsAsMaster() {
        GroupTimeline t = new GroupTimeline("G1", member("VI_1", 51, 255).initialMaster(true),
                member("VI_2", 52, 255).initialMaster(true));
        assertThat(t.group.state()).isEqualTo(VrrpState.MASTER);
        t.start();
        assertThat(t.notifies).isEmpty();
        t.advance(Duration.ofMillis(1));
        assertThat(t.state(0)).isEqualTo(VrrpState.MASTER);
        assertThat(t.state(1)).isEqualTo(VrrpState.MASTER);
        assertThat(t.logs).doesNotContain("VRRP_Group(G1) Syncing instances to MASTER state");
    }
}
