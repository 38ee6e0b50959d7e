package io.jkeepalived.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code -d}: the parsed model as readable lines, one value per line, nested records and lists indented
 * (keepalived's dump_data_* prints a similar tree to the log). Walks any record graph by its components,
 * so it follows the model as the model grows.
 */
public final class ConfigDump {
    private static final String INDENT = "  ";
    private static final int MAX_DEPTH = 40;

    private ConfigDump() {}

    public static List<String> lines(Object root) {
        List<String> out = new ArrayList<>();
        if (root == null) {
            out.add("(no configuration)");
            return out;
        }
        out.add("------< " + root.getClass().getSimpleName() + " >------");
        walkComponents(root, 1, out);
        return out;
    }

    private static void walkComponents(Object rec, int depth, List<String> out) {
        RecordComponent[] comps = rec.getClass().getRecordComponents();
        if (comps.length == 0) {
            out.add(INDENT.repeat(depth) + "(empty)");
            return;
        }
        for (RecordComponent c : comps) {
            value(c.getName(), read(c, rec), depth, out);
        }
    }

    private static void value(String label, Object v, int depth, List<String> out) {
        String pad = INDENT.repeat(depth);
        if (depth > MAX_DEPTH) {
            out.add(pad + label + " = …");
            return;
        }
        if (v instanceof Optional<?> o) {
            v = o.orElse(null);
        }
        if (v == null) {
            out.add(pad + label + " = (none)");
        } else if (v instanceof Record r) {
            out.add(pad + label + ": " + r.getClass().getSimpleName());
            walkComponents(r, depth + 1, out);
        } else if (v instanceof Collection<?> c) {
            out.add(pad + label + ": " + c.size() + (c.size() == 1 ? " item" : " items"));
            int i = 0;
            for (Object e : c) value("[" + i++ + "]", e, depth + 1, out);
        } else if (v instanceof Map<?, ?> m) {
            out.add(pad + label + ": " + m.size() + (m.size() == 1 ? " entry" : " entries"));
            for (Map.Entry<?, ?> e : m.entrySet()) value(String.valueOf(e.getKey()), e.getValue(), depth + 1, out);
        } else if (v instanceof java.net.InetAddress a) {
            out.add(pad + label + " = " + a.getHostAddress());
        } else if (v instanceof CharSequence s) {
            out.add(pad + label + " = " + s);
        } else if (v.getClass().isArray()) {
            out.add(pad + label + " = " + arrayText(v));
        } else {
            out.add(pad + label + " = " + v);
        }
    }

    private static Object read(RecordComponent c, Object rec) {
        try {
            var m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(rec);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "(unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static String arrayText(Object a) {
        int n = java.lang.reflect.Array.getLength(a);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(", ");
            sb.append(java.lang.reflect.Array.get(a, i));
        }
        return sb.append(']').toString();
    }
}
