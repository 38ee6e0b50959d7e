package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.FATAL;
import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;

import io.jkeepalived.config.model.GarpGroup;
import io.jkeepalived.config.model.InterfaceDelay;
import io.jkeepalived.config.model.StaticTrackGroup;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** static_ipaddress/routes/rules, track_group, garp_group, linkbeat_interfaces, interface_up_down_delays. */
final class StaticTables {
    private StaticTables() {}

    /** keepalived.conf(5) interface_up_down_delays: at most 255 seconds, in microseconds. */
    private static final long MAX_UP_DOWN_DELAY_US = 255_000_000L;

    static final class GroupB {
        final String name;
        List<String> members;

        GroupB(String name) {
            this.name = name;
        }
    }

    static final class GarpB {
        long garp = -1, gna = -1;
        final List<String> ifs = new ArrayList<>();
    }

    static void install(Block<RootBuilder> root) {
        root.lines(KeywordInfo.of("static_ipaddress", 0, 0, ValueType.LINES), null, (ctx, r, a) -> {
            var ip = AddressGrammar.parseLine(ctx, r, a, true);
            if (ip != null) r.vrrp.staticAddresses.add(ip);
        }, null);
        root.lines(KeywordInfo.of("static_routes", 0, 0, ValueType.LINES), null, (ctx, r, a) -> {
            var rt = RouteGrammar.parse(ctx, r, a, true);
            if (rt != null) r.vrrp.staticRoutes.add(rt);
        }, null);
        root.lines(KeywordInfo.of("static_rules", 0, 0, ValueType.LINES), null, (ctx, r, a) -> {
            var ru = RuleGrammar.parse(ctx, r, a, true);
            if (ru != null) r.vrrp.staticRules.add(ru);
        }, null);
        Block<GroupB> tg = new Block<>("track_group");
        tg.lines(KeywordInfo.of("group", 0, 0, ValueType.LINES), (ctx, g, a) -> {
            if (g.members != null) {
                ctx.error(GENERAL_ERROR, "Group list already specified for sync group " + g.name);
                ctx.refuseValueBlock();
                return;
            }
            g.members = new ArrayList<>();
        }, (ctx, g, a) -> g.members.addAll(a.words()), (ctx, g) -> {
            if (g.members.isEmpty()) ctx.error(GENERAL_ERROR, "Warning - track group " + g.name + " has empty group block");
        });
        root.sub(KeywordInfo.of("track_group", 1, 1, ValueType.BLOCK), tg, (ctx, r, a) -> {
            if (!a.has(1)) {
                ctx.error(GENERAL_ERROR, "track_group must have a name - skipping");
                return null;
            }
            if (r.vrrp.trackGroupNames.contains(a.word(1))) {
                ctx.error(GENERAL_ERROR, "track_group " + a.word(1) + " already defined");
                return null;
            }
            r.vrrp.trackGroupNames.add(a.word(1));
            return new GroupB(a.word(1));
        }, (ctx, r, g) -> r.vrrp.trackGroups.add(new StaticTrackGroup(g.name, g.members == null ? List.of() : g.members)));
        Block<GarpB> gg = new Block<>("garp_group");
        for (String n : new String[] {"garp_interval", "gna_interval"}) {
            gg.simple(GlobalVrrpTable.timer(n), (ctx, g, a) -> {
                Long v = Words.lenientTimer(ctx, a.word(1), 0, Integer.MAX_VALUE);
                if (v == null) ctx.error(GENERAL_ERROR, "garp_group " + n + " '" + a.word(1) + "' invalid");
                else if (n.startsWith("garp")) g.garp = v;
                else g.gna = v;
            });
        }
        gg.simple(KeywordInfo.of("interface", 1, 1, ValueType.INTERFACE), (ctx, g, a) -> garpIf(ctx, g, a.word(1)));
        gg.lines(KeywordInfo.of("interfaces", 0, 0, ValueType.LINES), null, (ctx, g, a) -> {
            for (String w : a.words()) garpIf(ctx, g, w);
        }, null);
        root.sub(KeywordInfo.of("garp_group", 0, 0, ValueType.BLOCK), gg, (ctx, r, a) -> new GarpB(), (ctx, r, g) -> {
            if (g.garp < 0 && g.gna < 0) {
                ctx.error(GENERAL_ERROR, "garp group " + (r.vrrp.garpGroups.size() + 1) + " does not have any delay set - removing");
                return;
            }
            r.vrrp.garpGroups.add(new GarpGroup(Math.max(0, g.garp), Math.max(0, g.gna), g.ifs));
        });
        root.lines(KeywordInfo.of("linkbeat_interfaces", 0, 0, ValueType.LINES), null, (ctx, r, a) -> {
            String n = a.word(0);
            if (!ctx.interfaceExists(n) && !r.global.dynamicInterfaces) {
                ctx.error(FATAL, "unknown interface " + n + " specified for linkbeat interface");
                return;
            }
            // keepalived's alloc_linkbeat_interface: an optional polling type MII, ETHTOOL or IOCTL
            if (a.size() > 1 && (!Set.of("MII", "ETHTOOL", "IOCTL").contains(a.word(1)) || a.size() > 2)) {
                ctx.error(GENERAL_ERROR, "extra characters " + a.word(1) + " in linkbeat interface");
            }
            r.vrrp.linkbeatInterfaces.add(n);
        }, null);
        root.lines(KeywordInfo.of("interface_up_down_delays", 0, 0, ValueType.LINES), null, (ctx, r, a) -> {
            String n = a.word(0);
            if (!ctx.interfaceExists(n) && !r.global.dynamicInterfaces) {
                ctx.error(FATAL, "unknown interface " + n + " specified for up/down delay");
                return;
            }
            if (a.size() < 2) return; // keepalived only logs this, and ignores words after the third
            // keepalived's alloc_if_up_down_delay: each delay is a timer in [0, 255] seconds
            Long down = a.readTimer(1, 0, MAX_UP_DOWN_DELAY_US);
            if (down == null) return;
            long up = 0;
            if (a.size() >= 3) {
                Long u = a.readTimer(2, 0, MAX_UP_DOWN_DELAY_US);
                if (u == null) return;
                up = u;
            }
            r.vrrp.interfaceDelays.add(new InterfaceDelay(n, down, up));
        }, null);
    }

    private static void garpIf(io.jkeepalived.config.parse.ParseContext ctx, GarpB g, String n) {
        if (!ctx.interfaceExists(n)) {
            ctx.error(GENERAL_ERROR, "WARNING - interface " + n + " specified for garp_group doesn't exist");
            return;
        }
        g.ifs.add(n);
    }
}
