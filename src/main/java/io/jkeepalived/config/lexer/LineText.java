package io.jkeepalived.config.lexer;

import io.jkeepalived.config.ConfigError;
import java.util.Arrays;
import java.util.List;

/**
 * Character-level rules of keepalived 2.2.7's lib/parser.c on one line: comment removal
 * ({@code decomment}), splitting a brace off ({@code read_line}'s tail) and word splitting
 * ({@code alloc_strvec_r}). Plain char scanning, no regex: this runs on every line of every file.
 */
final class LineText {
    private LineText() {}

    /** keepalived's isblank(): the only blanks trimmed around lines and definitions. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** keepalived's WHITE_SPACE between words: " \t\f\n\r\v". */
    static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == 0x0b;
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(char c) {
        return isAlpha(c) || isDigit(c);
    }

    /** The char at {@code i}, or NUL past the end (C string semantics). */
    static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /** strspn(s + from, " \t"). */
    static int blanks(String s, int from) {
        int i = from;
        while (i < s.length() && isBlank(s.charAt(i))) i++;
        return i - from;
    }

    /**
     * decomment(): removes leading blanks, a comment ('#' or '!' outside double quotes), the backslash of
     * {@code \#}/{@code \!} outside quotes, and trailing blanks; a final backslash survives (it marks a
     * multi-line definition) with the blanks before it removed. An odd number of quotes is reported.
     */
    static String decomment(String str, Reporter reporter) {
        int start = 0;
        int n = str.length();
        while (start < n && isBlank(str.charAt(start))) start++;
        // fast path: nothing to interpret
        boolean special = false;
        for (int i = start; i < n; i++) {
            char c = str.charAt(i);
            if (c == '!' || c == '#' || c == '"' || c == '\\') {
                special = true;
                break;
            }
        }
        if (!special) {
            int end = n;
            while (end > start && isBlank(str.charAt(end - 1))) end--;
            return start == 0 && end == n ? str : str.substring(start, end);
        }
        StringBuilder b = new StringBuilder(n - start);
        boolean quote = false;
        boolean cont = false;
        int skip = -1;
        for (int i = start; i < n; i++) {
            char c = str.charAt(i);
            if (c == '"') {
                if (skip < 0) quote = !quote;
                b.append(c);
            } else if (c == '\\') {
                if (i + 1 < n) {
                    char d = str.charAt(i + 1);
                    if (!quote && (d == '#' || d == '!')) {
                        b.append(d); // the escape goes, the character stays literal
                    } else {
                        b.append(c).append(d);
                    }
                    i++;
                } else {
                    cont = true;
                }
            } else {
                if (!quote && skip < 0 && (c == '!' || c == '#')) skip = b.length();
                b.append(c);
            }
        }
        if (quote) reporter.report(ConfigError.GENERAL_ERROR, "Unterminated quote '" + b + "'");
        if (skip >= 0) b.setLength(skip);
        int len = b.length();
        while (len > 0 && isBlank(b.charAt(len - 1))) len--;
        b.setLength(len);
        if (cont) b.append('\\');
        return b.toString();
    }

    /**
     * Where read_line splits the line: the index of the first '{' or '}' outside double quotes, 0 when the
     * line starts with one, or -1. An unterminated quote stops the search (nothing is split).
     */
    static int braceSplit(String buf) {
        char c0 = buf.charAt(0);
        if (c0 == '{' || c0 == '}') return 0;
        int n = buf.length();
        for (int i = 0; i < n; i++) {
            char c = buf.charAt(i);
            if (c == '{' || c == '}') return i;
            if (c == '"') {
                int close = buf.indexOf('"', i + 1);
                if (close < 0) return -1;
                i = close;
            }
        }
        return -1;
    }

    static String trimTrailingBlanks(String s) {
        int len = s.length();
        while (len > 0 && isBlank(s.charAt(len - 1))) len--;
        return len == s.length() ? s : s.substring(0, len);
    }

    /**
     * alloc_strvec_r(): words split on white space; a word starting with '"' runs to the next '"' and loses
     * the quotes; a '"' also ends an unquoted word. An unmatched quote is reported and ends the line.
     */
    static List<String> words(String line, Reporter reporter) {
        String[] out = null;
        String first = null;
        int count = 0;
        int n = line.length();
        int i = 0;
        while (true) {
            while (i < n && isWhite(line.charAt(i))) i++;
            if (i >= n) break;
            String word;
            if (line.charAt(i) == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    reporter.report(ConfigError.UNMATCHED_QUOTE, "Unmatched quote: '" + line + "'");
                    break;
                }
                word = line.substring(i + 1, close);
                i = close + 1;
            } else {
                int s = i;
                while (i < n) {
                    char c = line.charAt(i);
                    if (isWhite(c) || c == '"') break;
                    i++;
                }
                word = s == 0 && i == n ? line : line.substring(s, i);
            }
            // immutable lists made once: ConfLine's List.copyOf then keeps them as they are
            if (count == 0) {
                first = word;
            } else {
                if (out == null) {
                    out = new String[8];
                    out[0] = first;
                } else if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count] = word;
            }
            count++;
        }
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(first);
            case 2 -> List.of(out[0], out[1]);
            default -> List.of(Arrays.copyOf(out, count));
        };
    }
}
