package io.jkeepalived.vrrp.packet;

/**
 * Per-instance counts: one per {@link Verdict} and keepalived's own statistics ({@link VrrpStat}). Plain longs,
 * written by the receiving thread only; a stats dump reads them through the getters.
 */
public final class ReceiveCounters {
    private final long[] verdicts = new long[Verdict.values().length];
    private final long[] stats = new long[VrrpStat.values().length];

    void record(Verdict verdict) {
        verdicts[verdict.ordinal()]++;
        VrrpStat stat = verdict.stat();
        if (stat != null) {
            stats[stat.ordinal()]++;
        }
    }

    void bump(VrrpStat stat) {
        stats[stat.ordinal()]++;
    }

    public long count(Verdict verdict) {
        return verdicts[verdict.ordinal()];
    }

    public long stat(VrrpStat stat) {
        return stats[stat.ordinal()];
    }

    /**
     * STATS_CLEAR (keepalived zeroes every count of vrrp_stats): keepalived's own statistics only; the verdict
     * counts stay for diagnostics. Called off the counting thread, so a count made at that very moment may
     * survive the clear, as the dump beside it may miss it.
     */
    public void clearStats() {
        java.util.Arrays.fill(stats, 0L);
    }

    /** Everything received that was not accepted. */
    public long rejected() {
        long n = 0;
        for (Verdict v : Verdict.values()) {
            if (!v.accepted()) {
                n += verdicts[v.ordinal()];
            }
        }
        return n;
    }
}
