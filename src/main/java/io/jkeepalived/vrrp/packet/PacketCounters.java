package io.jkeepalived.vrrp.packet;

/**
 * Per-instance packet state that outlives one advert: the IPv4 ID, the IPsec AH sequence number (one counter
 * for sending and receiving, as in keepalived: a backup learns the master's sequence and continues from it when
 * it takes over) and the unicast checksum mode, which a received advert may switch. Owned by the instance's
 * thread; not thread-safe.
 */
public final class PacketCounters {
    /** keepalived stops counting at 0xFFFFFFFD and flags the cycle instead (RFC 2402 §3.3.2: no wrap). */
    private static final long AH_SEQUENCE_LIMIT = 0xFFFF_FFFDL;

    private int ipId;
    private long ahSequence;
    private boolean ahCycle;
    private UnicastChecksumCompat checksumCompat;
    /** Where the last IPv4 advert went: the address keepalived's send buffer checksum was last computed for. */
    private final byte[] lastDestination = new byte[4];
    private boolean anySent;
    private final byte[] frozenDestination = new byte[4];

    public PacketCounters(UnicastChecksumCompat checksumCompat) {
        this.checksumCompat = checksumCompat;
    }

    public PacketCounters() {
        this(UnicastChecksumCompat.NONE);
    }

    /**
     * Steps the counters once per advert round (all unicast copies of one advert share ID and sequence).
     * The ID counter is a 32-bit int that skips 0 only when the int itself wraps, as keepalived's does.
     */
    public void nextAdvert() {
        if (++ipId == 0) {
            ++ipId;
        }
        if (ahSequence > AH_SEQUENCE_LIMIT) {
            ahCycle = true;
        } else {
            ahSequence++;
        }
    }

    /** The IPv4 header ID of the current round (16 bits). */
    public int ipId() {
        return ipId & 0xFFFF;
    }

    /** Resumes the ID counter (a test replaying a capture, or a runtime carrying it over). */
    public void ipId(int id) {
        this.ipId = id;
    }

    public long ahSequence() {
        return ahSequence;
    }

    public void ahSequence(long sequence) {
        this.ahSequence = sequence & 0xFFFF_FFFFL;
    }

    public boolean ahCycle() {
        return ahCycle;
    }

    public void ahCycle(boolean cycle) {
        this.ahCycle = cycle;
    }

    /** On becoming master after the sequence ran out, keepalived starts again from 0. */
    public void resetAhSequenceIfCycled() {
        if (ahCycle) {
            ahCycle = false;
            ahSequence = 0;
        }
    }

    /**
     * A master that receives a lower-priority AH advert continues after that advert's sequence number (keepalived
     * logs "(VI) IPSEC-AH : Syncing seq_num - Increment seq"), and clears the cycle flag.
     */
    public void syncAhSequenceAfter(long receivedSequence) {
        ahSequence = (receivedSequence + 1) & 0xFFFF_FFFFL;
        ahCycle = false;
    }

    public UnicastChecksumCompat checksumCompat() {
        return checksumCompat;
    }

    /** Sets the mode (config: NONE, NEVER or CONFIG); AUTO freezes the pseudo destination as a switch does. */
    public void checksumCompat(UnicastChecksumCompat compat) {
        if (compat == UnicastChecksumCompat.AUTO && checksumCompat != UnicastChecksumCompat.AUTO) {
            System.arraycopy(lastDestination, 0, frozenDestination, 0, 4);
        }
        this.checksumCompat = compat;
    }

    /**
     * The switch to old-style checksums on receipt of one. keepalived 2.2.7 marks itself AUTO (and then expects
     * the group in received pseudo-headers) but its attempt to patch its own send buffer runs before the mode is
     * set and does nothing: it keeps sending with the pseudo destination its buffer already had, the peer it
     * last sent to (the first peer if it never sent), and stops following peer changes.
     */
    void switchToOldChecksum(byte[] firstPeer) {
        if (anySent || firstPeer == null) {
            System.arraycopy(lastDestination, 0, frozenDestination, 0, 4);
        } else {
            System.arraycopy(firstPeer, 0, frozenDestination, 0, 4);
        }
        checksumCompat = UnicastChecksumCompat.AUTO;
    }

    /** The pseudo-header destination keepalived's buffer keeps in AUTO mode. */
    byte[] frozenDestination() {
        return frozenDestination;
    }

    /** Called by the encoder for each IPv4 advert while the pseudo destination still follows the peers. */
    void noteDestination(byte[] destination) {
        System.arraycopy(destination, 0, lastDestination, 0, 4);
        anySent = true;
    }
}
