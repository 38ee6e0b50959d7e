package io.jkeepalived.vrrp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A sync group made again by SIGHUP (vrrp.c vrrp_complete_init, set_previous_sync_group_states). */
class SyncGroupReloadTest {
    private static SyncGroupCoordinator group() {
        return new SyncGroupCoordinator("G1", List.of(
                new VrrpMachine(InstanceSpec.builder("VI_1", 51).priority(100).build()),
                new VrrpMachine(InstanceSpec.builder("VI_2", 52).priority(50).build())));
    }

    @Test
    void aGroupWhoseMembersWereAllMasterIsMasterAgainSilently() {
        SyncGroupCoordinator g = group();
        assertThat(g.resume(true, VrrpState.MASTER)).isEmpty();
        assertThat(g.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void aGroupBackInTheStateItHadSendsNoNotify() {
        SyncGroupCoordinator g = group();
        assertThat(g.resume(false, VrrpState.BACKUP)).noneMatch(a -> a instanceof SyncGroupCoordinator.GroupNotify);
        assertThat(g.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aNewGroupNotifiesAsAtStartUp() {
        SyncGroupCoordinator g = group();
        assertThat(g.resume(false, null)).contains(new SyncGroupCoordinator.GroupNotify(VrrpState.BACKUP));
    }
}
