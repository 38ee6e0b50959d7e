package io.jkeepalived.config.lexer;

import io.jkeepalived.config.ConfLine;
import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * A script keyword's line re-read the way keepalived does for {@code notify*}, {@code script},
 * {@code misc_path} and friends (lib/parser.c alloc_strvec_quoted_escaped, lib/notify.c notify_script_init):
 * the raw line is split into words where single and double quotes group and shell-like escapes are decoded
 * ({@code \a \b \E \f \n \r \t \v \nnn \xHH \cC}, any other escaped character stands for itself); the second
 * word is the command line, split again the same way into the program's arguments; a third and fourth word
 * are the user and group to run it as.
 *
 * @param argv  the program and its arguments (never empty)
 * @param user  the user to run as, or null
 * @param group the group, or null
 */
public record ScriptLine(List<String> argv, String user, String group) {
    public ScriptLine {
        argv = List.copyOf(argv);
    }

    /**
     * Parses a script keyword's raw line (keyword first, as in {@link ConfLine#text()}). Returns null where
     * keepalived gives up on the script: no command, an unmatched quote or a backslash at the very end.
     */
    public static ScriptLine parse(String text) {
        return parse(text, (kind, message) -> {});
    }

    /** As {@link #parse(String)}, reporting an unmatched quote at the line as keepalived does. */
    public static ScriptLine parse(ConfLine line, Diagnostics diagnostics) {
        return parse(line.text(), (kind, message) -> diagnostics.report(line.file(), line.line(), kind, message));
    }

    private static ScriptLine parse(String text, Reporter reporter) {
        List<String> outer = split(text, reporter);
        if (outer == null || outer.size() < 2) return null;
        List<String> argv = split(outer.get(1), reporter);
        if (argv == null) return null;
        String user = outer.size() > 2 ? outer.get(2) : null;
        String group = outer.size() > 3 ? outer.get(3) : null;
        return new ScriptLine(argv, user, group);
    }

    /** keepalived's alloc_strvec_quoted_escaped() on one string; null when it fails or finds no word. */
    public static List<String> words(String src) {
        return split(src, (kind, message) -> {});
    }

    static List<String> split(String src, Reporter reporter) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = src.length();
        int i = 0;
        char quote = 0;
        while (i < n) {
            while (i < n && LineText.isWhite(src.charAt(i))) i++;
            if (i >= n) break;
            word.setLength(0);
            while (i < n) {
                char c = src.charAt(i);
                if (c == '\\') {
                    i++;
                    if (i >= n) return null; // keepalived logs "Missing escape char at end"
                    i = escape(src, i, word);
                    continue;
                }
                if (quote != 0) {
                    if (c == quote) quote = 0;
                    else word.append(c);
                    i++;
                    continue;
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                    i++;
                    continue;
                }
                if (LineText.isWhite(c)) break;
                word.append(c);
                i++;
            }
            if (quote != 0) {
                reporter.report(ConfigError.UNMATCHED_QUOTE, "String '" + src + "': missing terminating " + quote);
                return null;
            }
            int nul = word.indexOf("\0");
            out.add(nul >= 0 ? word.substring(0, nul) : word.toString());
        }
        return out.isEmpty() ? null : out;
    }

    /** Decodes the escape whose first character is src[i]; returns the index after it. */
    private static int escape(String src, int i, StringBuilder word) {
        char c = src.charAt(i);
        int n = src.length();
        if (c == 'x' && i + 1 < n && hex(src.charAt(i + 1)) >= 0) {
            int v = 0;
            i++;
            while (i < n && hex(src.charAt(i)) >= 0) v = ((v << 4) | hex(src.charAt(i++))) & 0xff;
            word.append((char) v);
            return i;
        }
        if (c == 'c' && i + 1 < n) {
            word.append((char) (src.charAt(i + 1) & 0x1f));
            return i + 2;
        }
        if (c >= '0' && c <= '7') {
            int v = c - '0';
            i++;
            for (int k = 0; k < 2 && i < n && src.charAt(i) >= '0' && src.charAt(i) <= '7'; k++) {
                v = (v << 3) + (src.charAt(i++) - '0');
            }
            word.append((char) (v & 0xff));
            return i;
        }
        word.append(switch (c) {
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 'E' -> '\u001b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> '\u000b';
            default -> c;
        });
        return i + 1;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
