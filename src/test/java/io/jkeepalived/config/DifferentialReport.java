package io.jkeepalived.config;

import java.util.List;
import java.util.SortedSet;

/** Renders comparisons as a table and, per disagreeing config, both tools' outputs. */
final class DifferentialReport {
    private static final int OUTPUT_LINES = 25;

    private DifferentialReport() {}

    static String table(List<ConfigComparison> rows, KnownDifferences known) {
        int w = Math.max(6, rows.stream().mapToInt(r -> r.config().id().length()).max().orElse(6));
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-" + w + "s  %-7s  %-5s %-5s  %-24s %-24s%n", "config", "status", "k-rc", "jk-rc",
                "keepalived lines", "jkeepalived lines"));
        for (ConfigComparison r : rows) {
            b.append(String.format("%-" + w + "s  %-7s  %-5d %-5d  %-24s %-24s%n", r.config().id(), status(r, known),
                    r.keepalived().exitCode(), r.jkeepalived().exitCode(), lines(r.keepalived().lines()),
                    lines(r.jkeepalived().lines())));
        }
        return b.toString();
    }

    static String details(List<ConfigComparison> rows, KnownDifferences known) {
        StringBuilder b = new StringBuilder();
        for (ConfigComparison r : rows) {
            if (r.agrees()) continue;
            b.append("\n=== ").append(r.config().id()).append("  [").append(status(r, known)).append("] ")
             .append(r.summary()).append('\n');
            b.append("    file: ").append(r.config().path()).append('\n');
            if (known.lists(r.config().id())) b.append("    known: ").append(known.reasons().get(r.config().id())).append('\n');
            section(b, "keepalived", r.keepalived());
            section(b, "jkeepalived", r.jkeepalived());
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String tool, ConfigCheckRun run) {
        b.append("  --- ").append(tool).append(": exit ").append(run.exitCode()).append(", lines ")
         .append(lines(run.lines())).append('\n');
        for (String l : run.distinctLines(OUTPUT_LINES)) b.append("      ").append(l).append('\n');
    }

    static String status(ConfigComparison r, KnownDifferences known) {
        boolean listed = known.lists(r.config().id());
        if (r.agrees()) return listed ? "FIXED" : "ok";
        return listed ? "known" : "NEW";
    }

    private static String lines(SortedSet<Integer> s) {
        String t = s.toString();
        return t.length() > 24 ? t.substring(0, 23) + "…" : t;
    }
}
