package io.jkeepalived.vrrp.packet;

/** Addresses printed as inet_ntop prints them (IPv6 with the longest zero run compressed, RFC 5952). */
public final class AddressText {
    private AddressText() {
    }

    public static String of(byte[] address) {
        return of(address, IpFamily.ofAddress(address));
    }

    static String of(byte[] address, IpFamily family) {
        if (family == IpFamily.IPV4) {
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "."
                    + (address[3] & 0xFF);
        }
        int[] words = new int[8];
        for (int w = 0; w < 8; w++) {
            words[w] = ((address[2 * w] & 0xFF) << 8) | (address[2 * w + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int w = 0; w < 8;) {
            if (words[w] != 0) {
                w++;
                continue;
            }
            int start = w;
            while (w < 8 && words[w] == 0) {
                w++;
            }
            if (w - start > bestLen) {
                bestStart = start;
                bestLen = w - start;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            if (w == bestStart) {
                sb.append("::");
                w += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(words[w]));
        }
        return sb.toString();
    }
}
