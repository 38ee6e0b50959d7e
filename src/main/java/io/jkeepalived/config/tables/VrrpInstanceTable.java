package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.DEPRECATED;
import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.tables.GlobalTable.flag;

import io.jkeepalived.config.model.Authentication;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The vrrp_instance block (keepalived's vrrp_parser.c); completion rules are in VrrpCompletion. */
final class VrrpInstanceTable {
    private VrrpInstanceTable() {}

    static final Block<InstanceBuilder> BLOCK = build();

    private static Block<InstanceBuilder> build() {
        Block<InstanceBuilder> b = new Block<>("vrrp_instance");
        b.simple(KeywordInfo.of("state", 1, 1, ValueType.ENUM).range("MASTER|BACKUP"), (ctx, v, a) -> {
            String s = a.word(1);
            if (s.equals("MASTER")) v.wantState = VrrpInstance.State.MASTER;
            else if (s.equals("BACKUP")) {
                if (v.wantState == VrrpInstance.State.MASTER) {
                    ctx.error(GENERAL_ERROR, "(" + v.name + ") state previously set as MASTER - ignoring BACKUP");
                } else {
                    v.wantState = VrrpInstance.State.BACKUP;
                }
            } else {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") unknown state '" + s + "', defaulting to BACKUP");
                v.wantState = VrrpInstance.State.BACKUP;
            }
        });
        b.simple(KeywordInfo.of("interface", 1, 1, ValueType.INTERFACE), (ctx, v, a) -> {
            String n = a.word(1);
            if (Words.ifnameTooLong(n)) {
                ctx.error(GENERAL_ERROR, "Interface name '" + n + "' too long - ignoring");
                return;
            }
            if (!Interfaces.lookup(ctx, v.root, n)) {
                ctx.error(GENERAL_ERROR, "WARNING - interface " + n + " for vrrp_instance " + v.name + " doesn't exist");
                v.ifname = null;
            } else if (Interfaces.isLoopback(n)) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") cannot use a loopback interface (" + n
                        + ") for vrrp - ignoring");
                v.ifname = null;
            } else {
                v.ifname = n;
            }
        });
        b.simple(KeywordInfo.of("vrf", 1, 1, ValueType.INTERFACE), (ctx, v, a) -> {
            String n = a.word(1);
            if (Words.ifnameTooLong(n)) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") VRF interface name '" + n + "' too long - ignoring");
            } else if (v.ifname != null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") Cannot specify VRF interface and interface - ignoring");
            } else if (v.vrf != null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") VRF interface already specified as '" + v.vrf + "' - ignoring");
            } else if (!Interfaces.lookup(ctx, v.root, n)) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") WARNING - VRF interface " + n + " doesn't exist");
            } else if (Interfaces.isLoopback(n)) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") cannot use a loopback interface (" + n + ") for VRF - ignoring");
            } else {
                v.vrf = n;
            }
        });
        b.simple(KeywordInfo.of("virtual_router_id", 1, 1, ValueType.UNSIGNED).range("1..255"), (ctx, v, a) -> {
            Long id = a.readUnsigned(1, 1, 255);
            if (id == null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + "): VRID '" + a.word(1) + "' not valid - must be between 1 & 255");
            } else {
                v.vrid = id.intValue();
            }
        });
        b.simple(KeywordInfo.of("priority", 1, 1, ValueType.UNSIGNED).range("1..255").defaultValue("100"),
                (ctx, v, a) -> {
                    Long p = a.readUnsigned(1, 1, 255);
                    if (p == null) {
                        ctx.error(GENERAL_ERROR, "(" + v.name
                                + ") Priority not valid! must be between 1 & 255. Using default 100");
                        v.priority = 100;
                    } else {
                        v.priority = p.intValue();
                    }
                });
        b.simple(KeywordInfo.of("advert_int", 1, 1, ValueType.TIMER).range("0.01..255").defaultValue("1"),
                (ctx, v, a) -> {
                    Long t = a.readTimer(1, 10_000, 255_000_000);
                    if (t == null || t <= 0) {
                        ctx.error(GENERAL_ERROR, "(" + v.name + ") Advert interval (" + a.word(1)
                                + ") not valid! Must be > 0 - ignoring");
                    } else {
                        v.advertInt = t;
                    }
                });
        b.simple(KeywordInfo.of("version", 1, 1, ValueType.INT).range("2|3"), (ctx, v, a) -> {
            Long ver = a.readInt(1, 2, 3);
            if (ver == null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + "): Version must be either 2 or 3");
            } else if ((v.version != 0 && v.version != ver) || (ver == 2 && v.family == 6)) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") vrrp_version " + ver
                        + " conflicts with configured or deduced version " + v.version + "; ignoring.");
            } else {
                v.version = ver.intValue();
            }
        });
        b.simple(flag("native_ipv6"), (ctx, v, a) -> {
            if (v.family == 4) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") Cannot specify native_ipv6 with IPv4 addresses");
                return;
            }
            v.family = 6;
            v.version = 3;
        });
        b.simple(KeywordInfo.of("mcast_src_ip", 1, 1, ValueType.IP), (ctx, v, a) -> srcIp(ctx, v, a));
        b.simple(KeywordInfo.of("unicast_src_ip", 1, 1, ValueType.IP), (ctx, v, a) -> {
            v.unicastConfigured = true;
            srcIp(ctx, v, a);
        });
        b.simple(KeywordInfo.of("mcast_dst_ip", 1, 1, ValueType.IP), VrrpInstanceTable::mcastDst);
        b.simple(flag("track_src_ip"), (ctx, v, a) -> v.trackSrcIp = true);
        b.simple(flag("dont_track_primary"), (ctx, v, a) -> v.dontTrackPrimary = true);
        b.simple(KeywordInfo.of("unicast_ttl", 1, 1, ValueType.UNSIGNED).range("0..255"), (ctx, v, a) -> {
            Long t = a.readUnsigned(1, 0, 255);
            if (t == null) ctx.error(GENERAL_ERROR, "(" + v.name + "): TTL '" + a.word(1) + "' not valid - must be between 0 & 255");
            else v.ttl = t.intValue();
        });
        b.simple(flag("unicast_fault_no_peer"), (ctx, v, a) -> {
            v.unicastConfigured = true;
            v.unicastFaultNoPeer = true;
        });
        b.simple(flag("check_unicast_src"), (ctx, v, a) -> {
            v.unicastConfigured = true;
            v.checkUnicastSrc = true;
        });
        b.simple(KeywordInfo.of("old_unicast_checksum", 0, 1, ValueType.ENUM).range("[never]"), (ctx, v, a) -> {
            v.unicastConfigured = true;
            if (!a.has(1)) v.oldUnicastChecksum = VrrpInstance.OldUnicastChecksum.CONFIGURED;
            else if (a.word(1).equals("never")) v.oldUnicastChecksum = VrrpInstance.OldUnicastChecksum.NEVER;
            else ctx.error(GENERAL_ERROR, "(" + v.name + ") Unknown old_unicast_chksum mode " + a.word(1) + " - ignoring");
        });
        b.lines(KeywordInfo.of("unicast_peer", 0, 0, ValueType.LINES), (ctx, v, a) -> v.unicastConfigured = true,
                VrrpInstanceTable::unicastPeer, null);
        b.lines(KeywordInfo.of("virtual_ipaddress", 0, 0, ValueType.LINES), null, (ctx, v, a) -> {
            VirtualIp ip = AddressGrammar.parseLine(ctx, v.root, a, false);
            if (ip == null) return;
            int fam = ip.isIpv6() ? 6 : 4;
            if (v.family == 0) v.family = fam;
            else if (fam != v.family) {
                ctx.error(GENERAL_ERROR, "(" + v.name + "): address family must match VRRP instance [" + a.word(0)
                        + "] - ignoring");
                return;
            }
            v.vips.add(ip);
        }, null);
        b.lines(KeywordInfo.of("virtual_ipaddress_excluded", 0, 0, ValueType.LINES), null, (ctx, v, a) -> {
            VirtualIp ip = AddressGrammar.parseLine(ctx, v.root, a, false);
            if (ip != null) v.evips.add(ip);
        }, null);
        b.lines(KeywordInfo.of("virtual_routes", 0, 0, ValueType.LINES), null, (ctx, v, a) -> {
            var r = RouteGrammar.parse(ctx, v.root, a, false);
            if (r != null) v.routes.add(r);
        }, null);
        b.lines(KeywordInfo.of("virtual_rules", 0, 0, ValueType.LINES), null, (ctx, v, a) -> {
            var r = RuleGrammar.parse(ctx, v.root, a, false);
            if (r != null) v.rules.add(r);
        }, null);
        b.simple(flag("promote_secondaries"), (ctx, v, a) -> v.promoteSecondaries = true);
        b.simple(flag("linkbeat_use_polling").replacedBy("linkbeat_interfaces"), (ctx, v, a) -> {
            v.linkbeatUsePolling = true;
            ctx.error(GENERAL_ERROR, "(" + v.name
                    + ") 'linkbeat_use_polling' in vrrp instance deprecated - use linkbeat_interfaces block");
        });
        TrackRefs.installInstance(b);
        VrrpInstanceOptions.install(b);
        Block<InstanceBuilder> auth = new Block<>("authentication");
        auth.simple(KeywordInfo.of("auth_type", 1, 1, ValueType.ENUM).range("PASS|AH"), (ctx, v, a) -> {
            switch (a.word(1)) {
                case "AH" -> v.authType = Authentication.Type.AH;
                case "PASS" -> v.authType = Authentication.Type.PASS;
                default -> ctx.error(GENERAL_ERROR, "(" + v.name + ") unknown authentication type '" + a.word(1) + "'");
            }
        });
        auth.simple(KeywordInfo.of("auth_pass", 1, 1, ValueType.STRING), (ctx, v, a) -> {
            String p = a.word(1);
            if (p.length() > 8) {
                ctx.error(GENERAL_ERROR, "Truncating auth_pass to 8 characters");
                p = p.substring(0, 8);
            }
            v.authPass = p;
        });
        b.sub(KeywordInfo.of("authentication", 0, 0, ValueType.BLOCK), auth, (ctx, v, a) -> v, null);
        return b;
    }

    private static void srcIp(ParseContext ctx, InstanceBuilder v, Args a) {
        InetAddress ip = Words.sockaddr(a.word(1));
        if (ip == null) {
            ctx.error(GENERAL_ERROR, "Configuration error: VRRP instance[" + v.name + "] malformed src address["
                    + a.word(1) + "]. Skipping...");
            return;
        }
        int fam = ip instanceof Inet6Address ? 6 : 4;
        if (v.family == 0) v.family = fam;
        else if (fam != v.family) {
            ctx.error(GENERAL_ERROR, "Configuration error: VRRP instance[" + v.name + "] and src address["
                    + a.word(1) + "] MUST be of the same family !!! Skipping...");
            v.saddr = null;
            return;
        }
        v.saddr = ip;
    }

    private static void mcastDst(ParseContext ctx, InstanceBuilder v, Args a) {
        InetAddress ip = Words.sockaddr(a.word(1));
        if (ip == null) {
            ctx.error(GENERAL_ERROR, "(" + v.name + ") malformed mcast dest address " + a.word(1) + ". Skipping...");
            return;
        }
        int fam = ip instanceof Inet6Address ? 6 : 4;
        if (v.family == 0) v.family = fam;
        else if (fam != v.family) {
            ctx.error(GENERAL_ERROR, "(" + v.name + ") mcast dest address " + a.word(1)
                    + " MUST match VRRP instance family. Skipping...");
            ip = null;
        }
        if (ip != null && (fam == 4 ? !ip.isMulticastAddress() : !ip.isMCLinkLocal())) {
            ctx.error(GENERAL_ERROR, "(" + v.name + ") mcast_dst_ip " + a.word(1) + " not" + (fam == 6 ? " link-local" : "")
                    + " multicast. Skipping...");
            ip = null;
        }
        v.mcastDst = ip;
    }

    private static void unicastPeer(ParseContext ctx, InstanceBuilder v, Args a) {
        InetAddress ip = Words.sockaddr(a.word(0));
        if (ip == null) {
            ctx.error(GENERAL_ERROR, "Configuration error: VRRP instance[" + v.name + "] malformed unicast peer address["
                    + a.word(0) + "]. Skipping...");
            return;
        }
        int fam = ip instanceof Inet6Address ? 6 : 4;
        if (v.family == 0) v.family = fam;
        else if (fam != v.family) {
            ctx.error(GENERAL_ERROR, "Configuration error: VRRP instance[" + v.name + "] and unicast peer address["
                    + a.word(0) + "] MUST be of the same family !!! Skipping...");
            return;
        }
        int min = 0, max = 255;
        for (int i = 1; i < a.size(); i += 2) {
            if (i + 1 >= a.size()) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") " + a.word(i) + " is missing a value");
                break;
            }
            Long t = a.readUnsigned(i + 1, 0, 255);
            if (t == null) continue;
            if (a.word(i).equals("min_ttl")) min = t.intValue();
            else if (a.word(i).equals("max_ttl")) max = t.intValue();
            else {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") unknown unicast_peer option " + a.word(i));
                break;
            }
            v.checkUnicastSrc = true;
        }
        if (min > max) {
            ctx.error(GENERAL_ERROR, "(" + v.name + ") min_ttl " + min + " > max_ttl " + max
                    + " - all packets will be discarded");
        }
        v.unicastConfigured = true;
        v.peers.add(new io.jkeepalived.config.model.UnicastPeer(ip, min, max));
    }

    /** A notify keyword: a second one is an error; a bad user only makes keepalived log and drop it. */
    static void notifyScript(Block<InstanceBuilder> b, String kw, Function<InstanceBuilder, Script> get,
                             BiConsumer<InstanceBuilder, Script> set) {
        b.simple(KeywordInfo.of(kw, 1, 3, ValueType.SCRIPT), (ctx, v, a) -> {
            if (get.apply(v) != null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") " + kw + " script already specified - ignoring " + a.word(1));
                return;
            }
            Script s = scriptFor(ctx, a);
            if (s != null) set.accept(v, s);
        });
    }

    /** notify_script_init: the script, or null when its user does not resolve (keepalived only logs it). */
    static Script scriptFor(ParseContext ctx, Args a) {
        // notify_script_init names the command in its "Unable to parse" log: without one keepalived exits 2
        if (!a.has(1)) a.word(1);
        Script s = Words.script(ctx, a);
        if (s == null) return null;
        boolean ok = s.user() != null ? ScriptUsers.valid(ctx, s.user(), s.group()) : ScriptUsers.of(ctx).useDefault(ctx);
        return ok ? s : null;
    }

    static void deprecated(ParseContext ctx, String old, String replacement) {
        ctx.error(DEPRECATED, "Keyword \"" + old + "\" is deprecated - please use \"" + replacement + "\"");
    }

    static List<String> words(Args a) {
        return a.words().subList(1, a.size());
    }
}
