package io.jkeepalived.vrrp.runtime;

/**
 * The sending half of keepalived's per-instance vrrp_stats (vrrp.c): adverts sent (one per send call,
 * whatever the number of unicast peers), priority-0 adverts, and MASTER entered and left. Written by the
 * event loop only; a dump from another thread may read a value one advert old, which a dump tolerates.
 */
final class SendCounters {
    volatile long advertSent;
    volatile long priZeroSent;
    volatile long becomeMaster;
    volatile long releaseMaster;

    void clear() {
        advertSent = 0;
        priZeroSent = 0;
        becomeMaster = 0;
        releaseMaster = 0;
    }
}
