package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.vrrp.packet.ReceiveCounters;
import io.jkeepalived.vrrp.packet.VrrpStat;

/**
 * The VRRP part of /tmp/keepalived.stats (SIGUSR2), in the words and order of keepalived 2.2.7's
 * vrrp_print_stats (built with VRRP authentication, as Debian's is). keepalived never increments the
 * advertisement interval error count in 2.2.7, so it is always 0 there and here.
 */
final class StatsText {
    private StatsText() {
    }

    static void append(StringBuilder out, String instance, ReceiveCounters rx, SendCounters tx) {
        out.append("VRRP Instance: ").append(instance).append('\n')
                .append("  Advertisements:\n")
                .append("    Received: ").append(rx.stat(VrrpStat.ADVERT_RCVD)).append('\n')
                .append("    Sent: ").append(tx.advertSent).append('\n')
                .append("  Became master: ").append(tx.becomeMaster).append('\n')
                .append("  Released master: ").append(tx.releaseMaster).append('\n')
                .append("  Packet Errors:\n")
                .append("    Length: ").append(rx.stat(VrrpStat.PACKET_LEN_ERR)).append('\n')
                .append("    TTL: ").append(rx.stat(VrrpStat.IP_TTL_ERR)).append('\n')
                .append("    Invalid Type: ").append(rx.stat(VrrpStat.INVALID_TYPE_RCVD)).append('\n')
                .append("    Advertisement Interval: 0\n")
                .append("    Address List: ").append(rx.stat(VrrpStat.ADDR_LIST_ERR)).append('\n')
                .append("  Authentication Errors:\n")
                .append("    Invalid Type: ").append(rx.stat(VrrpStat.INVALID_AUTHTYPE)).append('\n')
                .append("    Type Mismatch: ").append(rx.stat(VrrpStat.AUTHTYPE_MISMATCH)).append('\n')
                .append("    Failure: ").append(rx.stat(VrrpStat.AUTH_FAILURE)).append('\n')
                .append("  Priority Zero:\n")
                .append("    Received: ").append(rx.stat(VrrpStat.PRI_ZERO_RCVD)).append('\n')
                .append("    Sent: ").append(tx.priZeroSent).append('\n');
    }
}
