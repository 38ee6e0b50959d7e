package io.jkeepalived.vrrp.fsm;

import java.net.InetAddress;

/**
 * A snapshot of one machine, for data dumps, the JSON/status output and tests.
 *
 * @param state                   current state
 * @param effectivePriority       the priority adverts carry
 * @param timerDeadline           the armed deadline, or {@link VrrpMachine#NO_DEADLINE}
 * @param masterAdvertMicros      Master_Adver_Interval in µs (a v3 backup follows its master's)
 * @param masterDownNanos         the master-down interval in force (keepalived's ms_down_timer)
 * @param vipsSet                 whether our addresses are up (keepalived's vipset)
 * @param masterSource            the last master heard while BACKUP, or null
 * @param masterPriority          its priority
 */
public record VrrpStatus(
        VrrpState state,
        int effectivePriority,
        long timerDeadline,
        long masterAdvertMicros,
        long masterDownNanos,
        boolean vipsSet,
        InetAddress masterSource,
        int masterPriority) {
}
