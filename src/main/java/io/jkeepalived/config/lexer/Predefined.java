package io.jkeepalived.config.lexer;

import java.util.Random;

/**
 * The predefined names whose value keepalived computes at each use (lib/parser.c get_cwd, get_instance,
 * get_random): ${_PWD}, ${_INSTANCE} and ${_RANDOM [min [max]]}. A class rather than lambdas, so that
 * start-up pays no bootstrap for them.
 */
final class Predefined implements Definitions.Computed {
    static final int PWD = 0;
    static final int INSTANCE = 1;
    static final int RANDOM = 2;

    private final int which;
    private final IncludeStack files;
    private final String configId;
    private final Random random;

    Predefined(int which, IncludeStack files, String configId, Random random) {
        this.which = which;
        this.files = files;
        this.configId = configId;
        this.random = random;
    }

    @Override
    public String value(String params) {
        return switch (which) {
            case PWD -> files.cwd().toString();
            case INSTANCE -> configId == null ? "" : configId;
            default -> random(params);
        };
    }

    /** ${_RANDOM [min [max]]}: min..max (default 0..32767), cut to as many digits as max has. */
    private String random(String params) {
        long min = 0;
        long max = 32767;
        if (params != null) {
            int[] q = {0};
            min = strtoul(params, q);
            if (q[0] < params.length() - 1) max = strtoul(params, q);
        }
        long r = random.nextInt() & 0x7fffffffL;
        long range = max - min + 1;
        long val = range == 0 ? r : Long.remainderUnsigned(r, range) + min;
        String digits = Long.toUnsignedString(max);
        String s = Long.toString(val);
        return s.length() > digits.length() ? s.substring(0, digits.length()) : s;
    }

    /** C strtoul on digits and spaces (all a ${_RANDOM} parameter may hold), saturating. */
    private static long strtoul(String s, int[] q) {
        int i = q[0];
        while (i < s.length() && s.charAt(i) == ' ') i++;
        long v = 0;
        boolean saturated = false;
        while (i < s.length() && LineText.isDigit(s.charAt(i))) {
            int d = s.charAt(i++) - '0';
            if (!saturated && Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) saturated = true;
            if (!saturated) v = v * 10 + d;
        }
        q[0] = i;
        return saturated ? -1L : v;
    }
}
