package io.jkeepalived.vrrp.packet;

/**
 * The receive-side statistics keepalived keeps per instance (vrrp_stats, shown by SIGUSR2/JSON dumps and SNMP).
 * The names are keepalived's field names in upper case.
 */
public enum VrrpStat {
    ADVERT_RCVD,
    PACKET_LEN_ERR,
    IP_TTL_ERR,
    INVALID_TYPE_RCVD,
    ADDR_LIST_ERR,
    INVALID_AUTHTYPE,
    AUTHTYPE_MISMATCH,
    AUTH_FAILURE,
    PRI_ZERO_RCVD,
    CHK_ERR,
    VERS_ERR
}
