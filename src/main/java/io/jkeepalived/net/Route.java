package io.jkeepalived.net;

import java.net.InetAddress;

/**
 * A route (rtmsg and RTA_*), for keepalived's virtual_routes / static_routes.
 *
 * @param destination    RTA_DST, or null for a default route (then destinationLength 0)
 * @param gateway        RTA_GATEWAY, or null
 * @param outIfIndex     RTA_OIF, or 0
 * @param table          the table (RT_TABLE_MAIN 254 unless said)
 * @param protocol       RTPROT_* (keepalived uses RTPROT_KEEPALIVED 18)
 * @param scope          RT_SCOPE_*
 * @param type           RTN_* (1 unicast, 6 blackhole, 7 unreachable, 8 prohibit)
 * @param metric         RTA_PRIORITY, or 0
 * @param preferredSource RTA_PREFSRC, or null
 */
public record Route(IpFamily family, InetAddress destination, int destinationLength, InetAddress gateway,
                    int outIfIndex, int table, int protocol, int scope, int type, int metric,
                    InetAddress preferredSource) {
}
