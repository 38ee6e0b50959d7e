package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.vrrp.fsm.VrrpDecision;
import java.util.List;

/**
 * Which advert of a batch goes out before the decisions listed ahead of it. keepalived's take-over logs
 * "Receive advertisement timeout" (under -D) and then sends its first advert (vrrp_state_master_tx);
 * its syslog call costs microseconds, a log line written here (formatting, console or file I/O) costs far
 * more, and every microsecond before the first advert adds to the take-over time the backups and the
 * switches see (docs/BENCHMARKS.md). Only bookkeeping and log lines are overtaken: the advert never
 * passes a VIP, GARP or notify decision, so what reaches the wire and the log is unchanged, in order.
 */
final class WireFirst {
    private WireFirst() {
    }

    /** The index of the batch's first SendAdvert when only log lines and state bookkeeping precede it, else -1. */
    static int advertToHoist(List<VrrpDecision> batch) {
        for (int i = 0; i < batch.size(); i++) {
            switch (batch.get(i)) {
                case VrrpDecision.SendAdvert s -> {
                    return i == 0 ? -1 : i;
                }
                case VrrpDecision.Log l -> { }
                case VrrpDecision.StateChanged c -> { }
                case VrrpDecision.ArmTimer t -> { }
                case VrrpDecision.DisarmTimer t -> { }
                default -> {
                    return -1;
                }
            }
        }
        return -1;
    }
}
