package io.jkeepalived.config.model;

/**
 * Gratuitous ARP / unsolicited NA timing (keepalived.conf(5) garp_master_* and garp_lower_prio_*), global
 * defaults or one instance's values.
 *
 * @param delayMicros          after becoming master, wait this long before the second burst (default 5 s)
 * @param repeat               GARPs per burst (default 5)
 * @param refreshMicros        periodic refresh interval while master (0 = none)
 * @param refreshRepeat        GARPs per refresh (default 1)
 * @param lowerPrioDelayMicros burst delay after a lower-priority advert (default: delayMicros)
 * @param lowerPrioRepeat      GARPs then (default: repeat)
 * @param extraIfMicros        refresh on extra interfaces ({@code garp_extra_if}); 0 = none
 * @param extraIfAll           {@code garp_extra_if all}
 */
public record GarpSettings(long delayMicros, int repeat, long refreshMicros, int refreshRepeat,
                           long lowerPrioDelayMicros, int lowerPrioRepeat, long extraIfMicros, boolean extraIfAll) {
    public static final GarpSettings DEFAULTS = new GarpSettings(5_000_000, 5, 0, 1, 5_000_000, 5, 0, false);
}
