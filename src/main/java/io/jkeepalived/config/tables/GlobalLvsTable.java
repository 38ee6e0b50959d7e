package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.ConfigError.INVALID_NUMBER;
import static io.jkeepalived.config.tables.GlobalTable.bool;
import static io.jkeepalived.config.tables.GlobalTable.flag;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;
import java.net.InetAddress;

/** The LVS keywords of global_defs: lvs_timeouts, lvs_sync_daemon, lvs_flush*, nftables_ipvs*, ... */
final class GlobalLvsTable {
    private GlobalLvsTable() {}

    /** LVS_MAX_TIMEOUT: 86400 * 31 seconds. */
    private static final long LVS_MAX_TIMEOUT = 86400L * 31;

    static void install(Block<GlobalPart> b) {
        b.simple(KeywordInfo.of("lvs_timeouts", 2, 6, ValueType.WORDS).range("[tcp N] [tcpfin N] [udp N]"),
                GlobalLvsTable::timeouts);
        b.simple(KeywordInfo.of("lvs_sync_daemon", 1, 12, ValueType.WORDS)
                .range("IF [inst VI] [id 0..255] [maxlen N] [port N] [ttl N] [group IP]"), GlobalLvsTable::syncd);
        b.simple(flag("lvs_flush"), (ctx, g, a) -> g.lvsFlush = true);
        for (String n : new String[] {"lvs_flush_on_stop", "lvs_flush_onstop"}) {
            KeywordInfo i = KeywordInfo.of(n, 0, 1, ValueType.ENUM).range("[VS]");
            if (n.equals("lvs_flush_onstop")) i = i.replacedBy("lvs_flush_on_stop");
            b.simple(i, (ctx, g, a) -> {
                var f = GlobalVrrpTable.flushOnStop(a.opt(1, null));
                if (f == null) ctx.error(GENERAL_ERROR, "Unknown lvs_flush_on_stop type " + a.word(1));
                else g.lvsFlushOnStop = f;
            });
        }
        b.simple(KeywordInfo.of("nftables_ipvs", 0, 1, ValueType.STRING).defaultValue("keepalived_ipvs"),
                (ctx, g, a) -> {
                    if (g.nftablesIpvs != null) {
                        ctx.error(GENERAL_ERROR, "ipvs nftables already specified - ignoring");
                    } else if (a.has(1) && a.word(1).length() >= 256) {
                        ctx.error(GENERAL_ERROR, "ipvs nftables table name too long - ignoring");
                    } else {
                        g.nftablesIpvs = a.opt(1, "keepalived_ipvs");
                        g.nftablesIpvsPriority = -1;
                        g.nftablesIpvsStartFwmark = 1000;
                    }
                });
        b.simple(KeywordInfo.of("nftables_ipvs_priority", 1, 1, ValueType.INT), (ctx, g, a) -> {
            Long v = a.readInt(1, Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (v == null) ctx.error(INVALID_NUMBER, "invalid ipvs nftables chain priority '" + a.word(1) + "'");
            else g.nftablesIpvsPriority = v.intValue();
        });
        b.simple(KeywordInfo.of("nftables_ipvs_start_fwmark", 1, 1, ValueType.UNSIGNED), (ctx, g, a) -> {
            Long v = a.readUnsigned(1, 1, 0xFFFF_FFFFL);
            if (v == null) ctx.error(INVALID_NUMBER, "invalid ipvs nftables start_fwmark priority '" + a.word(1) + "'");
            else g.nftablesIpvsStartFwmark = v;
        });
        b.simple(bool("rs_init_notifies"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value '%s' for global rs_init_notifies specified");
            if (v != null) g.rsInitNotifies = v;
        });
        b.simple(bool("no_checker_emails"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value '%s' for global no_checker_emails specified");
            if (v != null) g.noCheckerEmails = v;
        });
    }

    private static void timeouts(ParseContext ctx, GlobalPart g, Args a) {
        if (a.size() < 3) {
            ctx.error(GENERAL_ERROR, "lvs_timeouts requires at least one option");
            return;
        }
        for (int i = 1; i < a.size(); i++) {
            String w = a.word(i);
            if (!w.equals("tcp") && !w.equals("tcpfin") && !w.equals("udp")) {
                ctx.error(GENERAL_ERROR, "Unknown option " + w + " specified for lvs_timeouts");
                continue;
            }
            if (i == a.size() - 1) {
                ctx.error(GENERAL_ERROR, "No value specified for lvs_timeout " + w + " - ignoring");
                continue;
            }
            Long v = a.readUnsigned(i + 1, 0, LVS_MAX_TIMEOUT);
            if (v == null) {
                ctx.error(GENERAL_ERROR, "Invalid lvs_timeout " + w + " (" + a.word(i + 1) + ") - ignoring");
            } else {
                switch (w) {
                    case "tcp" -> g.lvsTcp = v.intValue();
                    case "tcpfin" -> g.lvsTcpFin = v.intValue();
                    default -> g.lvsUdp = v.intValue();
                }
            }
            i++;
        }
    }

    private static void syncd(ParseContext ctx, GlobalPart g, Args a) {
        if (g.syncDaemon != null) {
            var s = g.syncDaemon;
            ctx.error(GENERAL_ERROR, "lvs_sync_daemon has already been specified as " + s.ifname() + " "
                    + (s.vrrpInstance() == null ? "" : s.vrrpInstance()) + " - ignoring");
            return;
        }
        if (!a.has(1)) {
            ctx.error(GENERAL_ERROR, "lvs_sync_daemon requires interface");
            return;
        }
        if (a.word(1).length() >= 16) {
            ctx.error(GENERAL_ERROR, "lvs_sync_daemon interface name '" + a.word(1) + "' too long - ignoring");
            return;
        }
        String inst = null;
        int id = -1;
        int maxlen = 0;
        int port = 0;
        int ttl = 0;
        InetAddress group = null;
        for (int i = 2; i < a.size(); i++) {
            String w = a.word(i);
            if (w.equals("inst")) {
                if (inst != null) {
                    ctx.error(GENERAL_ERROR, "lvs_sync_daemon vrrp instance has already been specified as " + inst
                            + " - ignoring");
                } else {
                    inst = a.word(i + 1);
                }
                i++;
                continue;
            }
            if (w.equals("id") || w.equals("maxlen") || w.equals("port") || w.equals("ttl") || w.equals("group")) {
                if (i == a.size() - 1) {
                    ctx.error(GENERAL_ERROR, w.equals("id")
                            ? "No value specified for lvs_sync_daemon id, defaulting to vrid"
                            : "No value specified for lvs_sync_daemon " + w + " - ignoring");
                    continue;
                }
                String val = a.word(i + 1);
                switch (w) {
                    case "id" -> {
                        Long v = a.readUnsigned(i + 1, 0, 255);
                        if (v == null) ctx.error(GENERAL_ERROR, "Invalid syncid (" + val + ") - defaulting to vrid");
                        else id = v.intValue();
                    }
                    case "maxlen" -> {
                        Long v = a.readUnsigned(i + 1, 1, 65535 - 20 - 8);
                        if (v == null) ctx.error(GENERAL_ERROR, "Invalid lvs_sync_daemon maxlen (" + val + ") - ignoring");
                        else maxlen = v.intValue();
                    }
                    case "port" -> {
                        Long v = a.readUnsigned(i + 1, 1, 65535);
                        if (v == null) ctx.error(GENERAL_ERROR, "Invalid lvs_sync_daemon port (" + val + ") - ignoring");
                        else port = v.intValue();
                    }
                    case "ttl" -> {
                        Long v = a.readUnsigned(i + 1, 1, 255);
                        if (v == null) ctx.error(GENERAL_ERROR, "Invalid lvs_sync_daemon ttl (" + val + ") - ignoring");
                        else ttl = v.intValue();
                    }
                    default -> {
                        InetAddress ga = Words.sockaddr(val);
                        if (ga == null) {
                            ctx.error(GENERAL_ERROR, "Invalid lvs_sync_daemon group (" + val + ") - ignoring");
                        } else if (!ga.isMulticastAddress()) {
                            ctx.error(GENERAL_ERROR, "lvs_sync_daemon group address " + val
                                    + " is not multicast - ignoring");
                        } else {
                            group = ga;
                        }
                    }
                }
                i++;
                continue;
            }
            // the 1.x form: lvs_sync_daemon IF VRRP_INSTANCE [SYNC_ID]
            if (i == 2) {
                inst = w;
                continue;
            }
            if (i == 3) {
                Long v = a.readUnsigned(3, 0, 255);
                if (v == null) {
                    ctx.error(GENERAL_ERROR, "Invalid syncid (" + w + ") - defaulting to vrid");
                } else {
                    ctx.error(GENERAL_ERROR, "Please use keyword \"id\" before lvs_sync_daemon SYNCID");
                    id = v.intValue();
                }
                continue;
            }
            ctx.error(GENERAL_ERROR, "Unknown option " + w + " specified for lvs_sync_daemon");
        }
        g.syncDaemon = new GlobalDefs.SyncDaemon(a.word(1), inst, id, maxlen, port, ttl, group);
    }
}
