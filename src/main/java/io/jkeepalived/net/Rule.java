package io.jkeepalived.net;

import java.net.InetAddress;

/**
 * A policy-routing rule (fib_rule_hdr and FRA_*), for keepalived's virtual_rules / static_rules.
 *
 * @param priority  FRA_PRIORITY, or -1 for none (the kernel picks)
 * @param table     FRA_TABLE (for action FR_ACT_TO_TBL)
 * @param action    FR_ACT_* (1 to table)
 * @param source    FRA_SRC or null, with sourceLength
 * @param destination FRA_DST or null, with destinationLength
 * @param fwmark    FRA_FWMARK or 0, with fwmask (0: none)
 * @param inIfName  FRA_IIFNAME or null
 * @param outIfName FRA_OIFNAME or null
 * @param protocol  FRA_PROTOCOL (keepalived marks tracked rules RTPROT_KEEPALIVED 18), or 0 for none
 * @param gotoTarget FRA_GOTO for action FR_ACT_GOTO, else 0
 */
public record Rule(IpFamily family, int priority, int table, int action, InetAddress source, int sourceLength,
                   InetAddress destination, int destinationLength, int fwmark, int fwmask, String inIfName,
                   String outIfName, int protocol, int gotoTarget) {

    /** A rule without protocol mark or goto target. */
    public Rule(IpFamily family, int priority, int table, int action, InetAddress source, int sourceLength,
                InetAddress destination, int destinationLength, int fwmark, int fwmask, String inIfName,
                String outIfName) {
        this(family, priority, table, action, source, sourceLength, destination, destinationLength, fwmark, fwmask,
                inIfName, outIfName, 0, 0);
    }
}
