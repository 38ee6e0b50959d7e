package io.jkeepalived.config.lexer;

import static io.jkeepalived.config.lexer.LineText.at;
import static io.jkeepalived.config.lexer.LineText.blanks;
import static io.jkeepalived.config.lexer.LineText.isAlnum;
import static io.jkeepalived.config.lexer.LineText.isAlpha;
import static io.jkeepalived.config.lexer.LineText.isBlank;
import static io.jkeepalived.config.lexer.LineText.isDigit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * keepalived.conf(5) "$NAME=value" definitions and their expansion (lib/parser.c find_definition,
 * check_definition, set_definition, replace_param), including the multi-line definitions that expand to
 * several lines and the predefined ${_PWD} ${_INSTANCE} ${_RANDOM [min [max]]} ${_HASH} ${_BANG}.
 */
final class Definitions {
    /** keepalived stops a line's expansion when it reaches this length (its MAXBUF). */
    static final int MAX_LINE = 1024;
    /**
     * A definition that expands to itself ($A=$A) makes keepalived loop forever; we give up on the line
     * after this many substitutions, as keepalived does when a line grows too long.
     */
    private static final int MAX_SUBSTITUTIONS = 10_000;

    /** Computes a predefined value at each use; {@code params} is the text of "${_RANDOM 1 9}" or null. */
    interface Computed {
        String value(String params);
    }

    static final class Def {
        final String name;
        String value;
        boolean multiline;
        Computed fn;
        final int maxParams;
        String params;

        Def(String name, String value, Computed fn, int maxParams) {
            this.name = name;
            this.value = value;
            this.fn = fn;
            this.maxParams = maxParams;
        }
    }

    /** A position inside a multi-line definition's value: the lines still to be produced. */
    record Cursor(String text, int pos) {}

    private record Stacked(Cursor ptr, int seqDepth) {}

    private final List<Def> defs = new ArrayList<>();
    private final ArrayDeque<Stacked> multilineStack = new ArrayDeque<>();
    private final Sequences seqs;
    /** Sequences started before the current multi-line expansion wait until it is done. */
    int multilineSeqDepth;

    Definitions(Sequences seqs) {
        this.seqs = seqs;
    }

    void addStandard(String name, String value, Computed fn, int maxParams) {
        defs.add(new Def(name, value, fn, maxParams));
    }

    Cursor popMultiline() {
        Stacked s = multilineStack.pollLast();
        if (s == null) return null;
        multilineSeqDepth = s.seqDepth();
        return s.ptr();
    }

    void clearMultiline() {
        multilineStack.clear();
        multilineSeqDepth = 0;
    }

    boolean multilineStackEmpty() {
        return multilineStack.isEmpty();
    }

    private Def byName(String name) {
        for (Def d : defs) {
            if (d.name.equals(name)) return d;
        }
        return null;
    }

    /** set_definition(): a ~SEQ/~LST variable takes its next value. */
    void set(String name, String value) {
        if (name.isEmpty() || (!isAlpha(name.charAt(0)) && name.charAt(0) != '_')) {
            return; // keepalived stores it under a name no reference can ever match
        }
        Def d = byName(name);
        if (d == null) {
            d = new Def(name, value, null, 0);
            defs.add(d);
        } else {
            d.fn = null;
            d.value = value;
        }
    }

    /**
     * check_definition(): "$NAME=value" (no blank before '='). Returns the definition made, or null when
     * the line is not one. A value ending in '\' starts a multi-line definition.
     */
    Def define(String buf) {
        if (at(buf, 0) != '$') return null;
        char c1 = at(buf, 1);
        if (!isAlpha(c1) && c1 != '_') return null;
        int n = buf.length();
        int p = 2;
        for (; p < n; p++) {
            char c = buf.charAt(p);
            if (c == '=') break;
            if (!isAlnum(c) && c != '_') return null;
        }
        if (at(buf, p) != '=') return null;
        String name = buf.substring(1, p);
        Def def = byName(name);
        if (def == null) {
            def = new Def(name, "", null, 0);
            defs.add(def);
        } else {
            def.fn = null;
        }
        p += 1 + blanks(buf, p + 1);
        String v = buf.substring(Math.min(p, n));
        int vlen = v.length();
        if (vlen > 0 && v.charAt(vlen - 1) == '\\') {
            while (vlen >= 2 && isBlank(v.charAt(vlen - 2))) vlen--;
            def.value = vlen < 2 ? "" : v.substring(0, vlen - 1) + "\n";
            def.multiline = true;
        } else {
            def.value = v;
            def.multiline = false;
        }
        return def;
    }

    /** A reference "$NAME" or "${NAME}" found at buf[dollar]: the definition and where the reference ends. */
    private record Ref(Def def, int end) {}

    /** find_definition() for a use of a name. */
    private Ref find(String buf, int dollar) {
        int i = dollar + 1;
        boolean braces = false;
        if (at(buf, i) == '{') {
            braces = true;
            i++;
        }
        char c = at(buf, i);
        if (!isAlpha(c) && c != '_') return null;
        int nameStart = i;
        int p = i + 1;
        while (isAlnum(at(buf, p)) || at(buf, p) == '_') p++;
        int len = p - nameStart;
        int ps = -1;
        int pe = -1;
        int end;
        if (braces) {
            while (at(buf, p) == ' ' || isDigit(at(buf, p))) {
                if (at(buf, p) != ' ') {
                    if (ps < 0) ps = p;
                    pe = p;
                }
                p++;
            }
            if (ps >= 0 && pe + 1 != p) return null;
            if (at(buf, p) != '}') return null;
            end = p + 1;
        } else {
            char e = at(buf, p);
            if (e != ' ' && e != '\t' && e != ',' && e != ')' && e != '\0') return null;
            end = p;
        }
        // a multi-line definition may only be used at the end of a line
        boolean allowMultiline = (braces ? nameStart + len + 1 : nameStart + len) == buf.length();
        for (Def d : defs) {
            if (d.name.length() == len && (allowMultiline || !d.multiline)
                    && buf.regionMatches(nameStart, d.name, 0, len)) {
                if (ps >= 0 && d.maxParams == 0) return null;
                d.params = ps >= 0 ? buf.substring(ps, pe + 1) : null;
                return new Ref(d, end);
            }
        }
        return null;
    }

    /** The outcome of {@link #replace}: the new text, whether anything was replaced, the multi-line cursor. */
    static final class Expansion {
        String text;
        boolean replaced;
        Cursor multiline;

        Expansion(Cursor multiline) {
            this.multiline = multiline;
        }
    }

    /**
     * replace_param(): substitutes every reference, rescanning each substituted text (so expansion is
     * recursive). A multi-line definition yields its first line here; {@code x.multiline} then points at
     * the rest. Stops early, keeping what was done, when the line would reach {@code maxLen}.
     */
    void replace(String buf, int maxLen, Expansion x) {
        int cur = 0;
        boolean found = false;
        Cursor multilinePtr = x.multiline;
        Cursor nextPtr = null;
        int count = 0;
        int lenUsed = buf.length();
        x.replaced = false;
        while ((cur = buf.indexOf('$', cur)) >= 0 && cur + 1 < buf.length()) {
            Ref ref = find(buf, cur);
            if (ref == null) {
                cur++;
                continue;
            }
            Def def = ref.def();
            found = true;
            nextPtr = multilinePtr;
            if (def.multiline && multilinePtr != null) {
                multilineStack.addLast(new Stacked(multilinePtr, multilineSeqDepth));
            }
            if (def.multiline) multilineSeqDepth = seqs.count();
            if (def.fn != null) def.value = def.fn.value(def.params);
            String value = def.value;
            String repl;
            if (def.multiline) {
                int nl = value.indexOf('\n');
                int rl = nl < 0 ? value.length() : nl;
                repl = value.substring(0, rl);
                nextPtr = new Cursor(value, Math.min(rl + 1, value.length()));
                multilinePtr = nextPtr;
            } else {
                repl = value;
            }
            int span = ref.end() - cur;
            int len = repl.length();
            if (lenUsed + len - span >= maxLen || ++count > MAX_SUBSTITUTIONS) {
                // keepalived only logs "Parameter substitution on line ... would exceed maximum line length"
                x.text = buf;
                return;
            }
            char after = at(buf, ref.end());
            if (def.params != null && len < span && after != '\0') {
                // keepalived shortens a "${_RANDOM a b}" by moving only the reference's own text: the
                // character after it follows the value, then the rest of the reference, then the line
                buf = buf.substring(0, cur) + repl + after + buf.substring(cur + len + 1, ref.end())
                        + buf.substring(ref.end());
            } else {
                buf = buf.substring(0, cur) + repl + buf.substring(ref.end());
            }
            lenUsed += len - span;
            if (at(value, blanks(value, 0)) == '~') break;
        }
        x.text = buf;
        x.replaced = found;
        if (found) x.multiline = nextPtr;
    }
}
