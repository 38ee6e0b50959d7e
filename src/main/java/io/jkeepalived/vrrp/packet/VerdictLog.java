package io.jkeepalived.vrrp.packet;

/**
 * keepalived 2.2.7's log line for a verdict (vrrp.c / vrrp_scheduler.c wording), built only when a packet was
 * refused, so the per-packet path stays free of strings. Returns null where keepalived logs nothing.
 */
public final class VerdictLog {
    private VerdictLog() {
    }

    /**
     * @param validator the validator whose last verdict to describe
     * @param iname     the instance name, e.g. {@code VI_1}
     * @param ifname    the receiving interface (for the unknown-VRID line)
     */
    public static String line(AdvertValidator validator, String iname, String ifname) {
        VerdictDetail d = validator.detail();
        AdvertView view = validator.view();
        ReceivePolicy policy = validator.policy();
        long a = d.first();
        long b = d.second();
        String i = "(" + iname + ")";
        return switch (d.verdict()) {
            case ACCEPT -> validator.switchedToOldChecksum()
                    ? i + " Setting unicast VRRPv3 checksum to old version" : null;
            case MALFORMED_IP_HEADER, NOT_VRRP, AH_NOT_VRRP -> null;
            case TOO_SHORT -> tooShort(view, a);
            case UNKNOWN_VRID -> "Unknown VRID(" + a + ") received on interface(" + ifname + "). ignoring...";
            case CAST_DISCARDED -> i + " discarding " + (a == 1 ? "mult" : "un") + "icast packet on "
                    + (policy.unicast() ? "un" : "mult") + "icast instance";
            case AH_UNEXPECTED -> i + " Received AH header but auth type not AH";
            case AH_MISSING -> i + " No AH header but auth type is AH";
            case LENGTH_MISMATCH -> i + " vrrp packet too " + (a > b ? "long" : "short") + ", length " + a
                    + " and expect " + b;
            case TTL -> i + " invalid TTL/HL. Received " + a + " and expect " + b;
            case VERSION -> i + " wrong version. Received " + a + " and expect " + b;
            case INVALID_AUTH_TYPE -> i + " Invalid auth type: " + a;
            case AUTH_TYPE_MISMATCH -> i + " received a " + a + " auth, expecting " + b + "!";
            case PASSWORD -> i + " received an invalid passwd!";
            case AH_ICV -> i + " IPSEC-AH : invalid IPSEC HMAC-MD5 value. Due to fields mutation or bad password !";
            // keepalived prints both network-order words as host (little-endian) integers
            case AH_SPI -> "IPSEC AH : invalid IPSEC SPI value. " + hostOrder(a) + " and expect " + hostOrder(b);
            case AH_REPLAY -> i + " IPSEC-AH : sequence number " + a + " already processed. Packet dropped. Local("
                    + b + ")";
            case ADVERT_INTERVAL -> i + " advertisement interval mismatch mine=" + a + " sec rcv'd=" + b + " sec";
            case TYPE -> i + " Invalid packet type. " + a + " and expect " + b;
            case ADDRESS_COUNT -> i + " received an unexpected ip number count " + a + ", expected " + b + "!";
            case IP_TOTAL_LENGTH -> i + " ip_tot_len mismatch against received length. " + a + " and received " + b;
            case CHECKSUM -> i + " Invalid VRRPv" + b + " checksum";
            case CAST_MISMATCH -> i + " Expected " + (a == 1 ? "un" : "mult") + "icast packet but received "
                    + (a == 1 ? "mult" : "un") + "icast packet";
            case VIP_MISSING -> i + " ip address associated with VRID " + b + " not present in MASTER advert: "
                    + AddressText.of(policy.vips().get((int) a));
            case UNICAST_SOURCE -> i + " unicast source address "
                    + AddressText.of(validator.lastSource(), policy.family()) + " not a unicast peer";
            case UNICAST_TTL -> i + " TTL/HL " + a + " not in range " + b + " - " + d.third();
        };
    }

    private static String tooShort(AdvertView view, long length) {
        if (view.family() == IpFamily.IPV6) {
            return "IPv6 VRRP packet too short - " + length + " bytes";
        }
        boolean ah = length >= VrrpWire.IPV4_HEADER && view.ipHeaderLength() >= VrrpWire.IPV4_HEADER
                && length >= view.ipHeaderLength() + VrrpWire.VRRP_HEADER
                && Octets.u8(view.buffer(), view.start() + 9) == VrrpWire.IPPROTO_AH;
        return "IPv4 VRRP packet" + (ah ? " with AH" : "") + " too short - " + length + " bytes";
    }

    private static long hostOrder(long networkWord) {
        return Integer.toUnsignedLong(Integer.reverseBytes((int) networkWord));
    }
}
