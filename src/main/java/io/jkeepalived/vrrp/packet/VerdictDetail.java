package io.jkeepalived.vrrp.packet;

/**
 * The numbers behind the last verdict (received vs expected values, the missing VIP's index…) so that the caller
 * can write keepalived's log line without the validator building strings per packet.
 */
public final class VerdictDetail {
    private Verdict verdict = Verdict.ACCEPT;
    private long first;
    private long second;
    private long third;

    Verdict of(Verdict v, long a, long b) {
        return of(v, a, b, 0);
    }

    Verdict of(Verdict v, long a, long b, long c) {
        this.verdict = v;
        this.first = a;
        this.second = b;
        this.third = c;
        return v;
    }

    void clear() {
        of(Verdict.ACCEPT, 0, 0, 0);
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Received value (length, TTL, version, type, count, auth code, SPI source, sequence…). */
    public long first() {
        return first;
    }

    /** Expected value. */
    public long second() {
        return second;
    }

    /** Third value where keepalived logs one (upper TTL bound). */
    public long third() {
        return third;
    }
}
