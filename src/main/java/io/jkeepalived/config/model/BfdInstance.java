package io.jkeepalived.config.model;

import java.net.InetAddress;

/**
 * A bfd_instance block (keepalived.conf(5) BFD section).
 *
 * @param name        the block's name
 * @param neighbor    {@code neighbor_ip}
 * @param source      {@code source_ip}, or null
 * @param minRxMicros required min rx interval (default 10 ms)
 * @param minTxMicros desired min tx interval (default 10 ms)
 * @param idleTxMicros tx interval when down (default 1 s)
 * @param multiplier  detection multiplier (default 5)
 * @param passive     passive mode
 * @param ttl         TTL/hop limit to send and expect (default 255)
 * @param maxHops     {@code max_hops} (0 = single hop)
 * @param weight      weight for VRRP trackers, -253..253
 * @param reverse     {@code weight W reverse}
 * @param toVrrp      deliver events to the VRRP process
 * @param toChecker   deliver events to the checker process
 */
public record BfdInstance(String name, InetAddress neighbor, InetAddress source, long minRxMicros, long minTxMicros,
                          long idleTxMicros, int multiplier, boolean passive, int ttl, int maxHops, int weight,
                          boolean reverse, boolean toVrrp, boolean toChecker) {}
