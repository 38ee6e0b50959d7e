package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;

import io.jkeepalived.config.model.Prefix;
import io.jkeepalived.config.model.Rule;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.ParseContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One rule line of static_rules / virtual_rules (keepalived's alloc_rule, `ip rule` words). */
final class RuleGrammar {
    private RuleGrammar() {}

    private static final Set<String> VALUED = Set.of("tos", "dsfield", "fwmark", "realms", "suppress_prefixlength",
            "sup_pl", "suppress_ifgroup", "sup_group", "tunnel-id", "uidrange", "protocol", "ipproto", "sport", "dport");
    private static final Set<String> ACTIONS = Set.of("blackhole", "prohibit", "unreachable", "nop", "l3mdev");

    /** keepalived numbers unprioritised rules downwards from this, with a warning. */
    private static final String NEXT_PRIORITY = "rule.nextPriority";

    static Rule parse(ParseContext ctx, RootBuilder root, Args a, boolean staticRule) {
        Boolean six = null;
        Prefix from = null, to = null;
        Long prio = null, table = null;
        String action = null, trackGroup = null;
        boolean noTrack = false, bad = false;
        Map<String, String> opts = new LinkedHashMap<>();
        int i = 0;
        while (i < a.size()) {
            String w = a.word(i);
            if (w.equals("inet") || w.equals("inet6")) {
                boolean s = w.equals("inet6");
                if (six != null && six != s) ctx.error(GENERAL_ERROR, w + " specified for IPv" + (six ? 6 : 4) + " rule");
                else six = s;
                i++;
                continue;
            }
            if (w.equals("no_track")) {
                noTrack = true;
                i++;
                continue;
            }
            if (w.equals("not")) {
                opts.put("not", "");
                i++;
                continue;
            }
            if (ACTIONS.contains(w)) {
                if (action != null || table != null) {
                    ctx.error(GENERAL_ERROR, "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev for rule");
                }
                action = w;
                i++;
                continue;
            }
            if (!VALUED.contains(w) && !Set.of("from", "to", "table", "lookup", "preference", "order", "priority",
                    "goto", "iif", "dev", "oif", "track_group", "type").contains(w)) {
                ctx.error(GENERAL_ERROR, "Unknown rule option " + w);
                return null;
            }
            String v = a.word(i + 1);
            switch (w) {
                case "from", "to" -> {
                    Prefix p = null;
                    if (v.equals("all")) p = null;
                    else {
                        var pp = AddressGrammar.parse(ctx, v, true);
                        if (pp == null) {
                            ctx.error(GENERAL_ERROR, "Invalid rule " + w + " address " + v);
                            bad = true;
                        } else {
                            p = new Prefix(pp.address(), pp.prefix());
                            if (six != null && six != p.isIpv6()) {
                                ctx.error(GENERAL_ERROR, "rule specification has mixed IPv4 and IPv6");
                                bad = true;
                            }
                            six = p.isIpv6();
                        }
                    }
                    if (w.equals("from")) from = p;
                    else to = p;
                }
                case "table", "lookup" -> {
                    Integer t = RtTables.table(v);
                    if (t == null) {
                        ctx.error(GENERAL_ERROR, "Routing table " + v + " not found for rule");
                        bad = true;
                    } else if (t == 0) {
                        ctx.error(GENERAL_ERROR, "Table 0 is not valid");
                        bad = true;
                    } else {
                        if (action != null) {
                            ctx.error(GENERAL_ERROR, "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable for rule");
                        }
                        table = (long) t;
                    }
                }
                case "preference", "order", "priority" -> {
                    Long p = a.readUnsigned(i + 1, 0, 0xFFFF_FFFFL);
                    if (p == null) {
                        ctx.error(GENERAL_ERROR, "Invalid rule preference " + v + " specified");
                        bad = true;
                    } else prio = p;
                }
                case "goto" -> {
                    Long t = a.readUnsigned(i + 1, 0, 0xFFFF_FFFFL);
                    if (t == null) {
                        ctx.error(GENERAL_ERROR, "Invalid target " + v + " specified");
                        bad = true;
                    } else {
                        action = "goto";
                        opts.put("goto", v);
                    }
                }
                case "iif", "dev", "oif" -> {
                    if (!Interfaces.lookup(ctx, root, v)) {
                        ctx.error(GENERAL_ERROR, "WARNING - interface " + v + " for rule doesn't exist");
                        bad = true;
                    } else opts.put(w.equals("dev") ? "iif" : w, v);
                }
                case "track_group" -> {
                    if (!staticRule) {
                        ctx.error(GENERAL_ERROR, "Unknown rule option " + w);
                    } else if (trackGroup != null) {
                        ctx.error(GENERAL_ERROR, "track_group " + v + " is a duplicate");
                    } else if (!root.vrrp.trackGroupNames.contains(v)) {
                        ctx.error(GENERAL_ERROR, "track_group " + v + " not found");
                    } else trackGroup = v;
                }
                case "type" -> {
                    if (!ACTIONS.contains(v) && !v.equals("goto")) {
                        ctx.error(GENERAL_ERROR, "Invalid rule action " + v);
                        bad = true;
                    } else action = v;
                }
                default -> {
                    if (!VALUED.contains(w)) {
                        ctx.error(GENERAL_ERROR, "Unknown rule option " + w);
                        bad = true;
                        i++;
                        continue;
                    }
                    opts.put(w, v);
                }
            }
            i += 2;
        }
        if (bad) return null;
        if (action == null && table == null) {
            ctx.error(GENERAL_ERROR, "No action specified for rule - ignoring");
            return null;
        }
        if (prio == null) {
            long[] next = ctx.scratch(NEXT_PRIORITY, () -> new long[] {16384});
            prio = next[0]--;
            ctx.error(GENERAL_ERROR, "Rule has no preference specified - setting to " + prio
                    + ". This is probably not what you want.");
        }
        if (trackGroup != null && !opts.containsKey("iif")) {
            ctx.error(GENERAL_ERROR, "Static rule cannot have track_group if dev/iif not specified");
            trackGroup = null;
        }
        return new Rule(Boolean.TRUE.equals(six), from, to, prio, table, action, opts, noTrack, trackGroup);
    }
}
