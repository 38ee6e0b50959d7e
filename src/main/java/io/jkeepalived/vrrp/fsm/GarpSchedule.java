package io.jkeepalived.vrrp.fsm;

import java.time.Duration;
import java.util.Objects;

/**
 * When gratuitous ARPs / unsolicited NAs go out (keepalived.conf(5): garp_master_delay, garp_master_repeat,
 * garp_master_refresh, garp_master_refresh_repeat, garp_lower_prio_delay, garp_lower_prio_repeat).
 * A zero duration means "no such burst"; a zero repeat means "send none".
 */
public record GarpSchedule(
        Duration masterDelay,
        int masterRepeat,
        Duration masterRefresh,
        int masterRefreshRepeat,
        Duration lowerPrioDelay,
        int lowerPrioRepeat) {

    /** keepalived's defaults: 5 at the transition, 5 more after 5 s, no refresh; lower-prio = master values. */
    public static final GarpSchedule DEFAULT = new GarpSchedule(
            Duration.ofSeconds(5), 5, Duration.ZERO, 1, Duration.ofSeconds(5), 5);

    public GarpSchedule {
        Objects.requireNonNull(masterDelay, "masterDelay");
        Objects.requireNonNull(masterRefresh, "masterRefresh");
        Objects.requireNonNull(lowerPrioDelay, "lowerPrioDelay");
        if (masterDelay.isNegative() || masterRefresh.isNegative() || lowerPrioDelay.isNegative()) {
            throw new IllegalArgumentException("GARP delays cannot be negative");
        }
        if (masterRepeat < 0 || masterRefreshRepeat < 0 || lowerPrioRepeat < 0) {
            throw new IllegalArgumentException("GARP repeats cannot be negative");
        }
    }
}
