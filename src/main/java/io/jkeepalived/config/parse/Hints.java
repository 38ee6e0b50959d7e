package io.jkeepalived.config.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * Help that keepalived does not give, appended to its "Unknown keyword" line: a keyword that belongs to
 * another block, a near miss of a keyword of this block, or a keepalived 1.x keyword and what replaced it.
 */
public final class Hints {
    private final Map<String, String> removed;
    private final Map<String, List<String>> owners = new java.util.HashMap<>();

    /**
     * @param root    the root table; every block reachable from it is indexed
     * @param removed keywords that keepalived dropped, with the text saying what replaces them
     */
    public Hints(Block<?> root, Map<String, String> removed) {
        this.removed = Map.copyOf(removed);
        index(root, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void index(Block<?> b, Set<Block<?>> seen) {
        if (!seen.add(b)) return;
        for (Keyword<?> k : b.keywords()) {
            owners.computeIfAbsent(k.name(), n -> new ArrayList<>()).add(b.name());
            if (k instanceof Keyword.Sub<?, ?> s) index(s.block(), seen);
        }
    }

    public String forUnknown(Block<?> where, String word) {
        String r = removed.get(word);
        if (r != null) return " - " + r;
        List<String> in = owners.get(word);
        if (in != null && !in.isEmpty()) {
            String here = where.name().equals("top level") ? "at the top level" : "inside '" + where.name() + "'";
            return " - '" + word + "' is not valid " + here + "; it belongs to "
                    + String.join(" or ", new java.util.LinkedHashSet<>(in));
        }
        String best = null;
        int bestD = 3;
        for (Keyword<?> k : where.keywords()) {
            int d = distance(word, k.name(), bestD);
            if (d < bestD) {
                bestD = d;
                best = k.name();
            }
        }
        if (best != null && bestD <= Math.max(1, Math.min(2, word.length() / 4))) {
            return " - did you mean '" + best + "'?";
        }
        return "";
    }

    /** Levenshtein distance, giving up (returning limit) once it cannot be below limit. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) return limit;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) return limit;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }
}
