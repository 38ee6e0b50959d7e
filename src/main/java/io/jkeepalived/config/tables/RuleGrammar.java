package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;

import io.jkeepalived.config.model.Prefix;
import io.jkeepalived.config.model.Rule;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Numbers;
import io.jkeepalived.config.parse.ParseContext;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One rule line of static_rules / virtual_rules (keepalived's alloc_rule, `ip rule` words). */
final class RuleGrammar {
    private RuleGrammar() {}

    /** keepalived numbers rules without a preference downwards from 16384, per family, with a warning. */
    private static final Object NEXT_PRIORITY = new Object();

    private static final class Drop extends RuntimeException {
        Drop() {
            super(null, null, false, false);
        }
    }

    static Rule parse(ParseContext ctx, RootBuilder root, Args a, boolean staticRule) {
        try {
            return read(ctx, root, a, staticRule);
        } catch (Drop d) {
            return null;
        }
    }

    private static Drop drop(ParseContext ctx, String msg) {
        ctx.error(GENERAL_ERROR, msg);
        return new Drop();
    }

    private static Rule read(ParseContext ctx, RootBuilder root, Args a, boolean staticRule) {
        int family = 0; // 0 unset, 4, 6
        Prefix from = null, to = null;
        Long prio = null, table = null;
        String action = null, trackGroup = null, iif = null;
        boolean noTrack = false, tableOption = false, l3mdev = false;
        Long gotoTarget = null;
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            String w = a.word(i);
            switch (w) {
                case "inet", "inet6" -> {
                    int f = w.equals("inet6") ? 6 : 4;
                    if (family != 0 && family != f) throw drop(ctx, w + " specified for IPv" + family + " rule");
                    family = f;
                    i++; // keepalived steps over the word after inet/inet6 as well
                }
                case "from", "to" -> {
                    String v = a.word(++i);
                    Prefix p = route(ctx, v);
                    if (p == null) throw drop(ctx, "Invalid rule " + w + " address " + v);
                    int f = p.address() == null ? 0 : p.isIpv6() ? 6 : 4;
                    if (family == 0) family = f;
                    else if (f != family) throw drop(ctx, "rule specification has mixed IPv4 and IPv6");
                    if (w.equals("from")) from = p;
                    else to = p;
                }
                case "table", "lookup" -> {
                    String v = a.word(++i);
                    Long t = RtTables.table(v);
                    if (t == null) throw drop(ctx, "Routing table " + v + " not found for rule");
                    if (t == 0) throw drop(ctx, "Table 0 is not valid");
                    table = t;
                    if (action != null) {
                        throw drop(ctx, "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable for rule");
                    }
                    action = "table";
                }
                case "not" -> opts.put("not", "");
                case "preference", "order", "priority" -> {
                    Long p = RtTables.cNumber(a.word(++i));
                    if (p == null || p > 0xFFFF_FFFFL) {
                        Numbers.readUnsigned(ctx, a.word(i), 0, 0xFFFF_FFFFL);
                        throw drop(ctx, "Invalid rule preference " + w + " specified");
                    }
                    prio = p;
                }
                case "tos", "dsfield" -> {
                    String v = a.word(++i);
                    if (RtTables.dsfield(v) == null) throw drop(ctx, "TOS value " + v + " is invalid");
                    opts.put("tos", v);
                }
                case "fwmark" -> {
                    String v = a.word(++i);
                    if (!fwmark(v.stripLeading())) throw drop(ctx, "Invalid rule fwmark " + v.stripLeading() + " specified");
                    opts.put(w, v);
                }
                case "realms" -> {
                    String v = a.word(++i);
                    int slash = v.indexOf('/');
                    boolean ok = slash < 0 ? RtTables.realm(v) != null
                            : RtTables.realm(v.substring(0, slash)) != null && RtTables.realm(v.substring(slash + 1)) != null;
                    if (!ok) throw drop(ctx, "invalid realms " + v + " for rule");
                    tableOption = true;
                    if (family == 0) family = 4;
                    else if (family != 4) throw drop(ctx, "realms is only valid for IPv4");
                    opts.put(w, v);
                }
                case "suppress_prefixlength", "sup_pl" -> {
                    if (Numbers.readUnsigned(ctx, a.word(++i), 0, Integer.MAX_VALUE) == null) {
                        throw drop(ctx, "Invalid suppress_prefixlength " + w + " specified");
                    }
                    tableOption = true;
                    opts.put("suppress_prefixlength", a.word(i));
                }
                case "suppress_ifgroup", "sup_group" -> {
                    String v = a.word(++i);
                    if (RtTables.group(v) == null) throw drop(ctx, "suppress_group " + v + " is invalid");
                    tableOption = true;
                    opts.put("suppress_ifgroup", v);
                }
                case "dev", "iif", "oif" -> {
                    String v = a.word(++i);
                    if (!Interfaces.lookup(ctx, root, v)) throw drop(ctx, "WARNING - interface " + v + " for rule doesn't exist");
                    if (w.equals("oif")) opts.put("oif", v);
                    else iif = v;
                }
                case "tunnel-id" -> {
                    String v = a.word(++i);
                    if (v.startsWith("-") || RtTables.cNumber(v) == null && !v.matches("\\d+")) {
                        Numbers.readUnsigned(ctx, v, 0, 0xFFFF_FFFFL);
                        throw drop(ctx, "Invalid tunnel-id " + w + " specified");
                    }
                    opts.put(w, v);
                }
                case "uidrange" -> {
                    String v = a.word(++i);
                    if (!v.matches("\\s*\\+?\\d+-\\s*\\+?\\d+.*")) throw drop(ctx, "Invalid uidrange " + w + " specified");
                    opts.put(w, v);
                }
                case "l3mdev" -> {
                    l3mdev = true;
                    if (action != null) throw drop(ctx, "Cannot specify l3mdev with other action");
                    action = "table";
                }
                case "protocol" -> {
                    if (Numbers.readUnsigned(ctx, a.word(++i), 0, 255) == null) {
                        ctx.error(GENERAL_ERROR, "Invalid protocol " + a.word(i));
                    } else {
                        opts.put(w, a.word(i));
                    }
                }
                case "ipproto" -> {
                    String v = a.word(++i);
                    if (ipProto(v) < 0) ctx.error(GENERAL_ERROR, "Invalid ipproto " + v);
                    else opts.put(w, v);
                }
                case "sport", "dport" -> {
                    String v = a.word(++i);
                    // keepalived's sscanf("%hu-%hu") wants a range: a single port is refused
                    if (!v.matches("\\s*\\+?\\d+-\\s*\\+?\\d+.*")) ctx.error(GENERAL_ERROR, "invalid " + w + " range " + v);
                    else opts.put(w, v);
                }
                case "no_track" -> noTrack = true;
                default -> {
                    if (staticRule && w.equals("track_group")) {
                        String v = a.word(++i);
                        if (trackGroup != null) {
                            ctx.error(GENERAL_ERROR, "track_group " + v + " is a duplicate");
                            i = a.size();
                            continue;
                        }
                        if (!root.vrrp.trackGroupNames.contains(v)) ctx.error(GENERAL_ERROR, "track_group " + v + " not found");
                        else trackGroup = v;
                        continue;
                    }
                    String act = w.equals("type") ? a.word(++i) : w;
                    String newAction;
                    if (act.equals("goto")) {
                        Long t = Numbers.readUnsigned(ctx, a.word(++i), 0, 0xFFFF_FFFFL);
                        if (t == null) throw drop(ctx, "Invalid target " + act + " specified");
                        gotoTarget = t;
                        newAction = "goto";
                    } else if (act.equals("nop")) {
                        newAction = "nop";
                    } else if (RtTables.routeType(act) != null) {
                        if (!act.equals("blackhole") && !act.equals("unreachable") && !act.equals("prohibit")
                                && !Long.valueOf(6).equals(RtTables.routeType(act))
                                && !Long.valueOf(7).equals(RtTables.routeType(act))
                                && !Long.valueOf(8).equals(RtTables.routeType(act))) {
                            throw drop(ctx, "Invalid rule action " + act);
                        }
                        newAction = act;
                    } else {
                        throw drop(ctx, "Unknown rule option " + act);
                    }
                    if (action != null) {
                        throw drop(ctx, "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev for rule");
                    }
                    action = newAction;
                    if (gotoTarget != null) opts.put("goto", String.valueOf(gotoTarget));
                }
            }
        }
        if ("goto".equals(action)) {
            if (prio == null) {
                throw drop(ctx, "Invalid rule - goto target " + gotoTarget + " specified without preference");
            }
            if (prio >= gotoTarget) throw drop(ctx, "Invalid rule - preference " + prio + " >= goto target " + gotoTarget);
        }
        if (action == null) throw drop(ctx, "No action specified for rule - ignoring");
        if (!action.equals("table") && tableOption) {
            throw drop(ctx, "suppressor/realm specified for non table action - skipping");
        }
        if (table != null && l3mdev) throw drop(ctx, "table cannot be specified for l3mdev rules");
        if (!noTrack && opts.containsKey("protocol") && RtTables.cNumber(opts.get("protocol")) != 18L) {
            ctx.error(GENERAL_ERROR, "Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol");
        }
        if (trackGroup != null && iif == null) {
            ctx.error(GENERAL_ERROR, "Static rule cannot have track_group if dev/iif not specified");
            trackGroup = null;
        }
        if (iif != null) opts.put("iif", iif);
        boolean six = family == 6;
        if (prio == null) {
            Map<Boolean, long[]> next = ctx.scratch(NEXT_PRIORITY, HashMap::new);
            prio = next.computeIfAbsent(six, k -> new long[] {16384})[0]--;
            ctx.error(GENERAL_ERROR, "Rule has no preference specified - setting to " + prio
                    + ". This is probably not what you want.");
        }
        return new Rule(six, from, to, prio, table, action.equals("table") ? null : action, opts, noTrack, trackGroup);
    }

    /** parse_route for rules: all/any/default (no family), or an address/prefix. */
    private static Prefix route(ParseContext ctx, String v) {
        if (v.equals("default") || v.equals("any") || v.equals("all")) return new Prefix(null, 0);
        if (v.equals("default6")) return new Prefix(Words.ip("::"), 0);
        var p = AddressGrammar.parse(ctx, v, true);
        return p == null ? null : new Prefix(p.address(), p.prefix());
    }

    /** fwmark V[/M]: C numbers up to 2^32-1, no sign. */
    private static boolean fwmark(String v) {
        if (v.startsWith("-")) return false;
        int slash = v.indexOf('/');
        String mark = slash < 0 ? v : v.substring(0, slash);
        Long m = RtTables.cNumber(mark);
        if (m == null || m > 0xFFFF_FFFFL) return false;
        if (slash < 0) return true;
        String mask = v.substring(slash + 1);
        if (mask.isEmpty() || Character.isWhitespace(mask.charAt(0)) || mask.startsWith("-")) return false;
        Long k = RtTables.cNumber(mask);
        return k != null && k <= 0xFFFF_FFFFL;
    }

    /** keepalived's inet_proto_a2n: a number up to 127 (sic), or a name from /etc/protocols. */
    private static int ipProto(String v) {
        String t = v.stripLeading();
        if (t.isEmpty() || t.startsWith("-")) return -1;
        if (t.chars().allMatch(Character::isDigit)) {
            long n = t.length() > 10 ? Long.MAX_VALUE : Long.parseLong(t);
            return n > 127 ? -1 : (int) n;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/etc/protocols"))) {
                String[] w = line.replaceAll("#.*", "").trim().split("\\s+");
                if (w.length < 2) continue;
                for (int i = 0; i < w.length; i++) {
                    if (i != 1 && w[i].equals(t)) return Integer.parseInt(w[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
