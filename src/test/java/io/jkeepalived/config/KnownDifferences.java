package io.jkeepalived.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ratchet of the differential config test: configs on which jkeepalived is known to disagree with
 * keepalived today, one per line ({@code CONFIG reason…}; {@code #} starts a comment). The list may only
 * shrink: a config not listed must agree, and a listed one that now agrees must be taken off.
 */
record KnownDifferences(Map<String, String> reasons) {

    static KnownDifferences read(Path file) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (!Files.exists(file)) return new KnownDifferences(reasons);
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] w = line.split("\\s+", 2);
            reasons.put(w[0], w.length > 1 ? w[1] : "");
        }
        return new KnownDifferences(reasons);
    }

    boolean lists(String id) {
        return reasons.containsKey(id);
    }

    /** The file as it should read for {@code results}: old reasons kept for configs still differing. */
    static String render(List<ConfigComparison> results, KnownDifferences old) {
        StringBuilder b = new StringBuilder();
        b.append("# Configs on which `jkeepalived -t` and `keepalived -t` are known to differ today (exit code or\n")
         .append("# the set of line numbers named). DifferentialConfigTest fails on any difference not listed here and on\n")
         .append("# any listed config that now agrees: this list only shrinks. One config per line, then a short reason.\n")
         .append("# A fresh list from the last run is written to target/KNOWN_DIFFERENCES.actual.txt.\n");
        List<String> lines = new ArrayList<>();
        for (ConfigComparison c : results) {
            if (c.agrees()) continue;
            String reason = old.reasons().getOrDefault(c.config().id(), "");
            if (reason.isBlank()) reason = c.summary();
            lines.add(c.config().id() + "  " + reason);
        }
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
