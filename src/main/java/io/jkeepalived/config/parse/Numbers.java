package io.jkeepalived.config.parse;

import io.jkeepalived.config.ConfigError;

/** keepalived's number readers (lib/parser.c read_*_func): the same acceptance and the same messages. */
public final class Numbers {
    private Numbers() {}

    public static Long readInt(ParseContext ctx, String s, long min, long max) {
        String t = s.stripLeading();
        Long v = parseLong(t);
        if (v == null || t.isEmpty()) {
            if (v == null && isLongOverflow(t)) {
                ctx.error(ConfigError.INVALID_NUMBER, "number '" + s + "' outside integer range");
            } else {
                ctx.error(ConfigError.INVALID_NUMBER, "invalid number '" + s + "'");
            }
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            ctx.error(ConfigError.INVALID_NUMBER, "number '" + s + "' outside integer range");
            return null;
        }
        if (v < min || v > max) {
            ctx.error(ConfigError.INVALID_NUMBER, "number '" + s + "' outside range [" + min + ", " + max + "]");
            return null;
        }
        return v;
    }

    public static Long readUnsigned(ParseContext ctx, String s, long min, long max) {
        String t = s.stripLeading();
        if (t.startsWith("-")) {
            ctx.error(ConfigError.INVALID_NUMBER, "negative number '" + s + "'");
            return null;
        }
        Long v = parseLong(t); // strtoul takes one optional sign: a lone "+" converts nothing
        if (v == null || t.isEmpty()) {
            if (isLongOverflow(t)) {
                ctx.error(ConfigError.INVALID_NUMBER, "number '" + s + "' outside unsigned integer range");
            } else {
                ctx.error(ConfigError.INVALID_NUMBER, "invalid number '" + s + "'");
            }
            return null;
        }
        if (v > 0xFFFF_FFFFL) {
            ctx.error(ConfigError.INVALID_NUMBER, "number '" + s + "' outside unsigned integer range");
            return null;
        }
        if (v < min || v > max) {
            ctx.error(ConfigError.INVALID_NUMBER, "number '" + s + "' outside range [" + min + ", " + max + "]");
            return null;
        }
        return v;
    }

    /**
     * A non-negative decimal with at most {@code digits} fractional digits, scaled by 10^digits; more
     * digits are reported and rounded, as keepalived does.
     */
    public static Long readDecimal(ParseContext ctx, String s, long min, long max, int digits) {
        if (s.startsWith("-")) {
            ctx.error(ConfigError.INVALID_NUMBER, "negative number '" + s + "'");
            return null;
        }
        int dp = s.indexOf('.');
        String intPart = dp < 0 ? s : s.substring(0, dp);
        String frac = dp < 0 ? "" : s.substring(dp + 1);
        boolean roundUp = false;
        if (frac.length() > digits) {
            ctx.error(ConfigError.INVALID_NUMBER, "number '" + s + "' has too many decimal places");
            roundUp = frac.charAt(digits) >= '5';
            frac = frac.substring(0, digits);
        }
        String all = intPart + frac + "0".repeat(digits - frac.length());
        Long v = parseLong(all.startsWith("+") ? all.substring(1) : all);
        if (v == null || all.isEmpty() || all.startsWith("+") && all.length() == 1) {
            ctx.error(ConfigError.INVALID_NUMBER, "invalid number '" + s + "'");
            return null;
        }
        if (roundUp) v++;
        if (v < min || v > max) {
            long scale = pow10(digits);
            String fmt = "%d.%0" + digits + "d";
            ctx.error(ConfigError.INVALID_NUMBER, "number '" + s + "' outside range ["
                    + String.format(fmt, min / scale, min % scale) + ", "
                    + String.format(fmt, max / scale, max % scale) + "]");
            return null;
        }
        return v;
    }

    static long pow10(int d) {
        long p = 1;
        for (int i = 0; i < d; i++) p *= 10;
        return p;
    }

    /** strtol-like base-10 parse of the whole string: optional sign, digits only; null otherwise. */
    static Long parseLong(String t) {
        if (t.isEmpty()) return 0L; // strtol of "" gives 0 with no trailing junk
        int i = 0;
        boolean neg = false;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            neg = t.charAt(0) == '-';
            i = 1;
        }
        if (i == t.length()) return null;
        long v = 0;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return null;
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) return null;
            v = v * 10 + (c - '0');
        }
        return neg ? -v : v;
    }

    private static boolean isLongOverflow(String t) {
        String d = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        return !d.isEmpty() && d.chars().allMatch(Character::isDigit);
    }
}
