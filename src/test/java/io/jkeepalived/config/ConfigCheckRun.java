package io.jkeepalived.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tool's answer to {@code -t} on one config: its exit code, the line numbers its messages name, and its
 * output. keepalived prints {@code (FILE: Line N) msg} or {@code (Line N) msg}, up to three times (parent and
 * children re-read the config), so lines are compared as a set.
 */
record ConfigCheckRun(int exitCode, SortedSet<Integer> lines, String output) {
    private static final Pattern LINE = Pattern.compile("\\((?:[^()]*: )?Line (\\d+)\\)");

    static ConfigCheckRun of(int exitCode, String output) {
        SortedSet<Integer> lines = new TreeSet<>();
        Matcher m = LINE.matcher(output);
        while (m.find()) lines.add(Integer.parseInt(m.group(1)));
        return new ConfigCheckRun(exitCode, lines, output);
    }

    boolean agreesWith(ConfigCheckRun other) {
        return exitCode == other.exitCode && lines.equals(other.lines);
    }

    /** The output without repeats, in first-seen order, at most {@code max} lines. */
    List<String> distinctLines(int max) {
        List<String> out = new ArrayList<>();
        for (String l : new LinkedHashSet<>(output.lines().toList())) {
            if (l.isBlank()) continue;
            if (out.size() == max) {
                out.add("…");
                break;
            }
            out.add(l.length() > 220 ? l.substring(0, 220) + "…" : l);
        }
        return out;
    }

    /** The first message naming {@code line}, without its position prefix, for one-line reasons. */
    String messageAt(int line) {
        Pattern p = Pattern.compile("\\((?:[^()]*: )?Line " + line + "\\)\\s*(.*)");
        for (String l : output.lines().toList()) {
            Matcher m = p.matcher(l);
            if (m.find()) return m.group(1).strip();
        }
        return "";
    }
}
