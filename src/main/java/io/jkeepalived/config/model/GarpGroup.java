package io.jkeepalived.config.model;

import java.util.List;

/**
 * A garp_group block: a minimum gap between gratuitous ARPs / unsolicited NAs sent on a set of interfaces.
 *
 * @param garpIntervalMicros gap between GARPs, or 0
 * @param gnaIntervalMicros  gap between NAs, or 0
 * @param interfaces         the interfaces sharing these limits
 */
public record GarpGroup(long garpIntervalMicros, long gnaIntervalMicros, List<String> interfaces) {
    public GarpGroup {
        interfaces = List.copyOf(interfaces);
    }
}
