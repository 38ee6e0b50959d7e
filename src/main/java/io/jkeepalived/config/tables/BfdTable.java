package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.tables.GlobalTable.flag;

import io.jkeepalived.config.model.BfdInstance;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;
import java.net.InetAddress;

/** bfd_instance (keepalived's bfd_parser.c). */
final class BfdTable {
    private BfdTable() {}

    static final Block<TrackerTables.BfdB> BLOCK = build();

    private static Block<TrackerTables.BfdB> build() {
        Block<TrackerTables.BfdB> b = new Block<>("bfd_instance");
        b.simple(GlobalVrrpTable.ip("source_ip"), (ctx, f, a) -> {
            InetAddress ip = Words.sockaddr(a.word(1));
            if (ip == null) ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name
                    + " has malformed source address " + a.word(1) + ", ignoring");
            else f.source = ip;
        });
        for (String n : new String[] {"neighbor_ip", "neighbour_ip"}) {
            b.simple(GlobalVrrpTable.ip(n), (ctx, f, a) -> {
                InetAddress ip = Words.sockaddr(a.word(1));
                if (ip == null) ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name
                        + " has malformed neighbor address " + a.word(1) + ", ignoring");
                else f.neighbor = ip;
            });
        }
        for (String n : new String[] {"min_rx", "min_tx", "idle_tx"}) {
            long min = n.equals("idle_tx") ? 1000 : 1;
            long max = 0xFFFF_FFFFL / 1000;
            b.simple(KeywordInfo.of(n, 1, 1, ValueType.DECIMAL).range(min + ".." + max + " ms"), (ctx, f, a) -> {
                // milliseconds with three decimals: microseconds
                Long v = a.readDecimal(1, min * 1000, max * 1000, 3);
                if (v == null) {
                    ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name + " " + n + " value "
                            + a.word(1) + " is not valid (must be in range [" + min + "-" + max + "]), ignoring");
                    return;
                }
                switch (n) {
                    case "min_rx" -> f.minRx = v;
                    case "min_tx" -> f.minTx = v;
                    default -> f.idleTx = v;
                }
            });
        }
        b.simple(KeywordInfo.of("multiplier", 1, 1, ValueType.UNSIGNED).range("1..255"), (ctx, f, a) -> {
            Long v = a.readUnsigned(1, 1, 255);
            if (v == null) ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name
                    + " multiplier value " + a.word(1) + " not valid (must be in range [1-255]), ignoring");
            else f.multiplier = v.intValue();
        });
        b.simple(flag("passive"), (ctx, f, a) -> f.passive = true);
        for (String n : new String[] {"ttl", "hoplimit"}) {
            b.simple(KeywordInfo.of(n, 1, 1, ValueType.UNSIGNED).range("1..255"), (ctx, f, a) -> {
                Long v = a.readUnsigned(1, 1, 255);
                if (v == null) ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name + " " + n
                        + " value " + a.word(1) + " not valid (must be in range [1-255]), ignoring");
                else f.ttl = v.intValue();
            });
        }
        b.simple(KeywordInfo.of("max_hops", 1, 1, ValueType.INT).range("-1..255"), (ctx, f, a) -> {
            Long v = a.readInt(1, -1, 255);
            if (v == null) ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name
                    + " max_hops value " + a.word(1) + " not valid (must be in range [-1-255]), ignoring");
            else f.maxHops = v.intValue();
        });
        b.simple(KeywordInfo.of("weight", 1, 2, ValueType.INT).range("-253..253 [reverse]"), (ctx, f, a) -> {
            Long v = a.readInt(1, -253, 253);
            if (v == null) {
                ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name + " weight value "
                        + a.word(1) + " not valid (must be in range [-253-253]), ignoring");
                return;
            }
            f.weight = v.intValue();
            if (a.has(2)) {
                if (a.word(2).equals("reverse")) f.reverse = true;
                else ctx.error(GENERAL_ERROR, "Unknown weight option " + a.word(2));
            }
        });
        b.simple(flag("vrrp"), (ctx, f, a) -> f.vrrp = true);
        b.simple(flag("checker"), (ctx, f, a) -> f.checker = true);
        return b;
    }

    /** Keywords the VRRP and checker processes know but do not act on (install_keyword_conditional). */
    private static final String[] BFD_ONLY = {"source_ip", "neighbor_ip", "neighbour_ip", "min_rx", "min_tx", "idle_tx",
        "multiplier", "passive", "ttl", "hoplimit", "max_hops"};

    /** The VRRP process's bfd_instance: only the tracking weight and the event targets. */
    static final Block<TrackerTables.BfdB> VRRP_VIEW = view(true);
    /** The checker process's bfd_instance: only the event targets. */
    static final Block<TrackerTables.BfdB> CHECKER_VIEW = view(false);

    private static Block<TrackerTables.BfdB> view(boolean vrrp) {
        Block<TrackerTables.BfdB> b = new Block<>("bfd_instance");
        for (String n : BFD_ONLY) b.simple(KeywordInfo.of(n, 0, 1, ValueType.WORDS), (ctx, f, a) -> {});
        if (vrrp) {
            b.simple(KeywordInfo.of("weight", 1, 2, ValueType.INT).range("-253..253 [reverse]"), (ctx, f, a) -> {
                Long v = a.readInt(1, -253, 253);
                if (v == null) {
                    ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name + " weight value "
                            + a.word(1) + " not valid (must be in range [-253-253]), ignoring");
                } else {
                    f.weight = v.intValue();
                }
                if (a.has(2)) {
                    if (a.word(2).equals("reverse")) f.reverse = true;
                    else ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name
                            + " unknown weight option " + a.word(2));
                }
            });
        } else {
            b.simple(KeywordInfo.of("weight", 0, 2, ValueType.WORDS), (ctx, f, a) -> {});
        }
        b.simple(flag("vrrp"), (ctx, f, a) -> f.vrrp = true);
        b.simple(flag("checker"), (ctx, f, a) -> f.checker = true);
        return b;
    }

    /** bfd_vrrp_end_handler: tracked by instances unless the events go to the checker only. */
    static void closeVrrp(RootBuilder r, TrackerTables.BfdB f) {
        if (f.checker && !f.vrrp) return;
        r.vrrp.bfds.put(f.name, new BfdInstance(f.name, null, null, f.minRx, f.minTx, f.idleTx, f.multiplier,
                f.passive, f.ttl, f.maxHops, f.weight, f.reverse, true, !f.vrrp || f.checker));
    }

    /** bfd_checker_end_handler: BFD_CHECK may name it unless the events go to VRRP only. */
    static void closeChecker(ParseContext ctx, TrackerTables.BfdB f) {
        if (f.vrrp && !f.checker) return;
        TrackerNames.declareBfd(ctx, f.name);
    }

    static void close(ParseContext ctx, RootBuilder r, TrackerTables.BfdB f) {
        if (f.neighbor == null) {
            ctx.error(GENERAL_ERROR, "Configuration error: BFD instance " + f.name
                    + " has no neighbor address set, disabling instance");
            return;
        }
        boolean both = !f.vrrp && !f.checker;
        if (both || f.checker) TrackerNames.declareBfd(ctx, f.name); // the one-table view (all active) too
        r.vrrp.bfds.put(f.name, new BfdInstance(f.name, f.neighbor, f.source, f.minRx, f.minTx, f.idleTx,
                f.multiplier, f.passive, f.ttl, f.maxHops, f.weight, f.reverse, both || f.vrrp, both || f.checker));
    }
}
