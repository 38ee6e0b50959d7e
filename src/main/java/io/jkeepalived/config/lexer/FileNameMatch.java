package io.jkeepalived.config.lexer;

/**
 * fnmatch(3) on one file name with FNM_PERIOD, as glob(3) uses it: {@code *}, {@code ?}, bracket
 * expressions ({@code [a-z]}, {@code [!x]}, {@code [^x]}, {@code [[:digit:]]}), backslash escapes; a leading
 * '.' only matches a literal '.'.
 */
final class FileNameMatch {
    private FileNameMatch() {}

    static boolean matches(String pattern, String name) {
        if (!name.isEmpty() && name.charAt(0) == '.' && (pattern.isEmpty() || pattern.charAt(0) != '.')) {
            return false;
        }
        return match(pattern, 0, name, 0);
    }

    /** Wildcard matching that backtracks only to the last '*': linear in practice, never exponential. */
    private static boolean match(String p, int pi, String s, int si) {
        int pn = p.length();
        int sn = s.length();
        int starP = -1;
        int starS = -1;
        while (si < sn) {
            if (pi < pn && p.charAt(pi) == '*') {
                starP = pi++;
                starS = si;
                continue;
            }
            int used = pi < pn ? one(p, pi, s.charAt(si)) : -1;
            if (used > 0) {
                pi += used;
                si++;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < pn && p.charAt(pi) == '*') pi++;
        return pi == pn;
    }

    /** How much of the pattern at {@code pi} matched {@code ch} ('?', a bracket, an escape, a literal), or -1. */
    private static int one(String p, int pi, char ch) {
        char c = p.charAt(pi);
        if (c == '?') return 1;
        if (c == '[') {
            int end = bracketEnd(p, pi);
            if (end < 0) return ch == '[' ? 1 : -1;
            return inBracket(p, pi + 1, end, ch) ? end + 1 - pi : -1;
        }
        if (c == '\\' && pi + 1 < p.length()) return p.charAt(pi + 1) == ch ? 2 : -1;
        return c == ch ? 1 : -1;
    }

    /** Index of the ']' closing the bracket opened at {@code open}, or -1 (then '[' is literal). */
    private static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) i++;
        if (i < p.length() && p.charAt(i) == ']') i++;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close < 0) return -1;
                i = close + 2;
                continue;
            }
            if (c == '\\') i++;
            else if (c == ']') return i;
            i++;
        }
        return -1;
    }

    private static boolean inBracket(String p, int from, int end, char ch) {
        boolean negate = false;
        int i = from;
        if (p.charAt(i) == '!' || p.charAt(i) == '^') {
            negate = true;
            i++;
        }
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char c = p.charAt(i);
            if (c == '[' && i + 1 < end && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                found |= inClass(p.substring(i + 2, close), ch);
                i = close + 2;
                first = false;
                continue;
            }
            if (c == ']' && !first) break;
            if (c == '\\' && i + 1 < end) c = p.charAt(++i);
            first = false;
            if (i + 2 < end && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
                char hi = p.charAt(i + 2);
                if (hi == '\\' && i + 3 < end) {
                    hi = p.charAt(i + 3);
                    i++;
                }
                if (ch >= c && ch <= hi) found = true;
                i += 3;
            } else {
                if (ch == c) found = true;
                i++;
            }
        }
        return found != negate;
    }

    private static boolean inClass(String cls, char c) {
        return switch (cls) {
            case "alpha" -> LineText.isAlpha(c);
            case "digit" -> LineText.isDigit(c);
            case "alnum" -> LineText.isAlnum(c);
            case "upper" -> c >= 'A' && c <= 'Z';
            case "lower" -> c >= 'a' && c <= 'z';
            case "space" -> LineText.isWhite(c);
            case "blank" -> LineText.isBlank(c);
            case "xdigit" -> LineText.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case "punct" -> c > 32 && c < 127 && !LineText.isAlnum(c);
            case "print" -> c >= 32 && c < 127;
            case "graph" -> c > 32 && c < 127;
            case "cntrl" -> c < 32 || c == 127;
            default -> false;
        };
    }
}
