package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.tables.GlobalTable.bool;
import static io.jkeepalived.config.tables.GlobalTable.flag;

import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rarely used global_defs keywords (process scheduling, netlink buffers, SNMP, DBus, reload, umask):
 * validated as keepalived does and kept as words in {@code GlobalDefs.other}.
 */
final class GlobalOtherTable {
    private GlobalOtherTable() {}

    private static final long UINT_MAX = 0xFFFF_FFFFL;

    /** ParseContext scratch key of the lexer's include_check setter (absent when lines are replayed). */
    static final Object INCLUDE_CHECK = new Object();

    static void install(Block<GlobalPart> b) {
        b.simple(KeywordInfo.of("max_auto_priority", 0, 1, ValueType.INT).range("-1..99").defaultValue("0"),
                (ctx, g, a) -> {
                    if (!a.has(1)) {
                        keep(g, a);
                        return;
                    }
                    if (a.readInt(1, -1, 99) == null) {
                        ctx.error(GENERAL_ERROR, "max_auto_priority '" + a.word(1)
                                + "' must be in [0, 99] (or -1 to disable) - ignoring");
                    } else {
                        keep(g, a);
                    }
                });
        b.simple(KeywordInfo.of("min_auto_priority_delay", 1, 1, ValueType.INT).range("1..10000000"), (ctx, g, a) -> {
            if (!a.has(1)) {
                ctx.error(GENERAL_ERROR, "min_auto_priority_delay requires delay time");
            } else if (a.readInt(1, 1, 10_000_000) == null) {
                ctx.error(GENERAL_ERROR, "min_auto_priority_delay '" + a.word(1)
                        + "' must be in [1, 10000000] - ignoring");
            } else {
                keep(g, a);
            }
        });
        for (String p : List.of("vrrp", "checker", "bfd")) {
            b.simple(KeywordInfo.of(p + "_priority", 1, 1, ValueType.INT).range("-20..19").defaultValue("0"),
                    (ctx, g, a) -> {
                        if (!a.has(1)) ctx.error(GENERAL_ERROR, "No " + p + " process priority specified");
                        else if (a.readInt(1, -20, 19) == null) {
                            ctx.error(GENERAL_ERROR, "Invalid " + p + " process priority specified");
                        } else keep(g, a);
                    });
            b.simple(flag(p + "_no_swap"), GlobalOtherTable::keep);
            b.simple(KeywordInfo.of(p + "_rt_priority", 1, 1, ValueType.INT).range("1..99"),
                    (ctx, g, a) -> rtPriority(ctx, g, a, p));
            b.simple(KeywordInfo.of(p + "_cpu_affinity", 1, Integer.MAX_VALUE, ValueType.WORDS), (ctx, g, a) -> {
                if (!a.has(1)) {
                    ctx.error(GENERAL_ERROR, "No " + p + " cpu_id set specified");
                    return;
                }
                int cpus = Runtime.getRuntime().availableProcessors();
                for (int i = 1; i < a.size(); i++) {
                    if (a.readInt(i, 0, cpus - 1) == null) {
                        ctx.error(GENERAL_ERROR, "Invalid cpu_id:" + a.word(i) + " specified for " + p + " process");
                        return;
                    }
                }
                keep(g, a);
            });
            for (String rl : List.of(p + "_rlimit_rttime", p + "_rlimit_rtime")) {
                KeywordInfo i = KeywordInfo.of(rl, 1, 1, ValueType.UNSIGNED).defaultValue("10000");
                if (rl.endsWith("rtime")) i = i.replacedBy(p + "_rlimit_rttime"); // keepalived only logs this
                b.simple(i, (ctx, g, a) -> {
                    if (a.readUnsigned(1, 1, UINT_MAX) == null) {
                        ctx.error(GENERAL_ERROR, "Invalid " + p + " real-time limit - " + a.word(1));
                    } else {
                        g.other.put(p + "_rlimit_rttime", List.of(a.word(1)));
                    }
                });
            }
        }
        b.simple(KeywordInfo.of("snmp_socket", 1, 1, ValueType.STRING), (ctx, g, a) -> {
            if (a.size() > 2) ctx.error(GENERAL_ERROR, "Too many parameters specified for snmp_socket - ignoring");
            else if (!a.has(1)) ctx.error(GENERAL_ERROR, "SNMP error : snmp socket name missing");
            else if (a.word(1).length() > 107) ctx.error(GENERAL_ERROR, "SNMP error : snmp socket name too long - ignored");
            else if (g.other.containsKey("snmp_socket")) {
                ctx.error(GENERAL_ERROR, "SNMP socket already set to " + g.other.get("snmp_socket").getFirst()
                        + " - ignoring");
            } else keep(g, a);
        });
        for (String f : List.of("enable_traps", "enable_snmp_vrrp", "enable_snmp_checker", "enable_snmp_rfc",
                "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_dbus")) {
            b.simple(flag(f), GlobalOtherTable::keep);
        }
        b.simple(flag("enable_snmp_keepalived").replacedBy("enable_snmp_vrrp"),
                (ctx, g, a) -> g.other.put("enable_snmp_vrrp", List.of()));
        b.simple(GlobalTable.str("dbus_service_name").defaultValue("org.keepalived.Vrrp1"), (ctx, g, a) -> {
            if (!a.has(1)) ctx.error(GENERAL_ERROR, "dbus_service_name missing - ignoring");
            else keep(g, a);
        });
        netlink(b);
        b.simple(KeywordInfo.of("vrrp_rx_bufs_policy", 1, 2, ValueType.WORDS).range("MTU|ADVERT|SIZE"), (ctx, g, a) -> {
            if (!a.has(1)) {
                ctx.error(GENERAL_ERROR, "vrrp_rx_bufs_policy missing");
                return;
            }
            boolean mtu = false, advert = false, size = false;
            for (int i = 1; i < a.size(); i++) {
                String w = a.word(i);
                if (w.equalsIgnoreCase("MTU")) mtu = true;
                else if (w.equalsIgnoreCase("ADVERT")) advert = true;
                else if (a.readUnsigned(1, 0, UINT_MAX) == null) {
                    ctx.error(GENERAL_ERROR, "Invalid vrrp_rx_bufs_policy " + w);
                } else size = true;
            }
            if (size && (mtu || advert)) {
                ctx.error(GENERAL_ERROR, "Cannot set vrrp_rx_bufs_policy size and policy, ignoring policy");
            } else if (mtu && advert) {
                ctx.error(GENERAL_ERROR, "Cannot set both vrrp_rx_bufs_policy MTU and ADVERT, ignoring ADVERT");
            }
            keep(g, a);
        });
        b.simple(KeywordInfo.of("vrrp_rx_bufs_multiplier", 1, 1, ValueType.UNSIGNED).defaultValue("3"), (ctx, g, a) -> {
            if (a.size() != 2) ctx.error(GENERAL_ERROR, "Invalid vrrp_rx_bufs_multiplier");
            else if (a.readUnsigned(1, 1, UINT_MAX) == null) {
                ctx.error(GENERAL_ERROR, "Invalid vrrp_rx_bufs_multiplier " + a.word(1));
            } else keep(g, a);
        });
        b.simple(KeywordInfo.of("umask", 1, Integer.MAX_VALUE, ValueType.WORDS), GlobalOtherTable::umask);
        b.simple(KeywordInfo.of("random_seed", 1, 1, ValueType.UNSIGNED), (ctx, g, a) -> {
            if (a.readUnsigned(1, 0, UINT_MAX) == null) ctx.error(GENERAL_ERROR, "random_seed " + a.word(1) + " invalid");
            else keep(g, a);
        });
        b.simple(KeywordInfo.of("reload_check_config", 0, 1, ValueType.PATH), GlobalOtherTable::keep);
        b.simple(KeywordInfo.of("reload_time_file", 1, 1, ValueType.PATH), (ctx, g, a) -> {
            if (a.size() != 2) ctx.error(GENERAL_ERROR, "reload_time_file invalid");
            else keep(g, a);
        });
        b.simple(flag("reload_repeat"), GlobalOtherTable::keep);
        b.simple(KeywordInfo.of("reload_file", 0, 1, ValueType.PATH), GlobalOtherTable::keep);
        // include_check is applied by the lexer for the files read from here on (keepalived's include_check_set)
        b.simple(KeywordInfo.of("include_check", 0, Integer.MAX_VALUE, ValueType.WORDS), (ctx, g, a) -> {
            Consumer<List<String>> hook = ctx.scratch(INCLUDE_CHECK, () -> w -> {});
            hook.accept(a.words());
            keep(g, a);
        });
        b.simple(KeywordInfo.of("config_save_dir", 1, 1, ValueType.PATH), (ctx, g, a) -> {
            a.word(1);
            keep(g, a);
        });
        b.simple(KeywordInfo.of("tmp_config_directory", 1, 1, ValueType.PATH), (ctx, g, a) -> {
            if (g.other.containsKey("tmp_config_directory")) {
                ctx.error(GENERAL_ERROR, "tmp_config_directory already specified - ignoring");
            } else if (!a.has(1)) {
                ctx.error(GENERAL_ERROR, "tmp_config_directory missing directory name");
            } else keep(g, a);
        });
        b.simple(bool("data_use_instance"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value '%s' for global date_use_instance specified");
            if (v != null) g.other.put("data_use_instance", List.of(v.toString()));
        });
    }

    private static void netlink(Block<GlobalPart> b) {
        for (String n : List.of("vrrp_netlink_cmd", "vrrp_netlink_monitor", "process_monitor", "lvs_netlink_cmd",
                "lvs_netlink_monitor")) {
            b.simple(KeywordInfo.of(n + "_rcv_bufs", 1, 1, ValueType.UNSIGNED), (ctx, g, a) -> {
                if (!a.has(1)) ctx.error(GENERAL_ERROR, n + "_rcv_bufs size missing");
                else if (a.readUnsigned(1, 0, UINT_MAX) == null) {
                    ctx.error(GENERAL_ERROR, n + "_rcv_bufs size (" + a.word(1) + ") invalid");
                } else keep(g, a);
            });
            b.simple(bool(n + "_rcv_bufs_force"), (ctx, g, a) -> {
                Boolean v = Words.bool(ctx, a, 1, "Invalid value '%s' for global " + n + "_rcv_bufs_force specified");
                if (v != null) g.other.put(a.keyword(), List.of(v.toString()));
            });
        }
    }

    private static void rtPriority(ParseContext ctx, GlobalPart g, Args a, String p) {
        if (!a.has(1)) {
            ctx.error(GENERAL_ERROR, "No " + p + " process real-time priority specified");
            return;
        }
        Long v = a.readInt(1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (v == null) {
            ctx.error(GENERAL_ERROR, p + " process real-time priority '" + a.word(1) + "' invalid");
            return;
        }
        if (v < 1) {
            ctx.error(GENERAL_ERROR, p + " process real-time priority " + v + " less than minimum 1 - setting to minimum");
            v = 1L;
        } else if (v > 99) {
            ctx.error(GENERAL_ERROR, p + " process real-time priority " + v
                    + " greater than maximum 99 - setting to maximum");
            v = 99L;
        }
        g.other.put(a.keyword(), List.of(v.toString()));
    }

    /** umask: a number (C base prefixes) or IRUSR|IWGRP... bit names. */
    private static void umask(ParseContext ctx, GlobalPart g, Args a) {
        String mask = a.word(1);
        if (!mask.isEmpty() && Character.isDigit(mask.charAt(0))) {
            if (a.size() != 2) {
                ctx.error(GENERAL_ERROR, (a.size() == 1 ? "Missing" : "Extra") + " parameter(s) to umask option");
                return;
            }
            Long v = cNumber(mask);
            if (v == null || v < 0 || (v & ~0777L) != 0) {
                ctx.error(GENERAL_ERROR, "invalid umask value " + mask);
                return;
            }
        } else {
            boolean needOr = false;
            for (int i = 1; i < a.size(); i++) {
                String w = a.word(i);
                int p = 0;
                while (p < w.length()) {
                    if (needOr) {
                        if (w.charAt(p) == '|') {
                            needOr = false;
                            p++;
                            continue;
                        }
                        ctx.error(GENERAL_ERROR, "Invalid umask syntax " + w);
                        return;
                    }
                    String bit = w.substring(p, Math.min(w.length(), p + 5));
                    if (!List.of("IRUSR", "IWUSR", "IXUSR", "IRGRP", "IWGRP", "IXGRP", "IROTH", "IWOTH", "IXOTH")
                            .contains(bit)) {
                        ctx.error(GENERAL_ERROR, "Unknown umask bit " + w.substring(p));
                        return;
                    }
                    p += 5;
                    needOr = true;
                }
            }
            if (!needOr) {
                ctx.error(GENERAL_ERROR, "umask missing bit value");
                return;
            }
        }
        keep(g, a);
    }

    /** strtol with base 0: 0x.. hex, 0.. octal, else decimal; null on trailing junk. */
    private static Long cNumber(String s) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseLong(s.substring(2), 16);
            if (s.length() > 1 && s.startsWith("0")) return Long.parseLong(s.substring(1), 8);
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void keep(ParseContext ctx, GlobalPart g, Args a) {
        keep(g, a);
    }

    private static void keep(GlobalPart g, Args a) {
        g.other.put(a.keyword(), List.copyOf(a.words().subList(1, a.size())));
    }
}
