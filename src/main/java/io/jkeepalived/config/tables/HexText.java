package io.jkeepalived.config.tables;

/**
 * keepalived's read_hex_str (UDP_CHECK payload / require_reply): hex digit pairs, blanks between bytes,
 * a single digit before a blank is a byte of its own, and (for replies) x/X is a wildcard nibble.
 *
 * @param data bytes as lower-case hex (wildcards as 0)
 * @param mask null without wildcards; else per-nibble mask as hex, f = wildcard nibble
 */
record HexText(String data, String mask) {

    static HexText read(String s, boolean wildcards) {
        StringBuilder data = new StringBuilder();
        StringBuilder mask = new StringBuilder();
        boolean usingMask = false;
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
            if (i >= n) break;
            int hi = nibble(s.charAt(i++), wildcards);
            if (hi == -1) return null;
            int lo = -2; // none
            if (i < n && s.charAt(i) != ' ') {
                lo = nibble(s.charAt(i++), wildcards);
                if (lo == -1) return null;
            }
            int val;
            int m;
            if (lo == -2) {
                val = hi == -3 ? 0 : hi;
                m = hi == -3 ? 0x0f : 0;
            } else {
                val = (hi == -3 ? 0 : hi) << 4 | (lo == -3 ? 0 : lo);
                m = (hi == -3 ? 0xf0 : 0) | (lo == -3 ? 0x0f : 0);
            }
            usingMask |= m != 0;
            data.append(String.format("%02x", val));
            mask.append(String.format("%02x", m));
        }
        if (data.isEmpty()) return null;
        return new HexText(data.toString(), usingMask ? mask.toString() : null);
    }

    /** The nibble's value, -3 for a wildcard, -1 for an invalid character. */
    private static int nibble(char c, boolean wildcards) {
        int d = Character.digit(c, 16);
        if (d >= 0 && c < 128) return d;
        if (wildcards && (c == 'x' || c == 'X')) return -3;
        return -1;
    }
}
