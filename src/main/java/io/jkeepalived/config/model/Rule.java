package io.jkeepalived.config.model;

import java.util.Map;

/**
 * One line of virtual_rules or static_rules, in `ip rule` words.
 *
 * @param ipv6       the family
 * @param from       {@code from}, or null
 * @param to         {@code to}, or null
 * @param priority   {@code preference}/{@code order}/{@code priority}, or null
 * @param table      {@code table}/{@code lookup}, or null
 * @param action     the rule's action when not a lookup ({@code goto}, {@code nop}, {@code blackhole}, ...), or null
 * @param options    the other words with their values, in order (fwmark, iif, oif, tos, uidrange, sport, ...)
 * @param noTrack    {@code no_track}
 * @param trackGroup {@code track_group}, or null
 */
public record Rule(boolean ipv6, Prefix from, Prefix to, Long priority, Long table, String action,
                   Map<String, String> options, boolean noTrack, String trackGroup) {
    public Rule {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
}
