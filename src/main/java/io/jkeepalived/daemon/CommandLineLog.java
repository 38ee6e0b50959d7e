package io.jkeepalived.daemon;

import java.util.ArrayList;
import java.util.List;

/**
 * keepalived's "Command line: 'a' 'b' …" start-up line (lib/scheduler.c log_command_line), wrapped where
 * keepalived wraps it: at a space, so that no line carries more than 100 characters after its label.
 */
final class CommandLineLog {
    private static final String LABEL = "Command line";
    private static final int WIDTH = 100;

    private CommandLineLog() {}

    static List<String> lines(String argv0, String[] args) {
        StringBuilder sb = new StringBuilder("'").append(argv0).append('\'');
        for (String a : args) sb.append(" '").append(a).append('\'');
        String s = sb.toString();
        int max = WIDTH - LABEL.length();
        List<String> out = new ArrayList<>();
        int p = 0;
        while (p < s.length()) {
            while (p < s.length() && s.charAt(p) == ' ') p++;
            if (p >= s.length()) break;
            int end = end(s, p, max);
            String piece = s.substring(p, end);
            out.add(out.isEmpty() ? LABEL + ": " + piece : " ".repeat(LABEL.length() + 2) + piece);
            p = end;
        }
        return out;
    }

    private static int end(String s, int from, int max) {
        if (s.length() - from <= max) return s.length();
        int end = from + max;
        if (s.charAt(end) == ' ') return end;
        int e = end;
        while (e > from && s.charAt(--e) != ' ') {
            // back to the previous space
        }
        return e > from ? e : end;
    }
}
