package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.DEPRECATED;
import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.ConfigError.INVALID_NUMBER;
import static io.jkeepalived.config.ConfigError.WARNING;
import static io.jkeepalived.config.tables.GlobalTable.bool;
import static io.jkeepalived.config.tables.GlobalTable.flag;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.function.BiConsumer;

/** The vrrp_* and LVS keywords of global_defs (keepalived's global_parser.c), with their ranges. */
final class GlobalVrrpTable {
    private GlobalVrrpTable() {}

    private static final long UINT_MAX = 0xFFFF_FFFFL;
    private static final long SEC_MAX = UINT_MAX / 1_000_000; // UINT_MAX / TIMER_HZ

    static void install(Block<GlobalPart> b) {
        b.simple(ip("vrrp_mcast_group4").defaultValue("224.0.0.18"), (ctx, g, a) -> mcastGroup(ctx, g, a, false));
        b.simple(ip("vrrp_mcast_group6").defaultValue("ff02::12"), (ctx, g, a) -> mcastGroup(ctx, g, a, true));
        seconds(b, "vrrp_garp_master_delay", "5", (g, v) -> g.garpDelay = v * 1_000_000,
                "vrrp_garp_master_delay '%s' invalid - ignoring");
        repeat(b, "vrrp_garp_master_repeat", "5", (g, v) -> g.garpRepeat = v);
        b.simple(uint("vrrp_garp_master_refresh").defaultValue("0"), (ctx, g, a) -> {
            Long v = a.readUnsigned(1, 0, UINT_MAX);
            if (v == null) ctx.error(GENERAL_ERROR, "Invalid vrrp_garp_master_refresh '" + a.word(1) + "' - ignoring");
            else g.garpRefresh = v * 1_000_000;
        });
        repeat(b, "vrrp_garp_master_refresh_repeat", "1", (g, v) -> g.garpRefreshRepeat = v);
        seconds(b, "vrrp_garp_lower_prio_delay", "vrrp_garp_master_delay", (g, v) -> g.garpLowerPrioDelay = v * 1_000_000,
                "vrrp_garp_lower_prio_delay '%s' invalid - ignoring");
        b.simple(uint("vrrp_garp_lower_prio_repeat"), (ctx, g, a) -> {
            Long v = a.readUnsigned(1, 0, Integer.MAX_VALUE);
            if (v == null) ctx.error(GENERAL_ERROR, "Invalid vrrp_garp_lower_prio_repeat '" + a.word(1) + "'");
            else g.garpLowerPrioRepeat = v.intValue();
        });
        b.simple(uint("vrrp_down_timer_adverts").range("1..100").defaultValue("3"), (ctx, g, a) -> {
            Long v = a.readUnsigned(1, 1, 100);
            if (v == null) ctx.error(GENERAL_ERROR, "Invalid vrrp_down_timer_adverts [1:100] '" + a.word(1) + "'");
            else g.downTimerAdverts = v.intValue();
        });
        b.simple(timer("vrrp_garp_interval"), (ctx, g, a) -> {
            Long v = a.readTimer(1, 1, UINT_MAX);
            if (v == null) ctx.error(GENERAL_ERROR, "vrrp_garp_interval '" + a.word(1) + "' is invalid");
            else g.garpInterval = v;
        });
        b.simple(timer("vrrp_gna_interval"), (ctx, g, a) -> {
            Long v = a.readTimer(1, 1, UINT_MAX);
            if (v == null) ctx.error(GENERAL_ERROR, "vrrp_gna_interval '" + a.word(1) + "' is invalid");
            else g.gnaInterval = v;
        });
        b.simple(bool("vrrp_min_garp"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value for vrrp_min_garp specified");
            if (v == null || !v) return;
            g.minGarp = true;
            // only the values still at their defaults change (keepalived's vrrp_min_garp)
            if (g.garpRepeat == 5) g.garpRepeat = 1;
            if (g.garpRefreshRepeat == 1) g.garpRefreshRepeat = 0;
            if (g.garpDelay == 5_000_000) g.garpDelay = 0;
        });
        for (String n : List.of("vrrp_garp_extra_if", "vrrp_vmac_garp_intvl")) {
            KeywordInfo info = KeywordInfo.of(n, 1, 2, ValueType.WORDS).range("[all] 1..86400");
            if (n.equals("vrrp_vmac_garp_intvl")) info = info.replacedBy("vrrp_garp_extra_if");
            b.simple(info, GlobalVrrpTable::garpExtraIf);
        }
        b.simple(bool("vrrp_lower_prio_no_advert"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value for vrrp_lower_prio_no_advert specified");
            if (v != null) g.lowerPrioNoAdvert = v;
        });
        b.simple(bool("vrrp_higher_prio_send_advert"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value for vrrp_higher_prio_send_advert specified");
            if (v != null) g.higherPrioSendAdvert = v;
        });
        b.simple(KeywordInfo.of("vrrp_version", 1, 1, ValueType.INT).range("2|3").defaultValue("2"), (ctx, g, a) -> {
            Long v = a.readInt(1, 2, 3);
            if (v == null) ctx.error(GENERAL_ERROR, "VRRP Error: Version must be either 2 or 3");
            else g.vrrpVersion = v.intValue();
        });
        b.simple(KeywordInfo.of("vrrp_iptables", 0, 2, ValueType.WORDS).replacedBy("nftables"), (ctx, g, a) -> {
            // this keepalived is built with nftables only (keepalived -v: NFTABLES, no IPTABLES)
            ctx.error(GENERAL_ERROR, "iptables not supported, using nftables instead. Please replace 'vrrp_iptables"
                    + " and 'vrrp_ipsets' with 'nftables' config option");
            g.iptables = a.words().subList(1, a.size());
            g.nftables = "keepalived";
            g.nftablesPriority = -1;
        });
        b.simple(KeywordInfo.of("nftables", 0, 1, ValueType.STRING).defaultValue("keepalived"), (ctx, g, a) -> {
            if (g.nftables != null) {
                ctx.error(GENERAL_ERROR, "nftables already specified - ignoring");
            } else if (a.has(1) && a.word(1).length() >= 256) {
                ctx.error(GENERAL_ERROR, "nftables table name too long - ignoring");
            } else {
                g.nftables = a.opt(1, "keepalived");
                g.nftablesPriority = -1;
            }
        });
        b.simple(KeywordInfo.of("nftables_priority", 1, 1, ValueType.INT), (ctx, g, a) -> {
            Long v = a.readInt(1, Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (v == null) ctx.error(INVALID_NUMBER, "invalid nftables chain priority '" + a.word(1) + "'");
            else g.nftablesPriority = v.intValue();
        });
        b.simple(flag("nftables_ifindex"), (ctx, g, a) -> g.nftablesIfindex = true);
        b.simple(flag("nftables_counters"), (ctx, g, a) -> g.nftablesCounters = true);
        b.simple(flag("vrrp_check_unicast_src"), (ctx, g, a) -> g.checkUnicastSrc = true);
        b.simple(flag("vrrp_skip_check_adv_addr"), (ctx, g, a) -> g.skipCheckAdvAddr = true);
        b.simple(flag("vrrp_strict"), (ctx, g, a) -> g.strict = true);
        b.simple(bool("vrrp_notify_priority_changes"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid value '%s' for global vrrp_notify_priority_changes specified");
            if (v != null) g.notifyPriorityChanges = v;
        });
        b.simple(KeywordInfo.of("dynamic_interfaces", 0, 1, ValueType.ENUM).range("[allow_if_changes]"),
                (ctx, g, a) -> {
                    g.dynamicInterfaces = true;
                    if (!a.has(1)) return;
                    if (a.word(1).equals("allow_if_changes")) g.allowIfChanges = true;
                    else ctx.error(GENERAL_ERROR, "Unknown dynamic_interfaces option '" + a.word(1) + "'");
                });
        b.simple(KeywordInfo.of("default_interface", 1, 1, ValueType.INTERFACE), (ctx, g, a) -> {
            if (!a.has(1)) ctx.error(GENERAL_ERROR, "default_interface requires interface name");
            else g.defaultInterface = a.word(1);
        });
        b.simple(flag("disable_local_igmp"), (ctx, g, a) -> g.disableLocalIgmp = true);
        b.simple(timer("vrrp_startup_delay"), (ctx, g, a) -> {
            Long v = a.readTimer(1, 1000, UINT_MAX);
            if (v == null) ctx.error(GENERAL_ERROR, "vrrp_startup_delay '" + a.word(1) + "' is invalid");
            else g.startupDelay = v;
        });
        b.simple(flag("log_unknown_vrids"), (ctx, g, a) -> g.logUnknownVrids = true);
        b.simple(GlobalTable.str("vmac_prefix").defaultValue("vrrp"), (ctx, g, a) -> {
            if (g.vmacPrefix != null) ctx.error(GENERAL_ERROR, "vmac prefix has already been specified - ignoring " + a.word(1));
            else g.vmacPrefix = a.word(1);
        });
        b.simple(GlobalTable.str("vmac_addr_prefix").defaultValue("vmac"), (ctx, g, a) -> {
            if (g.vmacAddrPrefix != null) {
                ctx.error(GENERAL_ERROR, "vmac_addr prefix has already been specified - ignoring " + a.word(1));
            } else {
                g.vmacAddrPrefix = a.word(1);
            }
        });
        GlobalLvsTable.install(b);
    }

    private static void mcastGroup(ParseContext ctx, GlobalPart g, Args a, boolean v6) {
        String name = v6 ? "vrrp_mcast_group6" : "vrrp_mcast_group4";
        InetAddress addr = Words.sockaddr(a.word(1));
        if (addr == null) {
            ctx.error(GENERAL_ERROR, "Can't parse " + name + " [" + a.word(1) + "]. Skipping");
        } else if (v6 ? !(addr instanceof Inet6Address) : !(addr instanceof Inet4Address)) {
            ctx.error(GENERAL_ERROR, name + " [" + a.word(1) + "] is not IPv" + (v6 ? "6" : "4") + ". Skipping");
        } else if (!addr.isMulticastAddress()) {
            ctx.error(GENERAL_ERROR, name + " [" + a.word(1) + "] is not multicast. Skipping");
        } else {
            if (v6 && !addr.isMCLinkLocal()) {
                ctx.error(WARNING, name + " [" + a.word(1) + "] should be link-local multicast. Continuing");
            }
            if (v6) g.mcastGroup6 = addr;
            else g.mcastGroup4 = addr;
        }
    }

    private static void garpExtraIf(ParseContext ctx, GlobalPart g, Args a) {
        String cmd = a.keyword();
        if (cmd.equals("vrrp_vmac_garp_intvl")) {
            ctx.error(DEPRECATED, "Keyword \"vrrp_vmac_garp_intvl\" is deprecated - please use \"vrrp_garp_extra_if\"");
        }
        long delay = 0;
        for (int i = 1; i < a.size(); i++) {
            if (a.word(i).equals("all")) {
                g.garpExtraIfAll = true;
                continue;
            }
            Long v = a.readUnsigned(i, 1, 86400);
            if (v == null) {
                ctx.error(GENERAL_ERROR, cmd + " '" + a.word(i) + "' invalid - ignoring");
                return;
            }
            delay = v;
        }
        if (delay == 0) {
            ctx.error(GENERAL_ERROR, cmd + " specified without time - ignoring");
            return;
        }
        g.garpExtraIf = delay * 1_000_000;
    }

    private static void seconds(Block<GlobalPart> b, String name, String dflt, BiConsumer<GlobalPart, Long> set,
                                String msg) {
        b.simple(uint(name).defaultValue(dflt), (ctx, g, a) -> {
            Long v = a.readUnsigned(1, 0, SEC_MAX);
            if (v == null) ctx.error(GENERAL_ERROR, msg.replace("%s", a.word(1)));
            else set.accept(g, v);
        });
    }

    /** A GARP repeat count: 0 is reported and made 1. */
    private static void repeat(Block<GlobalPart> b, String name, String dflt, BiConsumer<GlobalPart, Integer> set) {
        b.simple(uint(name).defaultValue(dflt), (ctx, g, a) -> {
            Long v = a.readUnsigned(1, 0, UINT_MAX);
            if (v == null) {
                ctx.error(GENERAL_ERROR, name + " '" + a.word(1) + "' invalid - ignoring");
                return;
            }
            if (v == 0) {
                ctx.error(GENERAL_ERROR, name + " must be greater than 0, setting to 1");
                v = 1L;
            }
            set.accept(g, (int) Math.min(v, Integer.MAX_VALUE));
        });
    }

    static KeywordInfo uint(String n) {
        return KeywordInfo.of(n, 1, 1, ValueType.UNSIGNED);
    }

    static KeywordInfo timer(String n) {
        return KeywordInfo.of(n, 1, 1, ValueType.TIMER);
    }

    static KeywordInfo ip(String n) {
        return KeywordInfo.of(n, 1, 1, ValueType.IP);
    }

    static GlobalDefs.FlushOnStop flushOnStop(String w) {
        return w == null ? GlobalDefs.FlushOnStop.ALL : w.equals("VS") ? GlobalDefs.FlushOnStop.VS : null;
    }
}
