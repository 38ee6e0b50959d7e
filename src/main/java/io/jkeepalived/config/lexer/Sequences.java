package io.jkeepalived.config.lexer;

import static io.jkeepalived.config.lexer.LineText.at;
import static io.jkeepalived.config.lexer.LineText.blanks;

import io.jkeepalived.config.ConfigError;
import java.util.ArrayList;
import java.util.List;

/**
 * keepalived.conf(5) line repetition: {@code ~SEQ(var, [start,] [step,] end) text}, {@code ~SEQx} (hex)
 * and {@code ~LST(var | {v1,v2…}, values | {values…} …) text} (lib/parser.c add_seq, add_lst and the
 * sequence part of read_line). Active sequences form a stack: the newest produces lines first, so a
 * sequence whose text starts another one nests.
 */
final class Sequences {
    /** Room keepalived gives the parameters between "(" and ")" after expansion (3 longs and separators). */
    private static final int PARAM_ROOM = 3 * 20 + 3 + 1;

    private static final class Seq {
        String var;
        long next;
        long last;
        long step;
        boolean hex;
        String text;
        List<String> params; // ~LST only
        List<List<String>> values;
        int nextSet;
    }

    private final List<Seq> list = new ArrayList<>();

    int count() {
        return list.size();
    }

    void clear() {
        list.clear();
    }

    /** The next line of the newest sequence, its variables set; the sequence ends after its last line. */
    String nextLine(Definitions defs) {
        Seq seq = list.getLast();
        if (seq.params == null) {
            defs.set(seq.var, seq.hex ? Long.toHexString(seq.next) : Long.toString(seq.next));
            long after;
            try {
                after = Math.addExact(seq.next, seq.step);
            } catch (ArithmeticException overflow) {
                list.removeLast(); // keepalived would wrap round and never stop
                return seq.text;
            }
            seq.next = after;
            if ((seq.step > 0 && after > seq.last) || (seq.step < 0 && after < seq.last)) list.removeLast();
        } else {
            List<String> set = seq.values.get(seq.nextSet);
            for (int i = 0; i < seq.params.size(); i++) defs.set(seq.params.get(i), set.get(i));
            if (++seq.nextSet == seq.values.size()) list.removeLast();
        }
        return seq.text;
    }

    /** add_seq(): false when the line is not a valid ~SEQ (the caller then reports it). */
    boolean addSeq(String buf, Definitions defs, Reporter r) {
        int n = buf.length();
        int p = 4;
        boolean hex = false;
        if (at(buf, p) == 'x') {
            p++;
            hex = true;
        }
        p += blanks(buf, p);
        if (at(buf, p++) != '(') return false;
        p += blanks(buf, p);
        int var = p;
        while (p < n && " \t,)".indexOf(buf.charAt(p)) < 0) p++;
        int varEnd = p;
        p += blanks(buf, p);
        if (p >= n || buf.charAt(p) == ')' || p == var) {
            r.report(ConfigError.GENERAL_ERROR, "Invalid ~SEQ definition '" + buf + "'");
            return false;
        }
        p++;
        p += blanks(buf, p);
        int endSeq = buf.indexOf(')', Math.min(p, n));
        if (endSeq < 0 || endSeq + 1 - p + 1 > PARAM_ROOM) {
            r.report(ConfigError.GENERAL_ERROR, "~SEQ parameter strings too long '" + buf + "'");
            return false;
        }
        Definitions.Expansion x = new Definitions.Expansion(null);
        defs.replace(buf.substring(p, endSeq + 1), PARAM_ROOM, x);
        if (x.multiline != null) {
            r.report(ConfigError.GENERAL_ERROR, "~SEQ parameter is multiline definition '" + buf + "'");
            return false;
        }
        String s = x.text;
        long start;
        long step;
        long end;
        int[] q = {0};
        long one = strtol(s, q);
        q[0] += blanks(s, q[0]);
        if (at(s, q[0]) == ')') {
            end = one;
            step = end < 1 ? -1 : 1;
            start = end < 0 ? -1 : 1;
        } else {
            if (at(s, q[0]) != ',') return invalidDefinition(buf, r);
            q[0]++;
            long two = strtol(s, q);
            q[0] += blanks(s, q[0]);
            if (at(s, q[0]) == ')') {
                start = one;
                end = two;
                step = start <= end ? 1 : -1;
            } else {
                if (at(s, q[0]) != ',') return invalidDefinition(buf, r);
                q[0]++;
                long three = strtol(s, q);
                q[0] += blanks(s, q[0]);
                if (at(s, q[0]) != ')') return invalidDefinition(buf, r);
                start = one;
                step = two;
                end = three;
                if (step == 0 || (start < end && step < 0) || (start > end && step > 0)) {
                    r.report(ConfigError.GENERAL_ERROR, "Invalid ~SEQ values '" + buf + "'");
                    return false;
                }
            }
        }
        if (hex && (start < 0 || end < 0)) {
            r.report(ConfigError.GENERAL_ERROR, "~SEQx is only valid for positive numbers '" + buf + "'");
            return false;
        }
        Seq seq = new Seq();
        seq.var = buf.substring(var, varEnd);
        seq.next = start;
        seq.step = step;
        seq.last = end;
        seq.hex = hex;
        seq.text = buf.substring(Math.min(n, endSeq + 1 + blanks(buf, endSeq + 1)));
        list.add(seq);
        return true;
    }

    private static boolean invalidDefinition(String buf, Reporter r) {
        r.report(ConfigError.GENERAL_ERROR, "Invalid ~SEQ definition '" + buf + "'");
        return false;
    }

    /** add_lst(): false when the line is not a valid ~LST (the caller then reports it). */
    boolean addLst(String buf, Reporter r) {
        int n = buf.length();
        int p = 4;
        p += blanks(buf, p);
        if (at(buf, p++) != '(') return false;
        p += blanks(buf, p);
        char endChar = ',';
        if (at(buf, p) == '{') {
            endChar = '}';
            p++;
            p += blanks(buf, p);
        }
        List<String> params = new ArrayList<>();
        int numVars = 0;
        while (true) {
            int var = p;
            while (p < n && " \t,}".indexOf(buf.charAt(p)) < 0) p++;
            params.add(buf.substring(var, p));
            p += blanks(buf, p);
            if (at(buf, p) == endChar) break;
            if (at(buf, p) != ',') return false;
            p += blanks(buf, p + 1) + 1;
            numVars++;
        }
        if (at(buf, p) == '}') p += blanks(buf, p + 1) + 1;
        if (at(buf, p++) != ',') return false;
        p += blanks(buf, p);
        List<List<String>> values = new ArrayList<>();
        while (true) {
            List<String> set = new ArrayList<>(numVars + 1);
            endChar = ',';
            if (at(buf, p) == '{') {
                endChar = '}';
                p++;
                p += blanks(buf, p);
            }
            int numValues = 0;
            while (true) {
                int v = p;
                while (p < n && " \t,})".indexOf(buf.charAt(p)) < 0) p++;
                set.add(buf.substring(v, p));
                p += blanks(buf, p);
                char c = at(buf, p);
                if (c == endChar || (c == ')' && endChar == ',')) break;
                if (c != ',') return false;
                p += blanks(buf, p + 1) + 1;
                if (++numValues > numVars) {
                    r.report(ConfigError.GENERAL_ERROR, "~LST specification has too many values '" + buf + "'");
                    return false;
                }
            }
            for (; numValues < numVars; numValues++) set.add("");
            values.add(set);
            if (at(buf, p) == '}' && endChar == '}') p += blanks(buf, p + 1) + 1;
            if (at(buf, p) == ')') break;
            if (at(buf, p) != ',') return false;
            p += blanks(buf, p + 1) + 1;
        }
        p += blanks(buf, p + 1) + 1;
        Seq seq = new Seq();
        seq.params = params;
        seq.values = values;
        seq.text = buf.substring(Math.min(p, n));
        list.add(seq);
        return true;
    }

    /** C strtol(s + q[0], &end, 0): sign, 0x hex, 0 octal, saturating; q[0] moves past what was read. */
    static long strtol(String s, int[] q) {
        int i = q[0];
        int n = s.length();
        while (i < n && LineText.isWhite(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int base = 10;
        if (at(s, i) == '0') {
            if ((at(s, i + 1) == 'x' || at(s, i + 1) == 'X') && Character.digit(at(s, i + 2), 16) >= 0
                    && at(s, i + 2) < 128) {
                base = 16;
                i += 2;
            } else {
                base = 8;
            }
        }
        int digitsStart = i;
        long v = 0;
        boolean overflow = false;
        while (i < n) {
            char c = s.charAt(i);
            int d = c < 128 ? Character.digit(c, base) : -1;
            if (d < 0) break;
            if (!overflow) {
                if (v > (Long.MAX_VALUE - d) / base) overflow = true;
                else v = v * base + d;
            }
            i++;
        }
        if (i == digitsStart) return 0; // no number: end stays where it was
        q[0] = i;
        if (overflow) return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        return neg ? -v : v;
    }
}
