package io.jkeepalived.vrrp.fsm;

/**
 * A member pulled along by its sync group (keepalived-features §2.9, vrrp_sync.c vrrp_sync_master,
 * vrrp_sync_backup, vrrp_sync_fault). Deciding when to pull, and the group's own notifies, belong to the
 * group; this is only what happens to the member.
 */
final class SyncGroupRules {
    private SyncGroupRules() {
    }

    static void apply(VrrpMachine m, VrrpState to) {
        VrrpState state = m.state();
        if (state == to || state == VrrpState.INIT || state == VrrpState.STOP) return;
        switch (to) {
            case MASTER -> {
                // the group only goes MASTER when every member wishes it, so none is in FAULT
                if (state == VrrpState.BACKUP) m.gotoMasterForGroup();
            }
            case BACKUP -> {
                if (state == VrrpState.FAULT) {
                    m.enterBackupFromFault(TransitionReason.SYNC_GROUP);
                } else {
                    m.leaveMaster(VrrpState.BACKUP, false, TransitionReason.SYNC_GROUP);
                }
            }
            case FAULT -> {
                if (state == VrrpState.MASTER) {
                    // one priority-0 advert only: leave_master's, not restore_interface's
                    m.leaveMaster(VrrpState.FAULT, false, TransitionReason.SYNC_GROUP);
                } else {
                    // keepalived sets the state first, so leave_fault sees no change and logs nothing
                    m.enterFault(TransitionReason.SYNC_GROUP, false);
                }
            }
            default -> throw new IllegalArgumentException(to.toString());
        }
    }
}
