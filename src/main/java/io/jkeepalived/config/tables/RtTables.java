package io.jkeepalived.config.tables;

import java.util.Map;

/** iproute2's name tables as keepalived reads them (rt_scopes, rt_protos, rt_tables), built-in entries. */
final class RtTables {
    private RtTables() {}

    private static final Map<String, Integer> SCOPES = Map.of("global", 0, "universe", 0, "nowhere", 255,
            "host", 254, "link", 253, "site", 200);
    private static final Map<String, Integer> TABLES = Map.of("default", 253, "main", 254, "local", 255,
            "unspec", 0);
    private static final Map<String, Integer> PROTOS = Map.ofEntries(Map.entry("unspec", 0), Map.entry("redirect", 1),
            Map.entry("kernel", 2), Map.entry("boot", 3), Map.entry("static", 4), Map.entry("gated", 8),
            Map.entry("ra", 9), Map.entry("mrt", 10), Map.entry("zebra", 11), Map.entry("bird", 12),
            Map.entry("dnrouted", 13), Map.entry("xorp", 14), Map.entry("ntk", 15), Map.entry("dhcp", 16),
            Map.entry("keepalived", 18), Map.entry("babel", 42), Map.entry("bgp", 186), Map.entry("isis", 187),
            Map.entry("ospf", 188), Map.entry("rip", 189), Map.entry("eigrp", 192));

    static Integer scope(String w) {
        return lookup(SCOPES, w, 255);
    }

    static Integer table(String w) {
        return lookup(TABLES, w, Integer.MAX_VALUE);
    }

    static Integer protocol(String w) {
        return lookup(PROTOS, w, 255);
    }

    private static Integer lookup(Map<String, Integer> m, String w, long max) {
        Integer v = m.get(w);
        if (v != null) return v;
        if (w.isEmpty() || !w.chars().allMatch(Character::isDigit) || w.length() > 10) return null;
        long n = Long.parseLong(w);
        return n <= max ? (int) n : null;
    }
}
