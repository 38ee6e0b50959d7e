package io.jkeepalived.vrrp.fsm;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Addresses as keepalived prints them in log lines (glibc inet_ntop): dotted quad for IPv4, and for IPv6
 * the longest run of two or more zero groups (the first on a tie) collapsed to {@code ::}, lower-case hex,
 * and an embedded IPv4 tail for ::a.b.c.d and ::ffff:a.b.c.d. Java's {@code getHostAddress()} does not
 * compress, so log lines would differ without this.
 */
final class AddressText {
    private AddressText() {
    }

    static String of(InetAddress address) {
        if (address == null) return "(none)";
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return dotted(b, 0);
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) bestBase = -1;
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) sb.append(':');
                continue;
            }
            if (i != 0) sb.append(':');
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
                sb.append(dotted(b, 12));
                break;
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) sb.append(':');
        return sb.toString();
    }

    private static String dotted(byte[] b, int off) {
        return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "." + (b[off + 3] & 0xff);
    }

    /**
     * keepalived's source-address order for the equal-priority tie-break (RFC 5798 §6.4.3: "the primary
     * IPv4/IPv6 address … compared as an unsigned integer"): big-endian unsigned comparison; 0 when either
     * side is missing or the families differ (vrrp.c vrrp_saddr_cmp).
     */
    static int compare(InetAddress theirs, InetAddress ours) {
        if (theirs == null || ours == null) return 0;
        byte[] a = theirs.getAddress();
        byte[] b = ours.getAddress();
        if (a.length != b.length) return 0;
        int c = java.util.Arrays.compareUnsigned(a, b);
        return Integer.signum(c);
    }
}
