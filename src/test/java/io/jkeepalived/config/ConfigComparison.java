package io.jkeepalived.config;

import java.util.SortedSet;
import java.util.TreeSet;

/** keepalived's and jkeepalived's answers for one config, side by side. */
record ConfigComparison(ConfigCase config, ConfigCheckRun keepalived, ConfigCheckRun jkeepalived) {

    boolean agrees() {
        return keepalived.agreesWith(jkeepalived);
    }

    /** A one-line account of the difference, used as the reason of a new KNOWN_DIFFERENCES.txt entry. */
    String summary() {
        StringBuilder b = new StringBuilder();
        if (keepalived.exitCode() != jkeepalived.exitCode()) {
            b.append("exit ").append(jkeepalived.exitCode()).append(" (keepalived ").append(keepalived.exitCode()).append(")");
        }
        SortedSet<Integer> missed = new TreeSet<>(keepalived.lines());
        missed.removeAll(jkeepalived.lines());
        SortedSet<Integer> extra = new TreeSet<>(jkeepalived.lines());
        extra.removeAll(keepalived.lines());
        if (!missed.isEmpty()) {
            if (!b.isEmpty()) b.append("; ");
            int first = missed.first();
            b.append("misses line").append(missed.size() > 1 ? "s " : " ").append(join(missed))
                    .append(" (").append(clip(keepalived.messageAt(first), 70)).append(")");
        }
        if (!extra.isEmpty()) {
            if (!b.isEmpty()) b.append("; ");
            int first = extra.first();
            b.append("extra line").append(extra.size() > 1 ? "s " : " ").append(join(extra))
                    .append(" (").append(clip(jkeepalived.messageAt(first), 70)).append(")");
        }
        return b.toString();
    }

    private static String join(SortedSet<Integer> s) {
        StringBuilder b = new StringBuilder();
        for (int i : s) {
            if (!b.isEmpty()) b.append(',');
            b.append(i);
        }
        return b.toString();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
