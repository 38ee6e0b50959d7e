package io.jkeepalived.config.tables;

/**
 * glibc inet_aton (what getaddrinfo with AI_NUMERICHOST accepts for IPv4): 1 to 4 parts, each decimal,
 * 0-prefixed octal or 0x-prefixed hex, the last part filling the remaining bytes.
 */
final class InetAton {
    private InetAton() {}

    /** The address as an unsigned 32-bit number (network order read big-endian), or null. */
    static Long parse(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) return null;
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long p = part(parts[i]);
            if (p == null) return null;
            v[i] = p;
        }
        int n = v.length;
        for (int i = 0; i < n - 1; i++) if (v[i] > 255) return null;
        long lastMax = n == 1 ? 0xFFFF_FFFFL : n == 2 ? 0xFF_FFFFL : n == 3 ? 0xFFFFL : 0xFFL;
        if (v[n - 1] > lastMax) return null;
        long r = 0;
        for (int i = 0; i < n - 1; i++) r |= v[i] << (24 - 8 * i);
        return r | v[n - 1];
    }

    private static Long part(String p) {
        if (p.isEmpty()) return null;
        int base = 10;
        int i = 0;
        if (p.startsWith("0x") || p.startsWith("0X")) {
            base = 16;
            i = 2;
        } else if (p.length() > 1 && p.charAt(0) == '0') {
            base = 8;
            i = 1;
        }
        long v = 0;
        if (i == p.length() && base == 16) return 0L; // "0x" alone is 0 in glibc
        for (; i < p.length(); i++) {
            int d = Character.digit(p.charAt(i), base);
            if (d < 0) return null;
            v = v * base + d;
            if (v > 0xFFFF_FFFFL) return null;
        }
        return v;
    }
}
