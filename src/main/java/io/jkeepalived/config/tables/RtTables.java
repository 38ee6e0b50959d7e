package io.jkeepalived.config.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * iproute2's name tables as keepalived reads them (lib/rttables.c): a number (C base prefixes) up to the
 * table's maximum, or a name from /etc/iproute2/FILE, then keepalived's built-in names.
 */
public final class RtTables {
    private RtTables() {}

    private static final Path DIR = Path.of("/etc/iproute2");
    private static final Map<String, Map<String, Long>> CACHE = new ConcurrentHashMap<>();

    private static final Map<String, Long> SCOPES = Map.of("global", 0L, "nowhere", 255L, "host", 254L,
            "link", 253L, "site", 200L);
    private static final Map<String, Long> TABLES = Map.of("default", 253L, "main", 254L, "local", 255L);
    private static final Map<String, Long> PROTOS = Map.ofEntries(Map.entry("none", 0L), Map.entry("redirect", 1L),
            Map.entry("kernel", 2L), Map.entry("boot", 3L), Map.entry("static", 4L), Map.entry("gated", 8L),
            Map.entry("ra", 9L), Map.entry("mrt", 10L), Map.entry("zebra", 11L), Map.entry("bird", 12L),
            Map.entry("babel", 42L), Map.entry("dnrouted", 13L), Map.entry("xorp", 14L), Map.entry("ntk", 15L),
            Map.entry("dhcp", 16L));
    private static final Map<String, Long> TYPES = Map.ofEntries(Map.entry("local", 2L), Map.entry("nat", 10L),
            Map.entry("broadcast", 3L), Map.entry("brd", 3L), Map.entry("anycast", 4L), Map.entry("multicast", 5L),
            Map.entry("prohibit", 8L), Map.entry("unreachable", 7L), Map.entry("blackhole", 6L),
            Map.entry("xresolve", 11L), Map.entry("unicast", 1L), Map.entry("throw", 9L));

    public static Long scope(String w) {
        return find(w, "rt_scopes", SCOPES, 255);
    }

    public static Long table(String w) {
        return find(w, "rt_tables", TABLES, 0xFFFF_FFFFL);
    }

    public static Long protocol(String w) {
        return find(w, "rt_protos", PROTOS, 255);
    }

    static Long dsfield(String w) {
        return find(w, "rt_dsfield", Map.of(), 255);
    }

    static Long realm(String w) {
        return find(w, "rt_realms", Map.of(), 255);
    }

    static Long group(String w) {
        return find(w, "group", Map.of(), Integer.MAX_VALUE);
    }

    /** A route type (keepalived's find_rttables_rtntype): a name or a number up to 255. */
    public static Long routeType(String w) {
        Long t = TYPES.get(w);
        if (t != null) return t;
        if (w.startsWith("-")) return null;
        Long n = cNumber(w);
        return n != null && n <= 255 ? n : null;
    }

    private static Long find(String w, String file, Map<String, Long> defaults, long max) {
        Long n = cNumber(w);
        if (n != null) return n <= max ? n : null;
        Long v = CACHE.computeIfAbsent(file, f -> read(f, max)).get(w);
        return v != null ? v : defaults.get(w);
    }

    private static Map<String, Long> read(String file, long max) {
        Map<String, Long> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(DIR.resolve(file))) {
                int hash = line.indexOf('#');
                String[] w = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
                if (w.length != 2 || w[0].startsWith("-")) continue;
                Long id = cNumber(w[0]);
                if (id != null && id <= max) m.putIfAbsent(w[1], id);
            }
        } catch (IOException | RuntimeException e) {
            // no file: only keepalived's built-in names
        }
        return m;
    }

    /** strtoul(s, &end, 0) over the whole word: 0x.. hex, 0.. octal, decimal; null otherwise. */
    static Long cNumber(String s) {
        String t = s.strip();
        if (t.isEmpty()) return null;
        boolean neg = t.startsWith("-");
        if (neg || t.startsWith("+")) t = t.substring(1);
        int radix = 10;
        if (t.length() > 1 && (t.startsWith("0x") || t.startsWith("0X"))) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        if (t.isEmpty()) return null;
        try {
            long v = Long.parseUnsignedLong(t, radix);
            if (neg) v = -v; // strtoul negates: a huge value, above every maximum
            return neg ? Long.MAX_VALUE : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
