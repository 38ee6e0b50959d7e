package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.lexer.ScriptLine;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.Numbers;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;

/** Small readers shared by the LVS tables, in keepalived's terms (check_parser.c, check_api.c). */
final class LvsWords {
    private LvsWords() {}

    static final long UINT_MAX = 0xFFFF_FFFFL;
    static final long INT32_MAX = Integer.MAX_VALUE;
    /** keepalived's TIMER_MAXIMUM (ULONG_MAX - 1 µs): for us, unbounded. */
    static final long TIMER_MAX = Long.MAX_VALUE;

    static KeywordInfo kw(String name, int min, int max, ValueType type) {
        return KeywordInfo.of(name, min, max, type);
    }

    /**
     * read_timer (lib/parser.c read_decimal_unsigned_long_func with ignore_error): decimal seconds to µs.
     * As in keepalived, a word with trailing junk is reported and its numeric prefix still taken when in
     * range ("5x" gives 5 µs, "y" gives 0); null, after keepalived's number message, otherwise.
     */
    static Long timer(ParseContext ctx, Args a, long minMicros, long maxMicros) {
        String p = a.word(1);
        if (p.startsWith("-")) {
            ctx.error(ConfigError.INVALID_NUMBER, "negative number '" + p + "'");
            return null;
        }
        int dp = p.indexOf('.');
        int numDp = dp < 0 ? 0 : p.length() - dp - 1;
        boolean roundUp = false;
        if (numDp > 6) {
            ctx.error(ConfigError.INVALID_NUMBER, "number '" + p + "' has too many decimal places");
            roundUp = p.charAt(dp + 7) >= '5';
            numDp = 6;
        }
        String digits = dp < 0 ? p : p.substring(0, dp) + p.substring(dp + 1, dp + 1 + numDp);
        digits += "0".repeat(6 - numDp);
        // strtoull: blanks, a sign, then digits; the rest is junk
        int i = 0;
        while (i < digits.length() && Character.isWhitespace(digits.charAt(i))) i++;
        if (i < digits.length() && digits.charAt(i) == '+') i++;
        long val = 0;
        boolean overflow = false;
        for (; i < digits.length() && digits.charAt(i) >= '0' && digits.charAt(i) <= '9'; i++) {
            int d = digits.charAt(i) - '0';
            if (val > (Long.MAX_VALUE - d) / 10) overflow = true;
            else val = val * 10 + d;
        }
        if (roundUp) val++;
        boolean valid = i == digits.length();
        if (!valid) {
            ctx.error(ConfigError.INVALID_NUMBER, "invalid number '" + p + "'");
        } else if (overflow) {
            ctx.error(ConfigError.INVALID_NUMBER, "number '" + p + "' outside unsigned decimal range");
            return null;
        } else if (val < minMicros || val > maxMicros) {
            ctx.error(ConfigError.INVALID_NUMBER, "number '" + p + "' outside range [" + micros(minMicros) + ", "
                    + (maxMicros == TIMER_MAX ? "18446744073709.551614" : micros(maxMicros)) + "]");
        } else {
            return val;
        }
        return !overflow && val >= minMicros && val <= maxMicros ? val : null;
    }

    static Long unsigned(ParseContext ctx, Args a, long min, long max) {
        return Numbers.readUnsigned(ctx, a.word(1), min, max);
    }

    /**
     * An optional BOOL (check_true_false); absent means true. An invalid word gives keepalived's
     * "Invalid {what} parameter X" and null.
     */
    static Boolean bool(ParseContext ctx, Args a, String what) {
        if (!a.has(1)) return Boolean.TRUE;
        return switch (a.word(1)) {
            case "true", "on", "yes" -> Boolean.TRUE;
            case "false", "off", "no" -> Boolean.FALSE;
            default -> {
                ctx.error(ConfigError.GENERAL_ERROR, "Invalid " + what + " parameter " + a.word(1));
                yield null;
            }
        };
    }

    /**
     * A notify/quorum script keyword, re-read with keepalived's quoting and escapes
     * (alloc_strvec_quoted_escaped): word 1 is the command line, then {@code [user [group]]}. Without a
     * command keepalived 2.2.7 stops with "missing a parameter" (measured); a line it cannot split (an
     * unmatched quote) or a user that does not exist leaves no script, which keepalived only logs.
     */
    static Script script(ParseContext ctx, Args a) {
        if (ScriptLine.words(a.line().text()) == null) {
            ScriptLine.parse(a.line(), ctx.diagnostics()); // reports the unmatched quote; no script, no stop
            return null;
        }
        String cmd = a.word(1);
        ScriptLine sl = ScriptLine.parse(a.line(), ctx.diagnostics());
        if (sl == null) return null;
        if (sl.user() != null && !ScriptUsers.valid(ctx, sl.user(), sl.group())) {
            return null;
        }
        return new Script(cmd, sl.argv(), sl.user(), sl.group());
    }

    /** misc_path: only the command line (its user comes from the {@code user} keyword); null when unreadable. */
    static Script command(ParseContext ctx, Args a) {
        String cmd = a.word(1);
        ScriptLine sl = ScriptLine.parse(a.line(), ctx.diagnostics());
        return sl == null ? null : new Script(cmd, sl.argv(), null, null);
    }

    /** keepalived's cmd_str: each word in single quotes. */
    static String cmdStr(Script s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.argv()) {
            if (!b.isEmpty()) b.append(' ');
            b.append('\'').append(w).append('\'');
        }
        return b.toString();
    }

    static String micros(long us) {
        return String.format("%d.%06d", us / 1_000_000, us % 1_000_000);
    }
}
