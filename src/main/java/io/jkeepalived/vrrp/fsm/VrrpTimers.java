package io.jkeepalived.vrrp.fsm;

/**
 * Timer arithmetic of RFC 3768 §6.1 / RFC 5798 §6.1 as keepalived computes it (vrrp.h VRRP_TIMER_SKEW,
 * VRRP_MS_DOWN_TIMER): in whole microseconds with the same integer truncation, so deadlines match to the µs.
 */
public final class VrrpTimers {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_CENTISECOND = 10_000L;

    private VrrpTimers() {
    }

    /**
     * Skew_Time for {@code weight} = 256 − priority (or 1 for keepalived's minimum skew).
     * v2: weight/256 s, whatever the advert interval (RFC 3768). v3: weight × Master_Adver_Interval / 256,
     * the interval taken in centiseconds as on the wire (RFC 5798).
     */
    public static long skewMicros(VrrpVersion version, int weight, long masterAdvertMicros) {
        if (version == VrrpVersion.V3) {
            // 625/16 = 10000 µs per centisecond / 256
            return weight * (masterAdvertMicros / MICROS_PER_CENTISECOND) * 625L / 16L;
        }
        return weight * MICROS_PER_SECOND / 256L;
    }

    /** Skew_Time for an effective priority. */
    public static long skewForPriorityMicros(VrrpVersion version, int priority, long masterAdvertMicros) {
        return skewMicros(version, 256 - priority, masterAdvertMicros);
    }

    /** Master_Down_Interval = down_timer_adverts × Master_Adver_Interval + Skew_Time. */
    public static long masterDownMicros(VrrpVersion version, int downTimerAdverts, int priority,
                                        long masterAdvertMicros) {
        return downTimerAdverts * masterAdvertMicros + skewForPriorityMicros(version, priority, masterAdvertMicros);
    }

    /** An advert's interval field in microseconds: v2 seconds, v3 centiseconds. */
    public static long wireIntervalMicros(VrrpVersion version, int field) {
        return version == VrrpVersion.V3 ? field * MICROS_PER_CENTISECOND : field * MICROS_PER_SECOND;
    }
}
