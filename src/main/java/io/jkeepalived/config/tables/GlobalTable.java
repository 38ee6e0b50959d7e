package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Keyword;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;
import java.util.List;

/**
 * The root-level keywords and the general part of global_defs (keepalived's global_parser.c):
 * names, e-mail, scripts, FIFOs, process settings. vrrp_* and LVS globals are in GlobalVrrpTable.
 */
final class GlobalTable {
    private GlobalTable() {}

    static final Block<GlobalPart> GLOBAL_DEFS = build();

    static void install(Block<RootBuilder> root) {
        root.simple(KeywordInfo.of("net_namespace", 1, 1, ValueType.STRING), (ctx, r, a) -> {
            if (!a.has(1)) {
                ctx.error(GENERAL_ERROR, "net_namespace name missing - ignoring");
            } else if (r.global.netNamespace == null) {
                r.global.netNamespace = a.word(1);
                r.global.usePidDir = true;
            } else {
                ctx.error(GENERAL_ERROR, "Duplicate net_namespace definition " + a.word(1) + " - ignoring");
            }
        });
        root.simple(KeywordInfo.of("net_namespace_ipvs", 0, 1, ValueType.STRING), (ctx, r, a) -> {
            if (r.global.netNamespaceIpvs != null) {
                ctx.error(GENERAL_ERROR, "Duplicate net_namespace_ipvs definition " + a.word(1) + " - ignoring");
            } else {
                r.global.netNamespaceIpvs = a.opt(1, "");
            }
        });
        root.simple(KeywordInfo.of("namespace_with_ipsets", 0, 0, ValueType.NONE),
                (ctx, r, a) -> r.global.namespaceWithIpsets = true);
        root.simple(KeywordInfo.of("use_pid_dir", 0, 0, ValueType.NONE), (ctx, r, a) -> r.global.usePidDir = true);
        root.simple(KeywordInfo.of("instance", 1, 1, ValueType.STRING), (ctx, r, a) -> {
            if (!a.has(1)) {
                ctx.error(GENERAL_ERROR, "instance name missing - ignoring");
            } else if (r.global.instance == null) {
                r.global.instance = a.word(1);
                r.global.usePidDir = true;
            } else {
                ctx.error(GENERAL_ERROR, "Duplicate instance definition " + a.word(1) + " - ignoring");
            }
        });
        root.simple(KeywordInfo.of("child_wait_time", 1, 1, ValueType.UNSIGNED).defaultValue("0"), (ctx, r, a) -> {
            Long v = a.readUnsigned(1, 0, 0xFFFF_FFFFL);
            if (v == null) ctx.error(GENERAL_ERROR, "Invalid child_wait_time " + a.word(1));
            else r.global.childWaitTime = (int) Math.min(v, Integer.MAX_VALUE);
        });
        root.simple(KeywordInfo.of("linkbeat_use_polling", 0, 0, ValueType.NONE),
                (ctx, r, a) -> r.global.linkbeatUsePolling = true);
        root.sub(KeywordInfo.of("global_defs", 0, 0, ValueType.BLOCK), GLOBAL_DEFS, (ctx, r, a) -> r.global, null);
    }

    private static Block<GlobalPart> build() {
        Block<GlobalPart> b = new Block<>("global_defs");
        processNames(b);
        b.simple(str("router_id"), (ctx, g, a) -> {
            if (!a.has(1)) ctx.error(GENERAL_ERROR, "routerid name missing - ignoring");
            else g.routerId = a.word(1);
        });
        b.simple(str("notification_email_from"), (ctx, g, a) -> {
            if (!a.has(1)) ctx.error(GENERAL_ERROR, "emailfrom missing - ignoring");
            else g.emailFrom = a.word(1);
        });
        b.simple(KeywordInfo.of("smtp_server", 1, 2, ValueType.WORDS).range("IP|NAME [PORT]"), GlobalTable::smtpServer);
        b.simple(str("smtp_helo_name"), (ctx, g, a) -> {
            if (a.has(1)) g.smtpHelo = a.word(1);
        });
        b.simple(KeywordInfo.of("smtp_connect_timeout", 1, 1, ValueType.UNSIGNED).defaultValue("30"), (ctx, g, a) -> {
            Long v = a.readUnsigned(1, 0, 0xFFFF_FFFFL / 1_000_000);
            if (v == null) {
                ctx.error(GENERAL_ERROR, "smtp_connect_timeout '" + a.word(1) + "' must be in [0, 4294] - ignoring");
                return;
            }
            if (v == 0) {
                ctx.error(GENERAL_ERROR, "smtp_conect_timeout must be greater than 0, setting to 1");
                v = 1L;
            }
            g.smtpTimeoutMicros = v * 1_000_000;
        });
        b.lines(KeywordInfo.of("notification_email", 0, 0, ValueType.LINES), (ctx, g, a) -> g.emailMark = g.emails.size(),
                (ctx, g, a) -> g.emails.addAll(a.words()), (ctx, g) -> {
                    if (g.emailMark == g.emails.size()) {
                        ctx.error(GENERAL_ERROR, "Warning - empty notification_email block");
                    }
                });
        b.simple(bool("smtp_alert"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value '%s' for global smtp_alert specified");
            if (v != null) g.smtpAlert = v;
        });
        b.simple(bool("smtp_alert_vrrp"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value '%s' for global smtp_alert_vrrp specified");
            if (v != null) g.smtpAlertVrrp = v;
        });
        b.simple(bool("smtp_alert_checker"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value '%s' for global smtp_alert_checker specified");
            if (v != null) g.smtpAlertChecker = v;
        });
        b.simple(bool("checker_log_all_failures"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value for checker_log_all_failures specified");
            if (v != null) g.checkerLogAllFailures = v;
        });
        b.simple(flag("no_email_faults"), (ctx, g, a) -> g.noEmailFaults = true);
        scripts(b);
        fifos(b);
        GlobalVrrpTable.install(b);
        GlobalOtherTable.install(b);
        return b;
    }

    private static void processNames(Block<GlobalPart> b) {
        b.simple(flag("process_names"), (ctx, g, a) -> {
            g.other.put("vrrp_process_name", List.of("keepalived_vrrp"));
            g.other.put("checker_process_name", List.of("keepalived_lvs"));
            g.other.put("bfd_process_name", List.of("keepalived_bfd"));
        });
        for (String n : List.of("process_name", "vrrp_process_name", "checker_process_name", "bfd_process_name")) {
            b.simple(str(n), (ctx, g, a) -> processName(ctx, g, n, a.word(1)));
        }
        // keepalived only logs (no config error) that lvs_process_name is deprecated
        b.simple(str("lvs_process_name").replacedBy("checker_process_name"),
                (ctx, g, a) -> processName(ctx, g, "checker_process_name", a.word(1)));
    }

    private static void processName(ParseContext ctx, GlobalPart g, String key, String name) {
        if (name.length() >= 16) {
            ctx.error(GENERAL_ERROR, "Process name " + name + " more than 15 characters, truncating");
            name = name.substring(0, 15);
        }
        g.other.put(key, List.of(name));
    }

    private static void smtpServer(ParseContext ctx, GlobalPart g, Args a) {
        String host = a.word(1);
        String port = a.opt(2, "25");
        int p = -1;
        if (port.chars().allMatch(Character::isDigit) && !port.isEmpty() && port.length() < 6) {
            p = Integer.parseInt(port);
        } else if (port.equals("smtp")) {
            p = 25;
        }
        // keepalived resolves a name at once (domain_stosockaddr); an unresolvable one is an error
        boolean hostOk = Words.sockaddr(host) != null || resolves(host);
        if (p < 0 || p > 65535 || !hostOk) {
            ctx.error(GENERAL_ERROR, "Invalid smtp server " + host + " " + port);
            return;
        }
        g.smtpServer = host;
        g.smtpPort = p;
    }

    private static boolean resolves(String host) {
        if (host.contains("/") || host.isEmpty()) return false;
        try {
            java.net.InetAddress.getAllByName(host);
            return true;
        } catch (java.net.UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private static void scripts(Block<GlobalPart> b) {
        b.simple(KeywordInfo.of("script_user", 1, 2, ValueType.WORDS).range("USER [GROUP]"), (ctx, g, a) -> {
            if (!a.has(1)) {
                ctx.error(GENERAL_ERROR, "No script username specified");
                return;
            }
            g.scriptUser = a.word(1);
            g.scriptGroup = a.opt(2, null);
            if (!ScriptUsers.of(ctx).setDefault(ctx, g.scriptUser, g.scriptGroup)) {
                ctx.error(GENERAL_ERROR, "Error setting global script uid/gid");
            }
        });
        b.simple(flag("enable_script_security"), (ctx, g, a) -> {
            g.enableScriptSecurity = true;
            ScriptUsers.of(ctx).securityEnabled = true;
        });
        for (boolean startup : new boolean[] {true, false}) {
            String type = startup ? "startup" : "shutdown";
            b.simple(KeywordInfo.of(type + "_script", 1, 3, ValueType.SCRIPT), (ctx, g, a) -> {
                if ((startup ? g.startupScript : g.shutdownScript) != null) {
                    ctx.error(GENERAL_ERROR, type + " script already specified");
                    return;
                }
                if (!a.has(1)) {
                    ctx.error(GENERAL_ERROR, type + " script missing");
                    return;
                }
                var s = Words.script(ctx, a);
                if (s == null || (s.user() != null ? !ScriptUsers.valid(ctx, s.user(), s.group())
                        : !ScriptUsers.of(ctx).useDefault(ctx))) {
                    ctx.error(GENERAL_ERROR, "Invalid " + type + " script");
                    return;
                }
                if (startup) {
                    g.startupScript = s;
                    if (g.startupTimeout == 0) g.startupTimeout = 10;
                } else {
                    g.shutdownScript = s;
                    if (g.shutdownTimeout == 0) g.shutdownTimeout = 10;
                }
            });
            b.simple(KeywordInfo.of(type + "_script_timeout", 1, 1, ValueType.UNSIGNED).range("1..1000")
                    .defaultValue("10"), (ctx, g, a) -> {
                if (!a.has(1)) {
                    ctx.error(GENERAL_ERROR, type + "_script_timeout requires value");
                    return;
                }
                Long v = a.readUnsigned(1, 1, 1000);
                if (v == null) {
                    ctx.error(GENERAL_ERROR, type + "_script_timeout '" + a.word(1) + "' must be in [1, 1000] - ignoring");
                } else if (startup) {
                    g.startupTimeout = v.intValue();
                } else {
                    g.shutdownTimeout = v.intValue();
                }
            });
        }
    }

    private static void fifos(Block<GlobalPart> b) {
        for (String type : List.of("", "vrrp_", "lvs_")) {
            b.simple(KeywordInfo.of(type + "notify_fifo", 1, 3, ValueType.PATH), (ctx, g, a) -> {
                GlobalDefs.Fifo f = fifo(g, type);
                if (!a.has(1)) {
                    ctx.error(GENERAL_ERROR, "No " + type + "notify_fifo name specified");
                    return;
                }
                if (f != null && f.path() != null) {
                    ctx.error(GENERAL_ERROR, type + "notify_fifo already specified - ignoring " + a.word(1));
                    return;
                }
                String user = a.opt(2, null);
                String group = a.opt(3, null);
                boolean ok = user != null ? ScriptUsers.valid(ctx, user, group) : ScriptUsers.of(ctx).useDefault(ctx);
                if (!ok) return; // keepalived only logs this
                setFifo(g, type, new GlobalDefs.Fifo(a.word(1), user, group, f == null ? null : f.script()));
            });
            b.simple(KeywordInfo.of(type + "notify_fifo_script", 1, 3, ValueType.SCRIPT), (ctx, g, a) -> {
                GlobalDefs.Fifo f = fifo(g, type);
                if (!a.has(1)) {
                    ctx.error(GENERAL_ERROR, "No " + type + "notify_fifo_script specified");
                    return;
                }
                if (f != null && f.script() != null) {
                    ctx.error(GENERAL_ERROR, type + "notify_fifo_script already specified - ignoring " + a.word(1));
                    return;
                }
                var s = Words.script(ctx, a);
                if (s == null) return; // keepalived only logs that it cannot parse it
                boolean ok = s.user() != null ? ScriptUsers.valid(ctx, s.user(), s.group())
                        : ScriptUsers.of(ctx).useDefault(ctx);
                if (!ok) return;
                setFifo(g, type, f == null ? new GlobalDefs.Fifo(null, null, null, s)
                        : new GlobalDefs.Fifo(f.path(), f.user(), f.group(), s));
            });
        }
        b.simple(flag("fifo_write_vrrp_states_on_reload"), (ctx, g, a) -> g.fifoWriteStatesOnReload = true);
    }

    private static GlobalDefs.Fifo fifo(GlobalPart g, String type) {
        return switch (type) {
            case "vrrp_" -> g.vrrpFifo;
            case "lvs_" -> g.lvsFifo;
            default -> g.fifo;
        };
    }

    private static void setFifo(GlobalPart g, String type, GlobalDefs.Fifo f) {
        switch (type) {
            case "vrrp_" -> g.vrrpFifo = f;
            case "lvs_" -> g.lvsFifo = f;
            default -> g.fifo = f;
        }
    }

    static KeywordInfo flag(String n) {
        return KeywordInfo.of(n, 0, 0, ValueType.NONE);
    }

    static KeywordInfo bool(String n) {
        return KeywordInfo.of(n, 0, 1, ValueType.BOOL);
    }

    static KeywordInfo str(String n) {
        return KeywordInfo.of(n, 1, 1, ValueType.STRING);
    }

    static <T> Keyword.Handler<T> ignore() {
        return (ctx, t, a) -> {};
    }
}
