package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.Numbers;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;
import java.util.ArrayList;
import java.util.List;

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
     * A notify/quorum script keyword: word 1 is the command (quoted when it has arguments), then
     * {@code [user [[:]group]]}. Without a command, keepalived 2.2.7 stops with "missing a parameter" (measured).
     */
    static Script script(Args a) {
        String cmd = a.word(1);
        String user = a.opt(2, null);
        String group = a.opt(3, null);
        if (group != null && group.startsWith(":")) group = group.substring(1);
        if (user != null && user.contains(":")) {
            int c = user.indexOf(':');
            if (group == null && c + 1 < user.length()) group = user.substring(c + 1);
            user = user.substring(0, c);
        }
        return new Script(cmd, argv(cmd), user, group);
    }

    /** misc_path: only the command; its user comes from the {@code user} keyword. */
    static Script command(Args a) {
        String cmd = a.word(1);
        return new Script(cmd, argv(cmd), null, null);
    }

    /** The command line split into words (single quotes group words, as keepalived's script lexer does). */
    static List<String> argv(String cmd) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (c == '\\' && i + 1 < cmd.length()) {
                cur.append(cmd.charAt(++i));
                inWord = true;
            } else if (c == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && (c == ' ' || c == '\t')) {
                if (inWord) out.add(cur.toString());
                cur.setLength(0);
                inWord = false;
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(cur.toString());
        return out;
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
