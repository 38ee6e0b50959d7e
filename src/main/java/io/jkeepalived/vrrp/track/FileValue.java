package io.jkeepalived.vrrp.track;

/**
 * A track_file's number as keepalived reads it (track_file.c process_track_file): at most 127 bytes,
 * C's strtol with base 0 (leading blanks, a sign, 0x for hex, a leading 0 for octal, digits up to the first
 * other character, nothing at all is 0). An overflow, or a number outside int32 (INT32_MAX+1 allowed), is
 * logged as "Invalid number N read from PATH - ignoring" and leaves the old value in place.
 *
 * @param value   the number read
 * @param invalid whether keepalived would ignore it
 */
public record FileValue(long value, boolean invalid) {
    /** keepalived's read buffer is 128 bytes with a terminating NUL. */
    public static final int MAX_BYTES = 127;

    /** A missing or empty file counts as 0. */
    public static final FileValue ZERO = new FileValue(0, false);

    public static FileValue parse(byte[] buf, int len) {
        int n = Math.min(len, MAX_BYTES);
        int i = 0;
        while (i < n && isSpace(buf[i])) i++;
        boolean negative = false;
        if (i < n && (buf[i] == '+' || buf[i] == '-')) {
            negative = buf[i] == '-';
            i++;
        }
        int base = 10;
        if (i < n && buf[i] == '0') {
            if (i + 2 < n && (buf[i + 1] == 'x' || buf[i + 1] == 'X') && digit(buf[i + 2], 16) >= 0) {
                base = 16;
                i += 2;
            } else {
                base = 8;
            }
        }
        long v = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            int d = digit(buf[i], base);
            if (d < 0) break;
            if (v > (Long.MAX_VALUE - d) / base) {
                overflow = true;
            } else {
                v = v * base + d;
            }
        }
        if (overflow) return new FileValue(negative ? Long.MIN_VALUE : Long.MAX_VALUE, true);
        long value = negative ? -v : v;
        boolean outside = value < Integer.MIN_VALUE || value > (long) Integer.MAX_VALUE + 1;
        return new FileValue(value, outside);
    }

    /** keepalived's log line for an ignored number. */
    public String invalidLine(String path) {
        return "Invalid number " + value + " read from " + path + " - ignoring";
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    private static int digit(byte b, int base) {
        int d;
        if (b >= '0' && b <= '9') d = b - '0';
        else if (b >= 'a' && b <= 'z') d = b - 'a' + 10;
        else if (b >= 'A' && b <= 'Z') d = b - 'A' + 10;
        else return -1;
        return d < base ? d : -1;
    }
}
