package io.jkeepalived.vrrp.packet;

/**
 * What became of a received packet, in the order keepalived 2.2.7 checks (vrrp_scheduler.c dispatcher, then
 * vrrp.c vrrp_check_packet). Every value but {@link #ACCEPT} means the advert is ignored; the {@link Outcome}
 * tells how keepalived files it and {@link #stat()} which counter it bumps.
 */
public enum Verdict {
    // Socket level: before the packet reaches an instance (the kernel drops the first three itself)
    MALFORMED_IP_HEADER(Outcome.IGNORED, null),
    NOT_VRRP(Outcome.IGNORED, null),
    TOO_SHORT(Outcome.IGNORED, null),
    UNKNOWN_VRID(Outcome.IGNORED, null),
    /** IPv6: a multicast advert on a unicast instance or the reverse, discarded quietly. */
    CAST_DISCARDED(Outcome.IGNORED, null),

    // vrrp_check_packet
    AH_UNEXPECTED(Outcome.KO, VrrpStat.AUTHTYPE_MISMATCH),
    AH_MISSING(Outcome.KO, VrrpStat.AUTHTYPE_MISMATCH),
    LENGTH_MISMATCH(Outcome.KO, VrrpStat.PACKET_LEN_ERR),
    TTL(Outcome.KO, VrrpStat.IP_TTL_ERR),
    VERSION(Outcome.KO, VrrpStat.VERS_ERR),
    INVALID_AUTH_TYPE(Outcome.KO, VrrpStat.INVALID_AUTHTYPE),
    AUTH_TYPE_MISMATCH(Outcome.KO, VrrpStat.AUTHTYPE_MISMATCH),
    PASSWORD(Outcome.KO, VrrpStat.AUTH_FAILURE),
    /** An AH header protecting something other than VRRP. */
    AH_NOT_VRRP(Outcome.DROP, null),
    AH_ICV(Outcome.KO, VrrpStat.AUTH_FAILURE),
    AH_SPI(Outcome.KO, VrrpStat.AUTH_FAILURE),
    AH_REPLAY(Outcome.KO, VrrpStat.AUTH_FAILURE),
    /** v2 only (RFC 3768 §7.1): a peer with another interval would make two masters. */
    ADVERT_INTERVAL(Outcome.DROP, null),
    TYPE(Outcome.KO, VrrpStat.INVALID_TYPE_RCVD),
    ADDRESS_COUNT(Outcome.KO, VrrpStat.ADDR_LIST_ERR),
    IP_TOTAL_LENGTH(Outcome.KO, VrrpStat.PACKET_LEN_ERR),
    CHECKSUM(Outcome.KO, VrrpStat.CHK_ERR),
    CAST_MISMATCH(Outcome.KO, VrrpStat.ADDR_LIST_ERR),
    // from here on keepalived has counted the packet as a received advert (ADVERT_RCVD)
    VIP_MISSING(Outcome.KO, VrrpStat.ADDR_LIST_ERR),
    UNICAST_SOURCE(Outcome.KO, null),
    UNICAST_TTL(Outcome.KO, VrrpStat.IP_TTL_ERR),

    ACCEPT(Outcome.ACCEPTED, null);

    /** How keepalived files a verdict. */
    public enum Outcome {
        /** Never reached an instance. */
        IGNORED,
        /** VRRP_PACKET_KO: invalid, counted, logged. */
        KO,
        /** VRRP_PACKET_DROP: not for us, logged at most. */
        DROP,
        ACCEPTED
    }

    private final Outcome outcome;
    private final VrrpStat stat;

    Verdict(Outcome outcome, VrrpStat stat) {
        this.outcome = outcome;
        this.stat = stat;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The keepalived counter this verdict increments, or null for none. */
    public VrrpStat stat() {
        return stat;
    }

    public boolean accepted() {
        return this == ACCEPT;
    }
}
