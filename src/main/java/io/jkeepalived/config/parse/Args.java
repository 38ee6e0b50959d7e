package io.jkeepalived.config.parse;

import io.jkeepalived.config.ConfLine;
import java.util.List;

/** The words of one line, word 0 being the keyword, with keepalived's readers for typed values. */
public final class Args {
    private final ConfLine line;
    private final ParseContext ctx;

    public Args(ConfLine line, ParseContext ctx) {
        this.line = line;
        this.ctx = ctx;
    }

    public ConfLine line() {
        return line;
    }

    public List<String> words() {
        return line.words();
    }

    public int size() {
        return line.words().size();
    }

    public String keyword() {
        return line.first();
    }

    public boolean has(int i) {
        return i < size();
    }

    /** Word {@code i}, or keepalived's fatal "missing a parameter" when there is none. */
    public String word(int i) {
        if (i < size()) return line.words().get(i);
        String msg = i > 0 && i - 1 < size()
                ? "*** Configuration line starting `" + keyword() + "` is missing a parameter after keyword `"
                        + line.words().get(i - 1) + "` at word position " + (i + 1)
                : "*** Configuration line starting `" + keyword() + "` is missing a parameter at word position " + (i + 1);
        ctx.error(io.jkeepalived.config.ConfigError.MISSING_PARAMETER, msg);
        throw new MissingParameterException(msg);
    }

    public String opt(int i, String fallback) {
        return i < size() ? line.words().get(i) : fallback;
    }

    /** keepalived's read_int: base 10, reports "invalid number" / "outside range"; null when not valid. */
    public Long readInt(int i, long min, long max) {
        return Numbers.readInt(ctx, word(i), min, max);
    }

    /** keepalived's read_unsigned: also rejects a leading '-' ("negative number"). */
    public Long readUnsigned(int i, long min, long max) {
        return Numbers.readUnsigned(ctx, word(i), min, max);
    }

    /** keepalived's read_timer: decimal seconds to microseconds, with range in microseconds. */
    public Long readTimer(int i, long minMicros, long maxMicros) {
        return Numbers.readDecimal(ctx, word(i), minMicros, maxMicros, 6);
    }

    /** A decimal with {@code digits} fractional digits, returned scaled by 10^digits. */
    public Long readDecimal(int i, long min, long max, int digits) {
        return Numbers.readDecimal(ctx, word(i), min, max, digits);
    }

    /**
     * An optional BOOL after the keyword (keepalived's get_value/check_true_false): absent means true;
     * an invalid word is reported and gives null.
     */
    public Boolean readBool(int i) {
        if (!has(i)) return Boolean.TRUE;
        String w = word(i);
        return switch (w) {
            case "true", "on", "yes" -> Boolean.TRUE;
            case "false", "off", "no" -> Boolean.FALSE;
            default -> {
                ctx.error(io.jkeepalived.config.ConfigError.GENERAL_ERROR,
                        "Invalid " + keyword() + " parameter " + w);
                yield null;
            }
        };
    }
}
